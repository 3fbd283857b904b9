import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { NextResponse } from 'next/server';
import { isStaffEmail } from './allowlist';
import { authOptions, SIGN_IN_PATH } from './options';

export interface StaffUser {
  email: string;
  name: string;
  /** The session id CSRF tokens are bound to. */
  sessionId: string;
}

export type StaffAccess =
  | { status: 'anonymous' }
  | { status: 'forbidden'; email: string }
  | { status: 'staff'; user: StaffUser };

type StaffSession = Session & { sid?: string };

/** Who is asking, checked against the allowlist now (not when they signed in). */
export async function staffAccess(): Promise<StaffAccess> {
  const session = (await getServerSession(authOptions())) as StaffSession | null;
  const email = session?.user?.email;
  if (!session || !email || !session.sid) return { status: 'anonymous' };
  if (!(await isStaffEmail(email))) return { status: 'forbidden', email };
  return { status: 'staff', user: { email, name: session.user?.name ?? email, sessionId: session.sid } };
}

/**
 * For staff pages and server actions: the staff member, or the request ends here — signed out goes to
 * sign-in, signed in but not on the allowlist gets 403. Never rely on middleware.ts alone.
 */
export async function requireStaff(returnTo = '/staff'): Promise<StaffUser> {
  const access = await staffAccess();
  if (access.status === 'anonymous') redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (access.status === 'forbidden') forbidden();
  return access.user;
}

/** For staff route handlers: the staff member, or a 401/403 JSON response to return as is. */
export async function requireStaffApi(): Promise<StaffUser | NextResponse> {
  const access = await staffAccess();
  if (access.status === 'staff') return access.user;
  return access.status === 'anonymous' ? staffApiDenied(401) : staffApiDenied(403);
}

export function staffApiDenied(status: 401 | 403): NextResponse {
  const message = status === 401 ? 'Sign in as staff to use this endpoint.' : 'Your account is not on the staff allowlist.';
  return NextResponse.json({ error: { code: status, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}
