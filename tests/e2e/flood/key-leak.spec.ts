import { expect, test } from '@playwright/test';

// The key-leak crawl, after the flood on the same build and data: every sitemap page is then held, so the
// crawl costs no upstream call. The key is recognisable (run-all.mjs makes it).
const key = process.env.OPENROUTER_API_KEY ?? '';

test.beforeAll(() => {
  expect(key).toMatch(/^sk-or-e2e-/);
});

test('the key appears in no page, RSC payload, script, JSON answer or header sent to the browser', async ({ page, request }) => {
  test.setTimeout(3 * 60_000);
  const bodies: { url: string; text: string }[] = [];
  page.on('response', async (response) => {
    bodies.push({ url: response.url(), text: (await response.text().catch(() => '')) + JSON.stringify(response.headers()) });
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await page.goto('/apps');
  // Client-side pagination: the next page comes from /api/apps.
  const apiAnswer = page.waitForResponse((response) => response.url().includes('/api/apps?'));
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next' }).click();
  expect((await apiAnswer).status()).toBe(200);
  await page.waitForLoadState('networkidle');
  const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);

  // Every page in the sitemap as HTML and as an RSC payload, the JSON API (answers and errors), the 404.
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1] || '/');
  expect(pages.length).toBeGreaterThan(20);
  const model = pages.find((p) => /^\/models\/(?!archive\/)[^/]+\/[^/]+$/.test(p))!;
  const urls = [
    ...scripts,
    ...['/sitemap.xml', '/robots.txt', '/feed.xml', '/manifest.webmanifest', '/api/health', '/api/models', '/api/models?window=nope', '/api/apps?sort=trending', '/api/apps?page=99', '/no-such-page'],
    // The downloads, the widgets (all served from the same held data) and a refused download.
    ...['/download/models.csv', '/download/models.json?window=week', '/download/apps.csv', '/download/apps.json?sort=trending', `/download/model.csv?id=${model.slice('/models/'.length)}`, '/download/models.csv?window=nope'],
    ...['/embed/models', '/embed/apps?theme=dark'],
  ];
  for (const url of urls) {
    const response = await request.get(url);
    bodies.push({ url, text: (await response.text()) + JSON.stringify(response.headers()) });
  }
  for (const url of pages) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const response = await request.get(url, { headers });
      expect(response.status(), url).toBe(200);
      bodies.push({ url, text: (await response.text()) + JSON.stringify(response.headers()) });
    }
  }
  console.log(`key leak: ${bodies.length} responses scanned (${pages.length} sitemap pages as HTML and RSC, scripts, API, downloads, feed, embeds)`);
  expect(bodies.filter((body) => body.text.includes(key)).map((body) => body.url)).toEqual([]);
});
