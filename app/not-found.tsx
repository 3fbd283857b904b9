import Link from 'next/link';

/**
 * The root 404, for what middleware.ts does not catch first (a deeper unknown path under a routed segment,
 * such as `/methodology/x`). Kept to a few bytes because Next puts this boundary into every page's payload:
 * with the site's chrome it was about 7 kB of every page. Addresses that name nothing get the full page,
 * with header and footer, at `(site)/page-not-found`.
 */
export default function NotFound() {
  return (
    <main id="main" className="container">
      <h1>Page not found</h1>
      <p>
        <Link href="/" prefetch={false}>
          Tokenboard home: today&apos;s rankings
        </Link>
      </p>
    </main>
  );
}
