import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';

const DEMO_LABEL = 'Demo data — synthetic, not from OpenRouter';
const BOM = '\uFEFF';

/** RFC 4180, written here independently of the site: CRLF records, quoted fields with commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n' || char === '"') {
      // Plain Errors, not expect(): this runs once per character.
      throw new Error(`bare ${JSON.stringify(char)} outside quotes at ${i}`);
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

interface CsvFile {
  preamble: string[];
  header: string[];
  rows: Record<string, string>[];
}

/** BOM, the attribution lines, an empty record, the header, the rows. */
function readCsvFile(text: string): CsvFile {
  expect(text.startsWith(BOM)).toBe(true);
  const records = parseCsv(text.slice(BOM.length));
  const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
  expect(blank).toBeGreaterThan(0);
  const header = records[blank + 1]!;
  const widths = new Set(records.slice(blank + 1).map((record) => record.length));
  expect([...widths]).toEqual([header.length]);
  const rows = records.slice(blank + 2).map((record) => Object.fromEntries(header.map((name, i) => [name, record[i]!])));
  return { preamble: records.slice(0, blank).map((record) => record.join(',')), header, rows };
}

/** Clicks a download link in the browser and reads the file it saves. */
async function downloadCsv(page: Page, link: Locator): Promise<{ fileName: string; csv: CsvFile }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const text = await readFile((await download.path())!, 'utf8');
  return { fileName: download.suggestedFilename(), csv: readCsvFile(text) };
}

// The site's formatters, restated: exact grouped integers and UTC dates, en-US.
const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const tokensTitle = (tokens: string) => `${exact.format(BigInt(tokens))} tokens`;

async function dataDay(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/health')).json()) as { dataDay: string }).dataDay;
}

/** Each body row's cells as text, with the exact token count from the figure's title where there is one. */
async function tableCells(table: Locator): Promise<{ cells: string[]; tokens: string | null; rank: string; permaslug: string | null }[]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      cells: [...row.children].map((cell) => (cell.textContent ?? '').trim()),
      tokens: row.querySelector('abbr[title]')?.getAttribute('title') ?? null,
      // The rank cell also holds the movement under the rank.
      rank: /^\d+/.exec(row.children[0]?.textContent?.trim() ?? '')?.[0] ?? '',
      // A model row shows the model's name; the permaslug is its link's title (and URL).
      permaslug: row.querySelector('th a[title]')?.getAttribute('title') ?? null,
    })),
  );
}

function expectJsonRows(json: { rows: Record<string, unknown>[] }, csv: CsvFile): void {
  expect(json.rows.map((row) => Object.keys(row))).toEqual(json.rows.map(() => csv.header));
  expect(json.rows.map((row) => csv.header.map((name) => (row[name] === null ? '' : String(row[name]))))).toEqual(
    csv.rows.map((row) => csv.header.map((name) => row[name])),
  );
}

function signedChange(changePercent: string): string {
  if (changePercent === '') return '–';
  const value = Number(changePercent);
  const text = Math.abs(value).toFixed(1);
  if (Number(text) === 0) return '0.0%';
  return `${value > 0 ? '+' : '−'}${text}%`;
}

test('models, 7 days: the CSV link saves the leaderboard shown, with the demo label and the data day in its name', async ({ page }) => {
  const day = await dataDay(page);
  await page.goto('/models?window=week');
  const link = page.getByRole('link', { name: 'Download this table as CSV' });
  await expect(link).toHaveAttribute('href', '/download/models.csv?window=week');
  await expect(link).toHaveAttribute('download', '');

  const { fileName, csv } = await downloadCsv(page, link);
  expect(fileName).toBe(`tokenboard-models-week-${day}.csv`);
  expect(csv.preamble).toEqual([DEMO_LABEL]);
  expect(csv.header).toEqual([
    'rank',
    'model_permaslug',
    'author',
    'total_tokens',
    'share_percent',
    'previous_total_tokens',
    'change_percent',
    'previous_rank',
    'movement',
    'is_new',
  ]);
  expect(csv.rows.filter((row) => !/^[1-9]\d*$/.test(row.total_tokens!))).toEqual([]);

  // Rank (with its movement), model (name, author), tokens, share, change: every rank, once the rest is loaded.
  const board = page.getByRole('table', { name: /^Models by tokens/ });
  await board.getByRole('link', { name: /^Show ranks 21–/ }).click();
  await expect(board.getByRole('link', { name: /^Show ranks/ })).toHaveCount(0);
  // The link gives way to a loading row at once; the ranks follow from GET /api/models.
  await expect.poll(async () => (await tableCells(board)).length).toBe(csv.rows.length);
  const shown = await tableCells(board);
  expect(shown.length).toBeGreaterThan(50);
  expect(shown.map(({ cells, tokens, rank, permaslug }) => [rank, permaslug, tokens, cells[4]])).toEqual(
    csv.rows.map((row) => [row.rank, row.model_permaslug, tokensTitle(row.total_tokens!), signedChange(row.change_percent!)]),
  );

  const jsonHref = await page.getByRole('link', { name: 'Download this table as JSON' }).getAttribute('href');
  expect(jsonHref).toBe('/download/models.json?window=week');
  const response = await page.request.get(jsonHref!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="tokenboard-models-week-${day}.json"`);
  expect(response.headers()['cache-control']).toMatch(/^public, .*s-maxage=60/);
  const json = await response.json();
  expect(json).toMatchObject({ citation: DEMO_LABEL, license: null, source: 'demo', dataDay: day, query: { window: 'week' } });
  expectJsonRows(json, csv);
  const sum = csv.rows.reduce((acc, row) => acc + BigInt(row.total_tokens!), 0n) + BigInt(json.other);
  expect(sum).toBe(BigInt(json.total));
});

test('apps: the links follow the view as it changes in place, and each file holds every rank of the table shown', async ({ page }) => {
  const day = await dataDay(page);
  await page.goto('/apps');
  const table = page.getByRole('table', { name: /^(Popular|Trending) apps/ });
  const csvLink = page.getByRole('link', { name: 'Download every rank of this table as CSV' });
  await expect(csvLink).toHaveAttribute('href', '/download/apps.csv');

  const check = async (expectedName: string) => {
    const { fileName, csv } = await downloadCsv(page, csvLink);
    expect(fileName).toBe(expectedName);
    expect(csv.preamble).toEqual([DEMO_LABEL]);
    expect(csv.header).toEqual(['rank', 'app_id', 'app_name', 'total_tokens', 'total_requests', 'tokens_per_request', 'share_percent', 'movement', 'is_new']);
    expect(csv.rows.map((row) => row.rank)).toEqual(csv.rows.map((_, i) => String(i + 1)));
    // Rank (with its movement), app, tokens, share, requests: page 1 of the view is the file's first 25 rows.
    const shown = await tableCells(table);
    expect(shown).toHaveLength(25);
    expect(shown.map(({ cells, tokens, rank }) => [rank, cells[1], tokens, cells[4]])).toEqual(
      csv.rows.slice(0, 25).map((row) => [row.rank, row.app_name, tokensTitle(row.total_tokens!), exact.format(Number(row.total_requests))]),
    );
    return csv;
  };

  const popular = await check(`tokenboard-apps-popular-month-all-${day}.csv`);
  expect(popular.rows.length).toBe(200);
  // Demo names with a comma, quotes and an emoji come through the CSV exactly as sent.
  expect(popular.rows.map((row) => row.app_name)).toEqual(expect.arrayContaining(['Build, Test, Ship', 'The "Right Word"', 'Café Writer ✍️']));

  await page.getByRole('navigation', { name: 'Sort' }).getByRole('link', { name: 'Trending' }).click();
  await expect(page).toHaveURL(/\/apps\?sort=trending$/);
  await page.getByRole('navigation', { name: 'Time window' }).getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/\/apps\?sort=trending&window=week$/);
  // The view has loaded once its caption names the week ending on the data day.
  const weekStart = new Date(Date.parse(`${day}T00:00:00Z`) - 6 * 86_400_000);
  await expect(table).toHaveAccessibleName(new RegExp(`^Trending apps by token growth, ${longDate.format(weekStart)} – `));
  await expect(csvLink).toHaveAttribute('href', '/download/apps.csv?sort=trending&window=week');
  const trending = await check(`tokenboard-apps-trending-week-all-${day}.csv`);
  expect(trending.rows.map((row) => row.app_name)).not.toEqual(popular.rows.map((row) => row.app_name));

  const jsonHref = await page.getByRole('link', { name: 'Download every rank of this table as JSON' }).getAttribute('href');
  expect(jsonHref).toBe('/download/apps.json?sort=trending&window=week');
  const json = await (await page.request.get(jsonHref!)).json();
  expect(json).toMatchObject({ citation: DEMO_LABEL, license: null, dataDay: day, query: { sort: 'trending', window: 'week', category: null, subcategory: null } });
  expectJsonRows(json, trending);
});

test('a category page downloads its own view, without the movement columns it does not show', async ({ page }) => {
  const day = await dataDay(page);
  await page.goto('/apps/creative');
  const link = page.getByRole('link', { name: 'Download every rank of this table as CSV' });
  await expect(link).toHaveAttribute('href', '/download/apps.csv?category=creative');
  const { fileName, csv } = await downloadCsv(page, link);
  expect(fileName).toBe(`tokenboard-apps-popular-month-creative-${day}.csv`);
  expect(csv.preamble).toEqual([DEMO_LABEL]);
  expect(csv.header).toEqual(['rank', 'app_id', 'app_name', 'total_tokens', 'total_requests', 'tokens_per_request', 'share_percent']);

  // Rank, app, tokens, share, requests, tokens per request.
  const shown = await tableCells(page.getByRole('table', { name: /^Popular apps in Creative/ }));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.map(({ cells, tokens }) => [cells[0], cells[1], tokens, cells[4], cells[5], cells[3]])).toEqual(
    csv.rows
      .slice(0, shown.length)
      .map((row) => [
        row.rank,
        row.app_name,
        tokensTitle(row.total_tokens!),
        exact.format(Number(row.total_requests)),
        row.tokens_per_request === '' ? '–not available' : exact.format(BigInt(row.tokens_per_request!)),
        `${Number(row.share_percent).toFixed(1)}%`,
      ]),
  );
  // Names with commas, apostrophes and emoji come through the CSV exactly as the page prints them.
  expect(csv.rows.map((row) => row.app_name)).toEqual(expect.arrayContaining(['Café Writer ✍️']));

  const json = await (await page.request.get('/download/apps.json?category=creative')).json();
  expectJsonRows(json, csv);
});

test('a model page downloads the full daily history; the table shows its last days', async ({ page }) => {
  const day = await dataDay(page);
  const board = (await (await page.request.get('/api/models?window=year')).json()) as { rows: { permaslug: string }[] };
  // A variant, so the permaslug has a colon to encode.
  const permaslug = board.rows.map((row) => row.permaslug).find((slug) => slug.includes(':'))!;
  await page.goto(`/models/${permaslug}`);
  const link = page.getByRole('link', { name: `Download the full daily history of ${permaslug} as CSV` });
  await expect(link).toHaveAttribute('href', `/download/model.csv?id=${encodeURIComponent(permaslug)}`);
  const { fileName, csv } = await downloadCsv(page, link);
  const slug = permaslug.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  expect(fileName).toBe(`tokenboard-model-${slug}-${day}.csv`);
  expect(csv.preamble).toEqual([DEMO_LABEL]);
  expect(csv.header).toEqual(['date', 'rank', 'total_tokens', 'share_percent', 'day_total_tokens']);
  expect(csv.rows.at(-1)!.date).toBe(day);

  // Date, rank, tokens, share: newest first on the page, oldest first in the file.
  const shown = await tableCells(page.getByRole('table', { name: /^The last \d+ days \(UTC\), newest first/ }));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.map(({ cells, tokens }) => [cells[0], cells[1], tokens, cells[3]])).toEqual(
    csv.rows
      .slice(-shown.length)
      .reverse()
      .map((row) => [
        longDate.format(new Date(`${row.date}T00:00:00Z`)),
        row.rank === '' ? 'outside top 50' : `#${row.rank}`,
        row.rank === '' ? null : tokensTitle(row.total_tokens!),
        row.rank === '' ? '–' : `${Number(row.share_percent).toFixed(1)}%`,
      ]),
  );

  const json = await (await page.request.get(`/download/model.json?id=${encodeURIComponent(permaslug)}`)).json();
  expect(json).toMatchObject({ citation: DEMO_LABEL, license: null, dataDay: day, query: { id: permaslug }, permaslug });
  expectJsonRows(json, csv);
});

test('the home page links its tables to their full downloads; a calendar month is its own file', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Download the full 30-day leaderboard as CSV' })).toHaveAttribute('href', '/download/models.csv');
  await expect(page.getByRole('link', { name: 'Download every rank of the 30-day app ranking as JSON' })).toHaveAttribute('href', '/download/apps.json');

  const response = await request.get('/download/models.csv?month=2025-03');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe('attachment; filename="tokenboard-models-2025-03.csv"');
  expect(response.headers()['cache-control']).toMatch(/s-maxage=86400/);
  const csv = readCsvFile(await response.text());
  expect(csv.preamble).toEqual([DEMO_LABEL]);
  expect(csv.rows.length).toBeGreaterThan(50);
});

interface ErrorBody {
  error: { code: number; message: string };
}

test('bad parameters are a 400 naming them, at no data cost; an unknown model or file is a 404', async ({ request }) => {
  const expectError = async (url: string, status: number, words: readonly string[]) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    expect(response.headers()['content-type'], url).toContain('application/json');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code, url).toBe(status);
    for (const word of words) expect(body.error.message, url).toContain(word);
  };
  const usedToday = async () => ((await (await request.get('/api/health')).json()) as { budget: { usedToday: number } }).budget.usedToday;
  const before = await usedToday();
  for (const [url, words] of [
    ['/download/models.csv?window=decade', ['window']],
    ['/download/models.json?window=week&month=2025-01', ['window', 'month']],
    ['/download/models.csv?month=2024-12', ['month']],
    ['/download/models.csv?window=week&window=day', ['window']],
    ['/download/apps.csv?page=2', ['page']],
    ['/download/apps.json?pageSize=50', ['pageSize']],
    ['/download/apps.csv?sort=newest', ['sort']],
    ['/download/apps.csv?category=creative&subcategory=cli-agent', ['subcategory']],
    ['/download/model.csv', ['id']],
    ['/download/model.json?id=a/b&format=csv', ['format']],
    ['/download/slices.csv', ['slice']],
    ['/download/slices.json?slice=use-case/nope', ['slice']],
    ['/download/slices.csv?slice=use-case', ['slice']],
    ['/download/slices.csv?slice=use-case/programming&window=day', ['window', 'week, 4-weeks']],
    ['/download/slices.csv?slice=language/natural&window=30-days', ['window']],
    ['/download/slices.json?slice=context/1m&window=month', ['window']],
    ['/download/slices.csv?slice=context/1m&top=5', ['top']],
  ] as const) {
    await expectError(url, 400, words);
  }
  expect(await usedToday()).toBe(before);

  await expectError('/download/model.csv?id=nope/nope', 404, ['nope/nope']);
  await expectError('/download/models.xlsx', 404, ['models.csv']);
  await expectError('/download/rankings.csv', 404, ['slices.csv']);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).not.toMatch(/Disallow: \/download/);
});

test('slice boards: a sampled slice`s week says every figure is an estimate; an exact slice`s 30 days says none is', async ({ request }) => {
  const { dataDay: day } = (await (await request.get('/api/health')).json()) as { dataDay: string };

  const sampled = await request.get('/download/slices.csv?slice=use-case%2Fmarketing-seo');
  expect(sampled.status()).toBe(200);
  expect(sampled.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(sampled.headers()['content-disposition']).toBe(`attachment; filename="tokenboard-slices-use-case-marketing-seo-week-${day}.csv"`);
  const csv = readCsvFile(await sampled.text());
  expect(csv.preamble).toEqual([DEMO_LABEL]);
  expect(csv.header).toEqual([
    'rank',
    'model_permaslug',
    'author',
    'total_tokens',
    'share_percent',
    'previous_total_tokens',
    'change_percent',
    'previous_rank',
    'movement',
    'is_new',
    'estimated',
  ]);
  expect(csv.rows.length).toBeGreaterThan(1);
  expect(csv.rows.map((row) => row.rank)).toEqual(csv.rows.map((_, i) => String(i + 1)));
  for (const row of csv.rows) {
    expect(row.total_tokens).toMatch(/^\d+$/);
    expect(row.estimated).toBe('true');
    expect(row.model_permaslug!.startsWith(`${row.author}/`)).toBe(true);
  }
  // The JSON is the same file: the same rows typed, the estimate said in its fields too.
  const sampledJson = await request.get('/download/slices.json?slice=use-case%2Fmarketing-seo');
  expect(sampledJson.headers()['content-disposition']).toBe(`attachment; filename="tokenboard-slices-use-case-marketing-seo-week-${day}.json"`);
  const json = (await sampledJson.json()) as { rows: Record<string, unknown>[] } & Record<string, unknown>;
  expect(json).toMatchObject({
    citation: DEMO_LABEL,
    license: null,
    source: 'demo',
    dataDay: day,
    query: { slice: 'use-case/marketing-seo', window: 'week' },
    filter: { category: 'marketing/seo' },
    grain: 'week',
    estimated: true,
  });
  expect(json.notice).toMatch(/^Estimated: .*weekly estimates, not counts\.$/);
  expectJsonRows(json, csv);

  const exact = await request.get('/download/slices.json?slice=context%2F1m&window=30-days');
  expect(exact.status()).toBe(200);
  expect(exact.headers()['content-disposition']).toBe(`attachment; filename="tokenboard-slices-context-1m-30-days-${day}.json"`);
  const exactJson = (await exact.json()) as { rows: Record<string, unknown>[] } & Record<string, unknown>;
  expect(exactJson).toMatchObject({ query: { slice: 'context/1m', window: '30-days' }, filter: { contextBucket: '1M' }, grain: 'day', estimated: false, notice: null });
  expect(exactJson.range).toMatchObject({ end: day });
  expect(exactJson.rows.length).toBeGreaterThan(1);
  for (const row of exactJson.rows) {
    expect(row.estimated).toBe(false);
    expect(row.total_tokens).toEqual(expect.stringMatching(/^\d+$/));
  }
  const exactCsv = readCsvFile(await (await request.get('/download/slices.csv?slice=context%2F1m&window=30-days')).text());
  expectJsonRows(exactJson, exactCsv);
});
