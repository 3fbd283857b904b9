import { expect, test } from '@playwright/test';

test.describe('demo mode smoke', () => {
  test('the home page renders the demo rankings with its labels', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Tokenboard/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which AI models use the most tokens');
    await expect(page.getByRole('note').filter({ hasText: 'Demo data — synthetic, not from OpenRouter' })).toBeVisible();

    const models = page.getByRole('table', { name: /Top 10 models by tokens/ });
    await expect(models.getByRole('row')).toHaveCount(11);
    // The model's name as readers know it, with its author under it; the permaslug stays in the link.
    const first = models.getByRole('rowheader').first();
    await expect(first).toHaveText(/^[A-Za-z].+\S$/);
    await expect(first.getByRole('link')).toHaveAttribute('href', /^\/models\/[a-z0-9-]+\/[\w.:%-]+$/);
    const apps = page.getByRole('table', { name: /Top 5 public apps by tokens/ });
    await expect(apps.getByRole('row')).toHaveCount(6);

    // Demo figures never carry OpenRouter's citation.
    await expect(page.getByText(/^Source: OpenRouter/)).toHaveCount(0);
    await expect(page.getByText(/Data through .* \(UTC\), as of/)).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('health reports demo mode and a data day, without any key', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', mode: 'demo', circuit: 'closed' });
    expect(body.hint).toMatch(/OPENROUTER_API_KEY/);
    expect(body.dataDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The demo source is local: its governor is not held to the upstream's 500 a day.
    expect(body.budget.limitPerDay).toBeGreaterThan(500);
  });

  test('an unknown page is a 404 with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main').getByRole('link', { name: /^Home/ })).toHaveAttribute('href', '/');
    await expect(page.getByRole('main').getByRole('link', { name: 'Monthly archive' })).toHaveAttribute('href', '/models/archive');
  });
});

test('robots.txt keeps crawlers out of the API and internal paths, and every sitemap URL answers 200', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /api/');
  expect(robots).toContain(`Sitemap: http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/sitemap.xml`);

  const xml = await (await request.get('/sitemap.xml')).text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  expect(urls.length).toBeGreaterThan(100);
  expect(urls).toContain(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/apps/coding/cli-agent`);
  expect(urls.some((url) => url.includes(':free'))).toBe(true);
  // The slice boards: the hub, each board and its other windows (days only where the figures are daily counts).
  const site = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  expect(urls).toEqual(
    expect.arrayContaining(['/rankings', '/rankings/use-case/programming', '/rankings/use-case/programming?window=4-weeks', '/rankings/context/1m?window=day'].map((path) => `${site}${path}`)),
  );
  expect(urls).not.toContain(`${site}/rankings/use-case/programming?window=day`);
  expect(urls.filter((url) => url.startsWith(`${site}/rankings`))).toHaveLength(1 + 14 * 2 + 10 * 4);
  for (const url of urls) {
    const response = await request.get(new URL(url).pathname + new URL(url).search);
    expect(response.status(), url).toBe(200);
  }
});

test('pages and JSON carry the baseline security headers', async ({ request }) => {
  for (const path of ['/', '/models?window=week', '/apps', '/api/models', '/api/health']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-powered-by'], path).toBeUndefined();
    // SITE_URL is http here: no HSTS, or a local run would be pinned to HTTPS.
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
});
