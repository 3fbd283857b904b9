import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInOptions } from '@/components/staff/sign-in-options';
import { SignOutButton } from '@/components/staff/sign-out-button';
import { staffAccess } from '@/lib/auth/staff';
import { getConfig } from '@/lib/env';
import '@/components/staff/staff.css';

export const metadata: Metadata = { title: 'Staff sign-in', robots: { index: false, follow: false } };

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match a staff account.',
  AccessDenied: 'The identity provider did not share a verified email address, so you cannot be signed in.',
  OAuthSignin: 'The identity provider could not be reached. Please try again.',
  OAuthCallback: 'The identity provider sign-in did not complete. Please try again.',
  SessionRequired: 'Please sign in to continue.',
};

/** Only paths of this site: an open redirect after sign-in would make the sign-in page a phishing aid. */
function safeCallback(value: string | string[] | undefined): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/staff';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const access = await staffAccess();
  if (access.status === 'staff') redirect(callbackUrl);
  const { staff } = getConfig();
  const error = typeof params.error === 'string' ? (ERRORS[params.error] ?? 'Sign-in failed. Please try again.') : null;
  return (
    <section className="section staff-sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Staff sign-in</h1>
      <p className="muted">The staff view is for the people who run Tokenboard. The public rankings need no account.</p>
      {error ? (
        <p role="alert" className="staff-alert staff-alert--error">
          {error}
        </p>
      ) : null}
      {staff.enabled ? (
        <SignInOptions oidcName={staff.oidc?.name ?? null} passwords={staff.users.size > 0} callbackUrl={callbackUrl} />
      ) : (
        <p role="status" className="staff-alert">
          Staff sign-in is not configured on this deployment. Set STAFF_OIDC_* or STAFF_USERS, and STAFF_ALLOWLIST (see the
          README).
        </p>
      )}
      {access.status === 'forbidden' ? (
        <div className="staff-sign-in__current">
          <p className="muted">You are signed in as {access.email}, which is not on the staff allowlist.</p>
          <SignOutButton />
        </div>
      ) : null}
    </section>
  );
}
