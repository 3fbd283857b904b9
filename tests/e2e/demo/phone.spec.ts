import { expect, test, type Page } from '@playwright/test';

// The pages a phone visitor lands on from a search or a shared link, at an iPhone-sized 390 × 844 viewport.
const PAGES = [
  { path: '/', table: /Top 10 models by tokens/ },
  { path: '/models', table: /^Models by tokens/ },
  { path: '/apps', table: /^Popular apps by tokens/ },
  { path: '/apps/coding', table: /^Popular apps in Coding by tokens/ },
  { path: '/rankings/context/1m', table: /^Models by tokens, 1M context/ },
] as const;

/**
 * Page weight and DOM budgets, per page: the HTML as served (inline RSC payload included) and the elements
 * a phone lays out. A ratchet, set a little above what the third phone-first step measured (demo data
 * changes with the day): lower them with each step, never raise them. The goal is 60 kB and 800 elements
 * on every default page; `/models` is still above 60 kB.
 */
const BUDGETS: Record<string, { htmlBytes: number; elements: number }> = {
  '/': { htmlBytes: 55_000, elements: 380 },
  '/models': { htmlBytes: 63_000, elements: 500 },
  '/apps': { htmlBytes: 49_000, elements: 470 },
  '/apps/coding': { htmlBytes: 48_000, elements: 400 },
  // "Where it ranks" (issue 16) added about 5 kB and 45 elements for a model on 20 boards.
  model: { htmlBytes: 54_000, elements: 330 },
  // 24 boards with their top 5: 120 model links, each sent twice. Above the goal, as /models is.
  '/rankings': { htmlBytes: 76_000, elements: 590 },
  '/rankings/context/1m': { htmlBytes: 57_000, elements: 425 },
  '/rankings/use-case/programming': { htmlBytes: 60_000, elements: 435 },
};

async function firstModelPath(page: Page): Promise<string> {
  const board = (await (await page.request.get('/api/models?window=month')).json()) as { rows: { permaslug: string }[] };
  return `/models/${board.rows[0]!.permaslug}`;
}

/** Every cell of the row that lies outside the viewport, as "column: text" (empty when the row fits). */
async function cellsOffScreen(page: Page, tableName: RegExp): Promise<string[]> {
  const table = page.getByRole('table', { name: tableName });
  await expect(table).toBeVisible();
  return table.evaluate((element) => {
    const width = document.documentElement.clientWidth;
    const heads = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
    const off: string[] = [];
    for (const row of element.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        const box = cell.getBoundingClientRect();
        const shown = getComputedStyle(cell).display !== 'none';
        if (shown && (box.right > width + 0.5 || box.left < -0.5)) off.push(`${heads[i] ?? i}: ${cell.textContent?.trim()}`);
      });
    }
    return off;
  });
}

/** The visible column headers of a table, in order. */
function visibleHeaders(page: Page, tableName: RegExp): Promise<string[]> {
  return page
    .getByRole('table', { name: tableName })
    .locator('thead th')
    .evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent?.trim() ?? ''));
}

/** Controls (links and buttons of the header and segmented navs) that wrapped onto a line of their own. */
async function wrappedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stray: string[] = [];
    for (const group of document.querySelectorAll('.site-header__inner, .segmented ul, .apps-pagination ul')) {
      const items = [...group.children].filter((child) => getComputedStyle(child).display !== 'none' && !child.classList.contains('site-header__tagline'));
      // One line: every item starts above the bottom of the first.
      const firstBottom = items[0]?.getBoundingClientRect().bottom ?? 0;
      if (items.some((item) => item.getBoundingClientRect().top >= firstBottom - 1)) stray.push(`${group.className}: ${items.map((item) => item.textContent?.trim()).join(' | ')}`);
      for (const item of items) if (item.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5) stray.push(`off-screen: ${item.textContent?.trim()}`);
    }
    return stray;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`at 390 px, ${scheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: scheme, isMobile: true, hasTouch: true });

    for (const { path, table } of PAGES) {
      test(`${path}: rank, name, tokens and share of every row fit without sideways scrolling`, async ({ page }) => {
        await page.goto(path);
        const headers = await visibleHeaders(page, table);
        expect(headers.slice(0, 4)).toEqual(['Rank', path.startsWith('/apps') ? 'App' : 'Model', 'Tokens', 'Share']);
        expect(await cellsOffScreen(page, table)).toEqual([]);
        expect(await wrappedControls(page)).toEqual([]);
        // Nothing on the page is wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: `tests/.artifacts/phone/${path.replace(/\W+/g, '_') || 'home'}-${scheme}.png`, fullPage: true });
      });
    }

    test('a model page: name, author and the daily table fit the phone', async ({ page }) => {
      const path = await firstModelPath(page);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).not.toContainText('/');
      expect(await cellsOffScreen(page, /^The last 14 days/)).toEqual([]);
      expect(await wrappedControls(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `tests/.artifacts/phone/model-${scheme}.png`, fullPage: true });
    });
  });
}

test.describe('page weight', () => {
  for (const key of Object.keys(BUDGETS)) {
    test(`${key}: HTML bytes and DOM elements within the budget`, async ({ page, request }) => {
      const path = key === 'model' ? await firstModelPath(page) : key;
      // As a browser asks for it, uncompressed: the HTML and its inline RSC payload.
      const html = await (await request.get(path, { headers: { 'Accept-Encoding': 'identity' } })).body();
      await page.goto(path);
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      const budget = BUDGETS[key]!;
      console.log(`page weight ${path}: ${html.length} bytes of HTML (budget ${budget.htmlBytes}), ${elements} elements (budget ${budget.elements})`);
      expect(html.length).toBeLessThanOrEqual(budget.htmlBytes);
      expect(elements).toBeLessThanOrEqual(budget.elements);
    });
  }
});

test('nested 404s: one header and one footer, and the message in the server HTML', async ({ browser, request }) => {
  // An unknown model is known to be unknown once the server has loaded the model history (it does at
  // start, and on every page that shows models).
  expect((await request.get('/api/models')).status()).toBe(200);
  const paths = ['/apps/nothing', '/models/archive/2019-01', '/apps?sort=sideways', '/models/nobody/nothing', '/models/openai', '/nothing/at/all'];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain('Page not found');
  }
  // Without JavaScript, what a crawler sees.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Page not found');
    await expect(page.getByRole('banner'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
  }
  await context.close();
});

test('an unknown model is a 404 with the site around it once', async ({ page }) => {
  const response = await page.goto('/models/nobody/nothing');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
});
