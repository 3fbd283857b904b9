// @ts-check
// Response headers for every path, read by next.config.js at build time (CommonJS, like the config).

/**
 * The Content-Security-Policy: only what the site loads. Scripts and styles come from this origin, plus
 * inline: the App Router streams its payload in inline `<script>` tags and React renders `style`
 * attributes. A nonce would remove 'unsafe-inline' for scripts, but a per-request nonce makes every
 * page dynamic, and the rankings are ISR pages on purpose (one render per data day, not per visitor).
 * Sign-in posts a form that redirects to the single sign-on provider, so its origin is a form target.
 * `next dev` needs eval (React's debugging) and a websocket for hot reload; production gets neither.
 *
 * Framing is refused (`frame-ancestors 'none'`) except for the `/embed/*` widgets, which exist to be
 * framed by any site (`frameable`): see headerRules.
 *
 * @param {{ dev: boolean, https: boolean, ssoIssuer?: string, frameable?: boolean }} options
 */
function contentSecurityPolicy({ dev, https, ssoIssuer, frameable = false }) {
  const formAction = ["'self'"];
  const ssoOrigin = originOf(ssoIssuer);
  if (ssoOrigin) formAction.push(ssoOrigin);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction.join(' ')}`,
    `frame-ancestors ${frameable ? '*' : "'none'"}`,
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** @param {string | undefined} url */
function originOf(url) {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined; // lib/env.ts reports a malformed issuer at startup
  }
}

/**
 * HSTS only when the canonical origin is HTTPS: browsers ignore it over http, and a local http run
 * must keep working. Framing is refused (header and the older X-Frame-Options) unless `frameable`.
 *
 * @param {Record<string, string | undefined>} env
 * @param {{ dev: boolean, frameable?: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
function securityHeaders(env, { dev, frameable = false }) {
  const https = (env.SITE_URL ?? '').startsWith('https://');
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev, https, ssoIssuer: env.STAFF_OIDC_ISSUER, frameable }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ...(frameable ? [] : [{ key: 'X-Frame-Options', value: 'DENY' }]),
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
  if (https) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  return headers;
}

/**
 * next.config.js `headers()`: two rules that split every path in two, so no header is set twice and
 * none has to be taken back. Next matches them against the path the client asked for, before
 * middleware rewrites (case-insensitively, like all its custom routes): `/embed/models?…` and the
 * `/embed/v/…` page it is rewritten to are both under `/embed`, and nothing outside `/embed` can be
 * framed. The widgets may be framed by any site — that is what they are for, and they hold no
 * session, form or action a framing page could abuse: `frame-ancestors *`, and no X-Frame-Options,
 * whose only values (DENY, SAMEORIGIN) would refuse them.
 */
const EMBED_SOURCE = '/embed/:path*';
const NOT_EMBED_SOURCE = '/:path((?!embed(?:/|$)).*)';

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ dev: boolean }} options
 * @returns {{ source: string, headers: { key: string, value: string }[] }[]}
 */
function headerRules(env, { dev }) {
  return [
    { source: NOT_EMBED_SOURCE, headers: securityHeaders(env, { dev }) },
    { source: EMBED_SOURCE, headers: securityHeaders(env, { dev, frameable: true }) },
  ];
}

module.exports = { securityHeaders, contentSecurityPolicy, headerRules };
