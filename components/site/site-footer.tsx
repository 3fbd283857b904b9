import Link from 'next/link';
import { LICENSE_URL } from '@/lib/citation';
import { archiveHref } from '@/lib/routes';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label="More">
          <ul className="footer-links">
            <li>
              <Link href={archiveHref()} prefetch={false}>
                Monthly archive
              </Link>
            </li>
            <li>
              <Link href="/methodology#downloads" prefetch={false}>
                Downloads and API
              </Link>
            </li>
            <li>
              <Link href="/methodology#embeds" prefetch={false}>
                Embeds
              </Link>
            </li>
            <li>
              <a href="/feed.xml" type="application/atom+xml">
                Atom feed
              </a>
            </li>
            <li>
              <Link href="/methodology" prefetch={false}>
                Methodology
              </Link>
            </li>
          </ul>
        </nav>
        <p className="muted">
          Tokenboard republishes OpenRouter&apos;s public Datasets API. Aggregated data is available under{' '}
          <a href={LICENSE_URL} rel="license">
            CC BY 4.0
          </a>
          . Not affiliated with OpenRouter.
        </p>
      </div>
    </footer>
  );
}
