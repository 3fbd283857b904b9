import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'No access', robots: { index: false, follow: false } };

// Inside the (site) group, whose layout draws the header and footer around it. Static and free of
// next-auth's client code on purpose: Next renders this boundary into every route's payload, so reading
// the session here would make every public page dynamic, and a sign-out button would add next-auth to
// every page's JavaScript. The sign-in page names the account and signs it out.
/** 403 for the staff view: signed in, but not (or no longer) on the staff allowlist. */
export default function Forbidden() {
  return (
    <section className="section" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">No access to the staff view</h1>
      <p>
        The account you are signed in with is not on the staff allowlist. Ask whoever runs this site to add you, or{' '}
        <Link href="/sign-in" prefetch={false}>
          sign out and sign in with another account
        </Link>
        .
      </p>
    </section>
  );
}
