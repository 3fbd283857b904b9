import type { Metadata } from 'next';
import { SignOutButton } from '@/components/staff/sign-out-button';
import { staffAccess } from '@/lib/auth/staff';

export const metadata: Metadata = { title: 'No access', robots: { index: false, follow: false } };

/** 403 for the staff view: signed in, but not (or no longer) on the staff allowlist. */
export default async function Forbidden() {
  const access = await staffAccess();
  return (
    <section className="section" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">No access to the staff view</h1>
      <p>
        {access.status === 'forbidden' ? <>You are signed in as {access.email}, but that account </> : <>Your account </>}
        is not on the staff allowlist. Ask whoever runs this site to add you, or sign in with another account.
      </p>
      <SignOutButton />
    </section>
  );
}
