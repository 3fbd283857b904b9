import { securityHeaders } from '@/lib/security-headers.cjs';

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
