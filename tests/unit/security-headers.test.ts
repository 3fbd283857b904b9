import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { modifyRouteRegex } from 'next/dist/lib/redirect-status';
import { headerRules, securityHeaders } from '@/lib/security-headers.cjs';

const header = (env: Record<string, string | undefined>, name: string, dev = false) => securityHeaders(env, { dev }).find((h) => h.key === name)?.value;

describe('security headers', () => {
  test('HSTS and upgrade-insecure-requests only when the site is served over https', () => {
    const https = { SITE_URL: 'https://tokenboard.example' };
    expect(header(https, 'Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
    expect(header(https, 'Content-Security-Policy')).toContain('upgrade-insecure-requests');
    const http = { SITE_URL: 'http://localhost:3000' };
    expect(header(http, 'Strict-Transport-Security')).toBeUndefined();
    expect(header(http, 'Content-Security-Policy')).not.toContain('upgrade-insecure-requests');
  });

  test('the single sign-on origin (not its path) is the only extra form target', () => {
    const csp = header({ STAFF_OIDC_ISSUER: 'https://sso.example.com/realms/staff' }, 'Content-Security-Policy');
    expect(csp).toContain("form-action 'self' https://sso.example.com;");
    expect(header({}, 'Content-Security-Policy')).toContain("form-action 'self';");
    expect(header({ STAFF_OIDC_ISSUER: 'not a url' }, 'Content-Security-Policy')).toContain("form-action 'self';");
  });

  test('eval and websockets only for next dev; framing refused in both', () => {
    const production = header({}, 'Content-Security-Policy')!;
    const dev = header({}, 'Content-Security-Policy', true)!;
    expect(production).not.toContain('unsafe-eval');
    expect(production).toContain("connect-src 'self';");
    expect(dev).toContain("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(dev).toContain("connect-src 'self' ws: wss:");
    for (const csp of [production, dev]) expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('header rules: only /embed/* may be framed', () => {
  const env = { SITE_URL: 'https://tokenboard.example', STAFF_OIDC_ISSUER: 'https://sso.example.com' };
  const rules = headerRules(env, { dev: false });
  // The matcher `next start` builds from next.config.js headers() (server/lib/router-utils/filesystem.js):
  // custom routes are case-insensitive unless experimental.caseSensitiveRoutes is set.
  const matchers = rules.map((rule) => ({
    rule,
    match: getPathMatch(rule.source, { strict: true, removeUnnamedParams: true, sensitive: false, regexModifier: (regex: string) => modifyRouteRegex(regex) }),
  }));
  const rulesFor = (pathname: string) => matchers.filter(({ match }) => match(pathname) !== false).map(({ rule }) => rule);
  const valueOf = (headers: { key: string; value: string }[], name: string) => headers.find((h) => h.key === name)?.value;

  const EMBED = ['/embed', '/embed/', '/embed/models', '/embed/apps', '/embed/v/models/month/10/auto', '/embed/v/apps/popular/month/10/dark', '/embed/no-such-widget', '/EMBED/models'];
  const NOT_EMBED = [
    '/',
    '/models',
    '/models/window/month',
    '/models/openai/gpt-4o',
    '/apps/v/popular/month/all/25/1',
    '/staff',
    '/staff/explorer',
    '/Staff',
    '/sign-in',
    '/api/staff/explorer',
    '/api/auth/signin',
    '/og/models/window/month',
    '/opengraph-image-12o0cb',
    '/embedded',
    '/embed-models',
    '/x/embed/models',
    '/_next/static/chunks/main.js',
  ];

  test('every path gets exactly one rule, so no header is set twice or left out', () => {
    for (const pathname of [...EMBED, ...NOT_EMBED]) expect([pathname, rulesFor(pathname).length]).toEqual([pathname, 1]);
  });

  test('widgets may be framed by any site: frame-ancestors *, no X-Frame-Options', () => {
    for (const pathname of EMBED) {
      const [rule] = rulesFor(pathname);
      expect(valueOf(rule!.headers, 'Content-Security-Policy')).toContain('frame-ancestors *;');
      expect(valueOf(rule!.headers, 'X-Frame-Options')).toBeUndefined();
    }
  });

  test('every other path, staff pages included, refuses framing in both headers', () => {
    for (const pathname of NOT_EMBED) {
      const [rule] = rulesFor(pathname);
      expect(valueOf(rule!.headers, 'Content-Security-Policy')).toContain("frame-ancestors 'none';");
      expect(valueOf(rule!.headers, 'X-Frame-Options')).toBe('DENY');
    }
  });

  test('framing is the only difference: the widgets keep every other protection', () => {
    const [strict, frameable] = rules.map((rule) => rule.headers);
    const without = (headers: { key: string; value: string }[]) =>
      headers
        .filter((h) => h.key !== 'X-Frame-Options')
        .map((h) => (h.key === 'Content-Security-Policy' ? { ...h, value: h.value.replace(/frame-ancestors [^;]+/, 'frame-ancestors …') } : h));
    expect(without(frameable!)).toEqual(without(strict!));
    expect(valueOf(frameable!, 'Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
    expect(valueOf(frameable!, 'Content-Security-Policy')).toContain("form-action 'self' https://sso.example.com;");
  });
});
