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
 * @param {{ dev: boolean, https: boolean, ssoIssuer?: string }} options
 */
function contentSecurityPolicy({ dev, https, ssoIssuer }) {
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
    "frame-ancestors 'none'",
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
 * must keep working. Framing is refused everywhere (header and the older X-Frame-Options).
 *
 * @param {Record<string, string | undefined>} env
 * @param {{ dev: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
function securityHeaders(env, { dev }) {
  const https = (env.SITE_URL ?? '').startsWith('https://');
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev, https, ssoIssuer: env.STAFF_OIDC_ISSUER }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ];
  if (https) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  return headers;
}

module.exports = { securityHeaders, contentSecurityPolicy };
