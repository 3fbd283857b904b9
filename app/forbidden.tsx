import Link from 'next/link';

/**
 * 403 outside the `(site)` group, which nothing raises (the staff view is inside it: `(site)/forbidden`).
 * With `authInterrupts` on, Next puts this boundary into every page's payload; its default is a page of
 * inline styles. This one is a few bytes.
 */
export default function RootForbidden() {
  return (
    <main id="main" className="container">
      <h1>No access</h1>
      <p>
        <Link href="/" prefetch={false}>
          Tokenboard home
        </Link>
      </p>
    </main>
  );
}
