import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from './secret';

/**
 * CSRF tokens for staff forms: an HMAC of the session id and the form's purpose, so a token is
 * worthless outside the session it was issued to and for any other action. Server actions also get
 * Next's Origin check; this holds even if a same-site page were compromised into posting.
 */
export function csrfToken(sessionId: string, purpose: string): string {
  return createHmac('sha256', authSecret()).update(`${sessionId}\n${purpose}`).digest('base64url');
}

export function verifyCsrfToken(sessionId: string, purpose: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length === 0) return false;
  const expected = Buffer.from(csrfToken(sessionId, purpose));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
