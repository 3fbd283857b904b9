import Link from 'next/link';
import { ThemeToggle } from '@/components/site/theme-toggle';
import { modelsHref } from '@/lib/routes';

// No prefetch: on every page load it would fetch and parse three full pages' payloads, the main-thread
// work mobile visitors feel most, for navigations that ISR-cached pages serve fast anyway.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" prefetch={false}>
          Tokenboard
        </Link>
        <span className="muted site-header__tagline">AI model and app token rankings, per UTC day</span>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <Link href={modelsHref()} prefetch={false}>
                Models
              </Link>
            </li>
            <li>
              <Link href="/rankings" prefetch={false}>
                Rankings
              </Link>
            </li>
            <li>
              <Link href="/apps" prefetch={false}>
                Apps
              </Link>
            </li>
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
