import { expect, test, type Page } from '@playwright/test';

function table(page: Page) {
  return page.getByRole('table', { name: /^(Popular|Trending) apps/ });
}

/** The first row's rank (its cell also holds the movement, under the rank). */
async function firstRank(page: Page): Promise<string> {
  const text = (await table(page).locator('tbody tr').first().locator('td').first().textContent())!.trim();
  return /^\d+/.exec(text)?.[0] ?? text;
}

async function rowNames(page: Page): Promise<string[]> {
  return (await table(page).locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
}

test('/apps renders the default view server-side, and the first paint fetches nothing', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/apps')) apiCalls.push(r.url());
  });
  const response = await page.goto('/apps');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All apps: top apps by tokens');
  await expect(table(page)).toHaveAccessibleName(/^Popular apps by tokens, .* \(UTC\), ranks 1–25 of \d+$/);
  await expect(table(page).locator('tbody tr')).toHaveCount(25);
  expect(await firstRank(page)).toBe('1');
  await expect(page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Popular' })).toHaveAttribute('aria-current', 'page');
  await page.waitForLoadState('networkidle');
  expect(apiCalls).toEqual([]);
});

test('toggle to trending, page forward and back: URL, ranks and history follow', async ({ page, browser }) => {
  await page.goto('/apps');
  const popular = await rowNames(page);

  await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Trending' }).click();
  await expect(page).toHaveURL(/\/apps\?sort=trending$/);
  await expect(table(page)).toHaveAccessibleName(/^Trending apps by token growth/);
  // The heading, the tab title and the canonical URL follow the view, as a direct load of the URL would.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All apps: trending apps, by token growth');
  await expect(page).toHaveTitle(/^Trending apps, by token growth — 30 days to .+ — Tokenboard$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/apps\?sort=trending$/);
  const trending = await rowNames(page);
  expect(trending).not.toEqual(popular);

  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/apps\?sort=trending&page=2$/);
  await expect(table(page)).toHaveAccessibleName(/ranks 26–/);
  expect(await firstRank(page)).toBe('26');
  const pageTwo = await rowNames(page);

  await page.goBack();
  await expect(page).toHaveURL(/\/apps\?sort=trending$/);
  await expect.poll(() => firstRank(page)).toBe('1');
  expect(await rowNames(page)).toEqual(trending);

  await page.goBack();
  await expect(page).toHaveURL(/\/apps$/);
  await expect.poll(() => rowNames(page)).toEqual(popular);

  // A direct load of the same URL renders the same rows on the server, without JavaScript.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const direct = await noJs.newPage();
  await direct.goto('/apps?sort=trending&page=2');
  expect(await rowNames(direct)).toEqual(pageTwo);
  await expect(table(direct)).toHaveAccessibleName(/ranks 26–50/);
  await noJs.close();
});

test('without JavaScript the controls are plain links that work', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/apps');
  await page.getByRole('navigation', { name: 'Time window' }).getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/\/apps\?window=week$/);
  await expect(table(page).locator('tbody tr')).toHaveCount(25);
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 3', exact: true }).click();
  await expect(page).toHaveURL(/\/apps\?window=week&page=3$/);
  expect(await firstRank(page)).toBe('51');
  await context.close();
});

test('category and subcategory pages have their own heading, title and navigation', async ({ page }) => {
  await page.goto('/apps');
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Coding' }).click();
  await expect(page).toHaveURL(/\/apps\/coding$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coding: top apps by tokens');
  await expect(page).toHaveTitle(/^Top Coding apps by tokens/);
  expect(await firstRank(page)).toBe('1');

  await page.getByRole('link', { name: 'CLI agents' }).click();
  await expect(page).toHaveURL(/\/apps\/coding\/cli-agent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coding › CLI agents: top apps by tokens');
  await expect(page.getByRole('link', { name: 'CLI agents' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Demo data — synthetic, not from OpenRouter').last()).toBeVisible();
});

test('unknown categories, mismatched pairs and bad parameters are 404 pages', async ({ page }) => {
  for (const path of ['/apps/finance', '/apps/creative/cli-agent', '/apps/cli-agent', '/apps/coding/cli-agent/extra', '/apps?sort=newest', '/apps?page=9', '/apps?pageSize=10', '/apps?window=year']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('GET /api/apps answers one page of a view with exact strings and CDN cache headers', async ({ request }) => {
  const response = await request.get('/api/apps?sort=popular&window=week&category=coding&page=2&pageSize=25');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  const view = await response.json();
  expect(view.query).toEqual({ sort: 'popular', window: 'week', category: 'coding', subcategory: null, page: 2, pageSize: 25 });
  expect(view.rows[0].rank).toBe(26);
  for (const row of view.rows) expect(row.tokens).toMatch(/^\d+$/);
  expect(view.citation).toBe('Demo data — synthetic, not from OpenRouter');
});
