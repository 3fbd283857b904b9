import Link from 'next/link';
import { SiteChrome } from '@/components/site/site-chrome';

export default function NotFound() {
  return (
    <SiteChrome>
      <section className="section" aria-labelledby="nf-heading">
        <h1 id="nf-heading">Page not found</h1>
        <p>There is no page at this address.</p>
        <p>
          <Link href="/" prefetch={false}>Back to the rankings</Link>
        </p>
      </section>
    </SiteChrome>
  );
}
