import { expect, test, type APIRequestContext } from '@playwright/test';
import { SLICES, sliceById } from '../../../lib/boards/slices/slices';
import { windowNamesOf } from '../../../lib/boards/slices/windows';

// The slice boards (issue 16): the hub, one board of each family, the JSON API, "Where it ranks" on a
// model page, and the addresses that name nothing.

interface ApiBoard {
  slice: { id: string; label: string };
  window: string;
  estimated: boolean;
  grain: 'day' | 'week';
  meta: { startDate: string; endDate: string; source: string };
  total: string;
  rows: { rank: number; permaslug: string; tokens: string; shareBp: number }[];
}

async function apiBoard(request: APIRequestContext, path: string): Promise<ApiBoard> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as ApiBoard;
}

const BOARDS = [
  { path: '/rankings/use-case/marketing-seo', id: 'use-case/marketing-seo' },
  { path: '/rankings/language/natural', id: 'language/natural' },
  { path: '/rankings/context/10k', id: 'context/10k' },
  { path: '/rankings/modality/tool-calling', id: 'modality/tool-calling' },
] as const;

test('the hub shows every board at a glance, by family in reading order, each with its leader and top 5', async ({ page }) => {
  await page.goto('/rankings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI model rankings by use case, language, context length and modality');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Use cases', 'Languages', 'Context length', 'Modalities']);
  const boards = page.getByRole('heading', { level: 3 });
  await expect(boards).toHaveCount(SLICES.length);
  // Estimated boards say so; exact ones do not.
  for (const slice of SLICES) {
    const heading = boards.filter({ has: page.getByRole('link', { name: slice.label, exact: true }) });
    await expect(heading.getByRole('link')).toHaveAttribute('href', `/rankings/${slice.family}/${slice.slug}`);
    await expect(heading.getByText('estimated', { exact: true })).toHaveCount(slice.sampled ? 1 : 0);
  }
  // Each card's leader is the #1 of that board's own API, and its list holds five models.
  for (const id of ['use-case/programming', 'context/1m']) {
    const slice = sliceById(id)!;
    const board = await apiBoard(page.request, `/api/rankings/${id}`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${slice.label}( estimated)?$`) }) });
    const top = card.getByRole('list').getByRole('listitem');
    await expect(top).toHaveCount(5);
    await expect(top.first().getByRole('link')).toHaveAttribute('href', `/models/${board.rows[0]!.permaslug}`);
  }
  await expect(page.getByText('Synthetic demo figures: there is no source to cite.')).toBeVisible();
});

for (const { path, id } of BOARDS) {
  test(`${path}: a leaderboard with shares of the slice, the windows it offers, a trend and its downloads`, async ({ page }) => {
    const slice = sliceById(id)!;
    const board = await apiBoard(page.request, `/api${path}`);
    expect(board.estimated).toBe(slice.sampled);
    expect(board.grain).toBe(slice.sampled ? 'week' : 'day');
    expect(board.rows.length).toBeGreaterThan(5);

    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(slice.family === 'context' ? slice.label : slice.label.toLowerCase());
    await expect(page.getByRole('heading', { level: 1 }).getByText('estimated', { exact: true })).toHaveCount(slice.sampled ? 1 : 0);
    await expect(page.getByText(slice.meaning)).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Time window' });
    await expect(nav.getByRole('link')).toHaveText(windowNamesOf(slice).map((w) => ({ day: 'Day', week: 'Week', '4-weeks': '4 weeks', '30-days': '30 days' })[w]));
    await expect(nav.getByRole('link', { name: 'Week', exact: true })).toHaveAttribute('aria-current', 'page');

    const table = page.getByRole('table', { name: new RegExp(`^Models by ${slice.sampled ? 'estimated ' : ''}tokens, ${slice.label}`) });
    await expect(table.locator('thead th').nth(2)).toHaveText(slice.sampled ? 'Est. tokens' : 'Tokens');
    const first = table.getByRole('rowheader').first().getByRole('link');
    await expect(first).toHaveAttribute('href', `/models/${board.rows[0]!.permaslug}`);
    // The share column is the share of the slice's total, as the API gives it (basis points, one decimal shown).
    await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText(`${(board.rows[0]!.shareBp / 100).toFixed(1)}%`);

    // The rest of the ranks load from the board's own JSON API.
    if (board.rows.length > 20) {
      await table.getByRole('link', { name: new RegExp(`^Show ranks 21–${board.rows.length}$`) }).click();
      await expect(table.getByRole('rowheader')).toHaveCount(board.rows.length);
    }

    await expect(page.getByRole('link', { name: 'Download this table as CSV' })).toHaveAttribute('href', `/download/slices.csv?slice=${encodeURIComponent(id)}`);
    await expect(page.getByRole('heading', { level: 2, name: slice.sampled ? 'Weekly trend (estimated)' : 'Weekly trend' })).toBeVisible();

    // Metadata: canonical without the default window, a Dataset with both downloads, breadcrumbs.
    const html = await (await page.request.get(path)).text();
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^/"]+${path}"/>`));
    const ld = JSON.parse(/<script type="application\/ld\+json"[^>]*>([^<]+)<\/script>/.exec(html)![1]!) as { '@graph': { '@type': string; distribution?: { contentUrl: string }[] }[] };
    const dataset = ld['@graph'].find((node) => node['@type'] === 'Dataset')!;
    expect(dataset.distribution!.map((d) => new URL(d.contentUrl).pathname)).toEqual(['/download/slices.csv', '/download/slices.json']);
    expect(ld['@graph'].some((node) => node['@type'] === 'BreadcrumbList')).toBe(true);
  });
}

test('the window switch moves between a board`s windows; an exact slice offers days, an estimated one does not', async ({ page }) => {
  await page.goto('/rankings/context/1m');
  const nav = page.getByRole('navigation', { name: 'Time window' });
  await nav.getByRole('link', { name: '30 days' }).click();
  await expect(page).toHaveURL(/\/rankings\/context\/1m\?window=30-days$/);
  await expect(page.getByRole('heading', { level: 2, name: /Leaderboard, the last 30 days/ })).toBeVisible();
  const month = await apiBoard(page.request, '/api/rankings/context/1m?window=30-days');
  await expect(page.getByRole('table', { name: /^Models by tokens, 1M context/ }).getByRole('rowheader').first().getByRole('link')).toHaveAttribute(
    'href',
    `/models/${month.rows[0]!.permaslug}`,
  );
  await nav.getByRole('link', { name: '4 weeks' }).click();
  await expect(page).toHaveURL(/\/rankings\/context\/1m\?window=4-weeks$/);
  await expect(page.getByRole('heading', { level: 2, name: /Leaderboard, the last 4 completed weeks/ })).toBeVisible();
});

test('a model page says where the model ranks, linking to each board', async ({ page }) => {
  const board = await apiBoard(page.request, '/api/rankings/context/1m');
  const leader = board.rows[0]!.permaslug;
  await page.goto(`/models/${leader}`);
  const section = page.getByRole('region', { name: 'Where it ranks' });
  const entry = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: '1M context', exact: true }) });
  await expect(entry).toHaveText(new RegExp(`^1M context #1 of ${board.rows.length} · ${(board.rows[0]!.shareBp / 100).toFixed(1)}%$`));
  await expect(entry.getByRole('link')).toHaveAttribute('href', '/rankings/context/1m');
  // Context lengths are exact; use cases and languages say they are estimates.
  await expect(section.getByText('Context length', { exact: true })).toBeVisible();
  await expect(section.getByText(/^(Use cases|Languages) \(estimated\)$/)).not.toHaveCount(0);
  // Entries follow the hub's order: use cases first, modalities last.
  const boards = await section.getByRole('listitem').getByRole('link').allTextContents();
  const order = SLICES.map((s) => s.label);
  expect([...boards].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(boards);
});

test('the home page, /models and the header link to the hub', async ({ page }) => {
  for (const path of ['/', '/models']) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('link', { name: /Rankings by use case, language, context length and modality/ })).toHaveAttribute('href', '/rankings');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rankings' })).toHaveAttribute('href', '/rankings');
  }
});

test('an address that names no board is a 404, a bad API parameter a 400 naming it', async ({ request }) => {
  for (const path of [
    '/rankings/use-case/nope',
    '/rankings/use-case/marketing/seo',
    '/rankings/use-case/programming?window=day',
    '/rankings/context/1m?window=year',
    '/rankings/context/1m/year',
    '/rankings/nope',
    '/rankings/Context/1m',
    '/rankings/use-case/%ZZ',
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain('Page not found');
  }
  const family = await request.get('/rankings/context', { maxRedirects: 0 });
  expect(family.status()).toBe(308);
  expect(family.headers().location).toMatch(/\/rankings#context$/);

  const unknown = await request.get('/api/rankings/use-case/nope');
  expect(unknown.status()).toBe(404);
  for (const [path, param] of [
    ['/api/rankings/use-case/legal?window=day', 'window'],
    ['/api/rankings/context/1m?window=year', 'window'],
    ['/api/rankings/context/1m?sort=popular', 'sort'],
    ['/api/rankings/context/1m?window=week&window=day', 'window'],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message, path).toMatch(new RegExp(`^${param}`));
  }
});
