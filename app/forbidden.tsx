import type { Metadata } from 'next';
import { SignOutButton } from '@/components/staff/sign-out-button';

export const metadata: Metadata = { title: 'No access', robots: { index: false, follow: false } };

// Static on purpose: this boundary is rendered into every route's payload, so reading the session here
// would make every public page dynamic. The sign-in page names the signed-in account.
/** 403 for the staff view: signed in, but not (or no longer) on the staff allowlist. */
export default function Forbidden() {
  return (
    <section className="section" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">No access to the staff view</h1>
      <p>
        The account you are signed in with is not on the staff allowlist. Ask whoever runs this site to add you, or sign out and
        sign in with another account.
      </p>
      <SignOutButton />
    </section>
  );
}
