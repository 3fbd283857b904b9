import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeCacheBustingSearchParam } from 'next/dist/shared/lib/router/utils/cache-busting-search-param';
import { startNginx } from '../../helpers/nginx.cjs';

// deploy/nginx.conf in front of this phase's `next start`: what its shared cache may and may not hold.
const NEXT_PORT = Number(process.env.E2E_PORT ?? 3100);
let proxy: Awaited<ReturnType<typeof startNginx>>;

test.beforeAll(async () => {
  proxy = await startNginx({ dir: mkdtempSync(path.join(tmpdir(), 'tokenboard-nginx-')), port: 3190, nextPort: NEXT_PORT });
});
test.afterAll(async () => proxy?.stop());

const cacheStatus = (res: APIResponse) => res.headers()['x-cache-status'];

/**
 * Asks until the proxy answers from its cache. A page's first fresh answer fills it; while `next start`
 * regenerates a page it answers with its stale copy, which the proxy does not store.
 */
async function untilHit(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  let res: APIResponse | undefined;
  for (let i = 0; i < 20; i++) {
    res = await request.get(proxy.origin + url, { headers, maxRedirects: 0 });
    if (cacheStatus(res) === 'HIT') return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was never a cache HIT (last: ${res && cacheStatus(res)})`);
}

test('public pages and the JSON API come from the shared cache, with the site’s own headers', async ({ request }) => {
  for (const url of ['/', '/models', '/apps', '/api/apps', '/api/models?window=week']) {
    const res = await untilHit(request, url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['content-security-policy'], url).toContain("default-src 'self'");
    expect(res.headers()['x-content-type-options'], url).toBe('nosniff');
  }
});

test('one URL’s HTML and RSC payload are separate cache entries', async ({ request }) => {
  // As the App Router's client asks for a link's prefetch: its headers, and `_rsc`, their hash, in the URL
  // (Next redirects a request whose hash does not match).
  const prefetch = { RSC: '1', 'Next-Router-Prefetch': '1' };
  const hash = await computeCacheBustingSearchParam('1', undefined, undefined, undefined);
  for (const path of ['/models?window=quarter', '/apps']) {
    const url = `${path}${path.includes('?') ? '&' : '?'}_rsc=${hash}`;
    const html = await untilHit(request, url);
    const rsc = await untilHit(request, url, prefetch);
    expect(html.headers()['content-type'], url).toContain('text/html');
    expect(rsc.headers()['content-type'], url).toContain('text/x-component');
    expect((await rsc.text()).startsWith('<'), url).toBe(false);
    // and neither displaced the other
    const again = await untilHit(request, url);
    expect(again.headers()['content-type'], url).toContain('text/html');
    expect(await again.text(), url).toBe(await html.text());
  }
});

test('staff pages, sign-in and the staff and auth APIs are never stored, in any spelling', async ({ request }) => {
  for (const url of ['/staff', '/staff/explorer', '/STAFF', '/%73taff', '/staff.rsc', '/sign-in', '/api/staff/explorer?endpoint=models', '/api/auth/session', '/api/auth/csrf']) {
    for (let i = 0; i < 3; i++) {
      const res = await request.get(proxy.origin + url, { maxRedirects: 0 });
      expect(res.status(), url).toBeLessThan(500);
      expect(cacheStatus(res), url).toBeUndefined();
    }
  }
});

test('a staff session cookie bypasses the cache everywhere; any cookie does on the API', async ({ request }) => {
  await untilHit(request, '/');
  await untilHit(request, '/api/apps');
  const signedIn = { cookie: 'tokenboard.session=some-session-token' };
  expect(cacheStatus(await request.get(`${proxy.origin}/`, { headers: signedIn }))).toBe('BYPASS');
  expect(cacheStatus(await request.get(`${proxy.origin}/models`, { headers: { cookie: `theme=dark; __Host-tokenboard.session=x` } }))).toBe('BYPASS');
  expect(cacheStatus(await request.get(`${proxy.origin}/api/apps`, { headers: { cookie: 'theme=dark' } }))).toBe('BYPASS');
  // An unrelated cookie on a public page does not cost the cache.
  expect(cacheStatus(await request.get(`${proxy.origin}/`, { headers: { cookie: 'theme=dark' } }))).toBe('HIT');
});
