import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { getConfig, type StaffConfig } from '../env';
import { logEvent } from '../log';
import { recordAudit } from '../audit';
import { isStaffEmail } from './allowlist';
import { authCookies } from './cookies';
import { verifyPassword } from './password.mjs';
import { authSecret } from './secret';
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from './throttle';

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export const SIGN_IN_PATH = '/sign-in';

function oidcProvider(oidc: NonNullable<StaffConfig['oidc']>): OAuthConfig<OidcProfile> {
  return {
    id: 'oidc',
    name: oidc.name,
    type: 'oauth',
    wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      // An address the provider has not verified is not an identity the allowlist can trust.
      const email = profile.email && profile.email_verified !== false ? profile.email.toLowerCase() : null;
      return { id: profile.sub, email, name: profile.name ?? email };
    },
  };
}

function credentialsProvider(users: StaffConfig['users']) {
  return CredentialsProvider({
    id: 'credentials',
    name: 'Staff password',
    credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
    async authorize(credentials) {
      const email = credentials?.email?.trim().toLowerCase() ?? '';
      if (throttle.isLocked(email)) {
        logEvent('staff_sign_in_throttled', { reason: `${MAX_FAILURES} wrong passwords within ${WINDOW_MS / 60_000} min` }, 'warn');
        return null;
      }
      const hash = users.get(email);
      // Unknown users still pay for one hash, so timing does not reveal who has an account.
      const ok = (await verifyPassword(credentials?.password ?? '', hash ?? DUMMY_HASH)) && hash !== undefined;
      if (ok) throttle.recordSuccess(email);
      else throttle.recordFailure(email);
      return ok ? { id: email, email, name: email.split('@')[0] ?? email } : null;
    },
  });
}

const throttle = new SignInThrottle();

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * next-auth v4 configuration. Authentication only proves who someone is; whether they are staff is
 * decided on every request from the allowlist (lib/auth/staff.ts, middleware.ts), so a session outlives
 * nobody's removal.
 */
export function authOptions(): NextAuthOptions {
  const { staff, siteUrl } = getConfig();
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL; the site has one canonical origin.
  process.env.NEXTAUTH_URL ??= siteUrl;
  const providers = [];
  if (staff.oidc) providers.push(oidcProvider(staff.oidc));
  if (staff.users.size > 0) providers.push(credentialsProvider(staff.users));
  return {
    providers,
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: staff.sessionMinutes * 60, updateAge: 5 * 60 },
    jwt: { maxAge: staff.sessionMinutes * 60 },
    cookies: authCookies(staff.secureCookies),
    useSecureCookies: staff.secureCookies,
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    callbacks: {
      signIn: ({ user }) => Boolean(user.email),
      jwt({ token, account }) {
        // A fresh session id per sign-in: CSRF tokens are bound to it.
        if (account) return { ...token, sid: randomUUID(), provider: account.provider };
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { email: token.email ?? null, name: token.name ?? null }, sid: typeof token.sid === 'string' ? token.sid : '' };
      },
      redirect({ url, baseUrl }) {
        if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
        return new URL(url).origin === baseUrl ? url : `${baseUrl}/staff`;
      },
    },
    events: {
      async signIn({ user, account }) {
        const onList = await isStaffEmail(user.email);
        await recordAudit({
          actor: user.email ?? 'unknown',
          action: 'sign-in',
          detail: `via ${account?.provider ?? 'unknown'}${onList ? '' : ' (not on the staff allowlist: no access)'}`,
          outcome: onList ? 'ok' : 'refused',
        });
      },
      async signOut({ token }) {
        await recordAudit({ actor: token?.email ?? 'unknown', action: 'sign-out', detail: 'signed out', outcome: 'ok' });
      },
    },
    logger: {
      // next-auth's own logger prints request metadata; only the code and message are safe to publish.
      error: (code, metadata) => logEvent('auth_error', { code, message: messageOf(metadata) }, 'error'),
      warn: (code) => logEvent('auth_warning', { code }, 'warn'),
      debug: () => undefined,
    },
  };
}

function messageOf(metadata: unknown): string | null {
  const error = (metadata as { error?: { message?: unknown }; message?: unknown } | undefined) ?? {};
  const message = error.error?.message ?? error.message;
  return typeof message === 'string' ? message.slice(0, 300) : null;
}
