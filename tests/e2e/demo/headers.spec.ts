import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { scrollThroughCharts } from '../support/charts';
import { startNextServer } from '../../helpers/next-server';

const PAGES = ['/', '/models', '/models?window=week', '/apps', '/apps?sort=trending', '/models/openai/gpt-4o-2024-05-13', '/sign-in'];

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

test('every kind of response carries the security headers', async ({ request }) => {
  const staticAsset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get('/')).text())?.[1];
  expect(staticAsset).toBeTruthy();
  for (const url of [...PAGES, '/no-such-page', '/api/models', '/api/apps?page=2', '/api/health', '/api/models?window=nope', '/robots.txt', staticAsset!]) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], url).toBe('DENY');
    // The suite serves http://127.0.0.1: HSTS there would be ignored, and is not sent (unit-tested for https).
    expect(headers['strict-transport-security'], url).toBeUndefined();
    const csp = directives(headers['content-security-policy'] ?? '');
    expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
    expect(csp.get('default-src'), url).toEqual(["'self'"]);
    expect(csp.get('script-src'), url).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src'), url).toEqual(["'self'"]);
    expect(csp.get('object-src'), url).toEqual(["'none'"]);
  }
});

test('the policy allows everything the site uses: no violation while browsing, charts draw', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const url of PAGES) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/models');
  await scrollThroughCharts(page);
  await expect(page.locator('canvas').first()).toBeVisible();
  expect(await page.locator('canvas').first().evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test('the API is rate-limited per client: 429 with Retry-After and a message past the limit', async () => {
  test.setTimeout(90_000);
  const server = await startNextServer(3101, { API_RATE_LIMIT_PER_MINUTE: '20', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tokenboard-ratelimit-')) });
  try {
    // Behind the proxy each client is the address it appends to X-Forwarded-For.
    const get = (pathname: string, client: string) => fetch(`${server.origin}${pathname}`, { headers: { 'x-forwarded-for': `198.51.100.1, ${client}` } });
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => get(i % 2 ? '/api/models' : '/api/apps', '203.0.113.7')));
    expect(first.map((r) => r.status)).toEqual(Array(20).fill(200));

    const refused = await get('/api/models', '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const body = (await refused.json()) as { error: { code: number; message: string } };
    expect(body.error).toEqual({ code: 429, message: expect.stringMatching(/^Too many requests: at most 20 API requests a minute per client\. Try again in \d+ s\.$/) });
    // Invalid requests count too: rejecting them is cheap, but a flood of them is still a flood.
    expect((await get('/api/models?window=nope', '203.0.113.7')).status).toBe(429);

    // Another client is unaffected; so are pages, health checks and a spoofed first hop.
    expect((await get('/api/models', '203.0.113.8')).status).toBe(200);
    expect((await get('/models', '203.0.113.7')).status).toBe(200);
    const health = await Promise.all(Array.from({ length: 25 }, () => get('/api/health', '203.0.113.7')));
    expect(health.map((r) => r.status)).toEqual(Array(25).fill(200));
    expect((await fetch(`${server.origin}/api/models`, { headers: { 'x-forwarded-for': '203.0.113.9, 203.0.113.7' } })).status).toBe(429);
  } finally {
    await server.stop();
  }
});
