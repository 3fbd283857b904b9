import { expect, test, type Locator, type Page } from '@playwright/test';
import { scrollThroughCharts } from '../support/charts';

/** Counts painted pixels of a chart canvas once chart.js has drawn it. */
async function paintedPixels(canvas: Locator): Promise<number> {
  await expect(canvas).toBeVisible();
  return canvas.evaluate(async (node) => {
    const el = node as HTMLCanvasElement;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  });
}

async function firstModelLink(page: Page): Promise<Locator> {
  return page.getByRole('table', { name: /^Models by tokens/ }).getByRole('rowheader').first().getByRole('link');
}

test('the window switch is a set of real links that update the URL and the history', async ({ page }) => {
  await page.goto('/models');
  const nav = page.getByRole('navigation', { name: 'Time window' });
  await expect(nav.getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /Leaderboard, the last 30 days/ })).toBeVisible();

  await nav.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/\/models\?window=week$/);
  await expect(nav.getByRole('link', { name: '7 days' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /Leaderboard, the last 7 days/ })).toBeVisible();

  await nav.getByRole('link', { name: '365 days' }).click();
  await expect(page).toHaveURL(/\/models\?window=year$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/models\?window=week$/);
  await expect(page.getByRole('heading', { level: 2, name: /Leaderboard, the last 7 days/ })).toBeVisible();
});

test('a window renders server-side: the HTML holds the leaderboard without JavaScript', async ({ request }) => {
  // React separates adjacent text with `<!-- -->`; a crawler reads the text without them.
  const html = (await (await request.get('/models?window=quarter')).text()).replaceAll('<!-- -->', '');
  expect(html).toContain('Leaderboard, the last 90 days');
  // The head of the board (20 ranks) and, for the rest, a link to every rank as CSV.
  expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThan(20);
  expect(html).toMatch(/<a href="\/download\/models\.csv\?window=quarter"[^>]*>Show ranks 21–\d+<\/a>/);
  expect(html).toContain('href="/models?window=week"');
  // The figures behind the charts are drawn in the browser when opened; without JavaScript their fold
  // says where the exact figures are.
  expect(html).toContain('Show the figures behind this chart');
  expect(html).toContain('This table is drawn in the browser and needs JavaScript.');
  expect(html).not.toContain('data-table--figures');
});

test('the rest of the leaderboard loads on request, in rank order, with focus on its first model', async ({ page }) => {
  await page.goto('/models');
  const table = page.getByRole('table', { name: /^Models by tokens/ });
  await expect(table.locator('tbody tr')).toHaveCount(21); // 20 ranks and the row that offers the rest
  const more = table.getByRole('link', { name: /^Show ranks 21–\d+$/ });
  const last = Number(/–(\d+)$/.exec((await more.textContent())!)![1]);
  await more.click();
  await expect(table.locator('tbody tr')).toHaveCount(last);
  const ranks = await table.locator('tbody tr td:first-child').evaluateAll((cells) => cells.map((cell) => Number(/^\d+/.exec(cell.textContent ?? '')?.[0])));
  expect(ranks).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  await expect(table.locator('tbody tr').nth(20).getByRole('link')).toBeFocused();
});

test('the leaderboard shows movement in words as well as arrows, and NEW badges are text', async ({ page }) => {
  await page.goto('/models?window=week');
  const table = page.getByRole('table', { name: /^Models by tokens/ });
  const moved = table.getByText(/^(up|down) \d+ places?$/);
  expect(await moved.count()).toBeGreaterThan(0);
  // Movement sits in the rank cell, under the rank: no column of its own on a phone.
  await expect(table.getByRole('columnheader')).toHaveText(['Rank', 'Model', 'Tokens', 'Share', 'Change']);
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(/^1(?:NEW this window|–rank unchanged|[▲▼]\d+(up|down) \d+ places?)$/);
});

test('charts draw on canvas with an accessible name, and the figures are in a table', async ({ page }) => {
  await page.goto('/models');
  // The stacked chart opens the page and draws at once; the two below the leaderboard wait for the reader.
  await expect(page.locator('figure.chart-figure').first().locator('canvas')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('figure.chart-figure .chart-skeleton')).toHaveCount(2);
  await scrollThroughCharts(page);
  const chart = page.getByRole('img', { name: /^Daily tokens, top 10 models and everything else\./ });
  expect(await paintedPixels(chart)).toBeGreaterThan(5000);
  await page.getByText('Show the figures behind this chart').first().click();
  await expect(page.getByRole('table', { name: /^Daily tokens per model/ })).toBeVisible();
  const share = page.getByRole('img', { name: /^Top-50 share of all tokens, per day\./ });
  expect(await paintedPixels(share)).toBeGreaterThan(1000);
  const authors = page.getByRole('img', { name: /^Market share by author\./ });
  expect(await paintedPixels(authors)).toBeGreaterThan(1000);
});

test('a model page: from the leaderboard to its history, rank and share', async ({ page }) => {
  await page.goto('/models');
  const link = await firstModelLink(page);
  const name = (await link.textContent())!.trim();
  const permaslug = (await link.getAttribute('title'))!;
  expect(permaslug).toMatch(/^[a-z0-9-]+\/[\w.:-]+$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/models/${permaslug.replace(/[.:]/g, (c) => `\\${c}`)}$`));
  // The name as readers know it; the permaslug stays visible under it.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.locator('code', { hasText: permaslug })).toBeVisible();
  await expect(page.getByText('Best rank', { exact: true })).toBeVisible();
  await scrollThroughCharts(page);
  // A history longer than a quarter charts by week.
  expect(await paintedPixels(page.getByRole('img', { name: /^(Daily|Weekly) tokens\./ }))).toBeGreaterThan(1000);
  expect(await paintedPixels(page.getByRole('img', { name: /^(Daily rank|Best rank each week)\./ }))).toBeGreaterThan(500);
  // Five windows, plus "since <first day>" when the model is older than the longest window.
  const windows = page.getByRole('table', { name: /^Tokens of / });
  await expect(windows.getByRole('rowheader', { name: '365 days' })).toBeVisible();
  expect(await windows.getByRole('row').count()).toBeGreaterThanOrEqual(6);
  await page.getByRole('link', { name: 'Models' }).first().click();
  await expect(page).toHaveURL(/\/models$/);
});

test('a variant with a colon is reachable typed raw or percent-encoded, and lists its siblings', async ({ page, request }) => {
  const board = await (await request.get('/api/models?window=year')).json();
  const slugs = new Set((board.rows as { permaslug: string }[]).map((r) => r.permaslug));
  const variant = [...slugs].find((slug) => slug.includes(':') && slugs.has(slug.split(':')[0]!));
  expect(variant).toBeDefined();
  for (const path of [`/models/${variant}`, `/models/${variant!.replace(':', '%3A')}`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    // The variant is a badge beside the name, and the permaslug is spelled out under the heading.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(variant!.split(':')[1]!);
    await expect(page.locator('code', { hasText: variant! }).first()).toBeVisible();
  }
  const base = variant!.split(':')[0]!;
  await expect(page.getByRole('heading', { name: 'Other variants' })).toBeVisible();
  await expect(page.locator(`a[href="/models/${base}"]`).last()).toBeVisible();
});

test('unknown models and windows are 404s', async ({ page }) => {
  for (const path of ['/models/nobody/nothing-at-all', '/models/openai', '/models?window=fortnight']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test('GET /api/models returns the leaderboard with exact token strings, and rejects bad input', async ({ request }) => {
  const response = await request.get('/api/models?window=week');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toMatch(/s-maxage=\d+/);
  const body = await response.json();
  expect(body.window).toBe('week');
  expect(body.citation).toBe('Demo data — synthetic, not from OpenRouter');
  expect(body.rows.length).toBeGreaterThan(10);
  for (const row of body.rows) expect(row.tokens).toMatch(/^\d+$/);
  const sum = body.rows.reduce((acc: bigint, row: { tokens: string }) => acc + BigInt(row.tokens), 0n) + BigInt(body.other);
  expect(sum).toBe(BigInt(body.total));

  for (const [query, word] of [
    ['window=fortnight', 'window'],
    ['window=week&window=day', 'window'],
    ['page=2', 'page'],
  ] as const) {
    const bad = await request.get(`/api/models?${query}`);
    expect(bad.status(), query).toBe(400);
    expect((await bad.json()).error.message).toContain(word);
  }
});

test('mobile and dark mode: no horizontal page overflow, dark background', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/models');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 17, 21)');
  await context.close();
});
