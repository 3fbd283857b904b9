import { NotFoundContent } from '@/components/site/not-found-content';

/** `notFound()` from a page of the site: the `(site)` layout already draws the header and footer. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}
