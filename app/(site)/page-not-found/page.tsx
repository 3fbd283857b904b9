import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/site/not-found-content';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };
export const dynamic = 'force-static';

/**
 * The site's 404 page, as static HTML inside the (site) layout: middleware.ts answers every address that
 * names nothing (an unknown path, app view, archive month or model) by rewriting here with status 404.
 * A notFound() raised while Next renders a page on demand would leave the HTML empty (vercel/next.js#95613).
 */
export default function PageNotFound() {
  return <NotFoundContent />;
}
