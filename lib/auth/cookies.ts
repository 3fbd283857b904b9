import type { CookiesOptions } from 'next-auth';

const TEN_MINUTES = 10 * 60;

/**
 * Cookie names and flags. Over https the session and CSRF cookies are `__Host-` (Secure, Path=/, no
 * Domain: no subdomain can set or read them) and the short-lived sign-in cookies `__Secure-`. All are
 * HttpOnly and SameSite=Lax (Lax, not Strict: the identity provider's redirect back is cross-site).
 */
export function authCookies(secure: boolean): CookiesOptions {
  const host = secure ? '__Host-' : '';
  const prefix = secure ? '__Secure-' : '';
  const base = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  const shortLived = { ...base, maxAge: TEN_MINUTES };
  return {
    sessionToken: { name: sessionCookieName(secure), options: base },
    csrfToken: { name: `${host}tokenboard.csrf`, options: base },
    callbackUrl: { name: `${prefix}tokenboard.callback-url`, options: base },
    pkceCodeVerifier: { name: `${prefix}tokenboard.pkce`, options: shortLived },
    state: { name: `${prefix}tokenboard.state`, options: shortLived },
    nonce: { name: `${prefix}tokenboard.nonce`, options: shortLived },
  };
}

export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Host-' : ''}tokenboard.session`;
}
