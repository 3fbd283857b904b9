import Link from 'next/link';
import { ThemeToggle } from '@/components/site/theme-toggle';
import { modelsHref } from '@/lib/routes';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          Tokenboard
        </Link>
        <span className="muted site-header__tagline">AI model and app token rankings, per UTC day</span>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <Link href={modelsHref()}>Models</Link>
            </li>
            <li>
              <Link href="/apps">Apps</Link>
            </li>
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
