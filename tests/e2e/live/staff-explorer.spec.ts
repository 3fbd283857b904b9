import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fakeOrigin, signInWithPassword, upstreamAttempts } from './staff-helpers';

// The staff explorer in live mode, against the fake upstream: what the page shows, what the CSV and JSON
// exports hold, and that refused queries never reach the upstream.

const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const APP_COLUMNS = ['rank', 'app_id', 'app_name', 'total_tokens', 'total_requests', 'tokens_per_request', 'share_percent'];

interface UpstreamBody<Row> {
  data: Row[];
  meta: { as_of: string };
}

interface UpstreamApp {
  app_name: string;
  rank: number;
  total_tokens: string;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function dataDayOf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/health')).json()) as { dataDay: string }).dataDay;
}

// The console's refreshes (staff-console.spec.ts, just before) may have spent the staff share of the
// minute: the queries here start once the minute window has room again, as a person would retry.
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  for (let i = 0; i < 100; i += 1) {
    const { budget } = (await (await request.get('/api/health')).json()) as { budget: { usedThisMinute: number } };
    if (budget.usedThisMinute <= 5) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
});

/** What the fake upstream holds for a query, read through its control API (not counted as an attempt). */
async function peek<Row>(endpoint: 'app-rankings' | 'rankings-daily', query: Record<string, string>): Promise<UpstreamBody<Row>> {
  const response = await fetch(`${fakeOrigin}/__control/peek/datasets/${endpoint}?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as UpstreamBody<Row>;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, commas and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
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
    } else {
      field += char;
    }
  }
  expect(quoted, 'no unterminated quoted field').toBe(false);
  expect(field === '' && record.length === 0, 'the file ends with CRLF').toBe(true);
  return records;
}

interface CsvExport {
  preamble: string[];
  header: string[];
  rows: Record<string, string>[];
}

/** BOM, one-field preamble records up to an empty line, then the header and data rows. */
function readCsvExport(text: string): CsvExport {
  expect(text.charCodeAt(0), 'UTF-8 byte order mark').toBe(0xfeff);
  const records = parseCsv(text.slice(1));
  const blank = records.findIndex((record) => record.length === 1 && record[0] === '');
  expect(blank).toBeGreaterThan(0);
  const preambleRecords = records.slice(0, blank);
  for (const record of preambleRecords) expect(record).toHaveLength(1);
  const [header = [], ...data] = records.slice(blank + 1);
  for (const record of data) expect(record).toHaveLength(header.length);
  return {
    preamble: preambleRecords.map((record) => record[0] ?? ''),
    header,
    rows: data.map((record) => Object.fromEntries(header.map((name, index) => [name, record[index] ?? '']))),
  };
}

/** Rank, app name and exact tokens (from the figure's title, e.g. "1,234 tokens") of each row of an apps table. */
async function appsTableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [
      row.querySelector('td')?.textContent?.trim() ?? '',
      row.querySelector('th')?.textContent?.trim() ?? '',
      (row.querySelector('abbr')?.getAttribute('title') ?? '').replace(/\D/g, ''),
    ]),
  );
}

test.beforeAll(() => {
  expect(fakeOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('an app query shows the table with its citation, and the CSV and JSON exports hold the same rows', async ({ page }) => {
  await signInWithPassword(page);
  const dataDay = await dataDayOf(page);
  const start = addDays(dataDay, -13);
  const end = addDays(dataDay, -7);

  await page.goto('/staff/explorer');
  await expect(page.getByRole('heading', { level: 1, name: 'Explorer' })).toBeVisible();
  // With no query the form is prefilled with the 30 days to the data day, and nothing is shown yet.
  await expect(page.getByLabel('Start date')).toHaveValue(addDays(dataDay, -29));
  await expect(page.getByLabel('End date')).toHaveValue(dataDay);
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.getByLabel('Dataset').selectOption('apps');
  await page.getByLabel('Sort').selectOption('trending');
  await page.getByLabel('Category', { exact: true }).selectOption('coding');
  await page.getByLabel('Start date').fill(start);
  await page.getByLabel('End date').fill(end);
  await page.getByRole('button', { name: 'Run query' }).click();

  // The URL is the state, spelled one way (empty fields dropped): the result is linkable.
  const resultPath = `/staff/explorer?dataset=apps&start=${start}&end=${end}&sort=trending&category=coding`;
  await page.waitForURL((url) => `${url.pathname}${url.search}` === resultPath);

  const expected = await peek<UpstreamApp>('app-rankings', { sort: 'trending', category: 'coding', start_date: start, end_date: end, limit: '100', offset: '0' });
  expect(expected.data.length).toBeGreaterThan(0);
  expect(expected.data.length).toBeLessThan(100);
  const citation = `Source: OpenRouter (openrouter.ai/apps), as of ${expected.meta.as_of}.`;

  const table = page.getByRole('table', { name: /^Trending apps in Coding by token growth/ });
  await expect(table).toBeVisible();
  const shown = await appsTableRows(table);
  expect(shown).toEqual(expected.data.map((app) => [String(app.rank), app.app_name, app.total_tokens]));
  await expect(page.getByText(citation)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Licensed under CC BY 4.0.' })).toBeVisible();

  const before = await upstreamAttempts();
  const fileName = `tokenboard-apps-${start}-${end}-trending-coding`;

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${fileName}.csv`);
  const csv = readCsvExport(await readFile(await download.path(), 'utf8'));
  expect(csv.preamble).toEqual([citation, `Licensed under CC BY 4.0. ${LICENSE_URL}`]);
  expect(csv.header).toEqual(APP_COLUMNS);
  expect(csv.rows.map((row) => [row.rank, row.app_name, row.total_tokens])).toEqual(shown);

  const jsonHref = await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href');
  expect(jsonHref).toBe(`/api/staff/explorer?dataset=apps&start=${start}&end=${end}&sort=trending&category=coding&format=json`);
  const response = await page.request.get(jsonHref ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="${fileName}.json"`);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  const json = (await response.json()) as { citation: unknown; query: unknown; rows: Record<string, unknown>[] };
  expect(json.citation).toEqual({ source: citation, license: 'CC BY 4.0', licenseUrl: LICENSE_URL, asOf: expected.meta.as_of });
  expect(json.query).toEqual({ dataset: 'apps', start, end, sort: 'trending', category: 'coding' });
  expect(json.rows.map((row) => Object.keys(row))).toEqual(json.rows.map(() => APP_COLUMNS));
  expect(json.rows.map((row) => APP_COLUMNS.map((name) => (row[name] === null ? '' : String(row[name]))))).toEqual(
    csv.rows.map((row) => APP_COLUMNS.map((name) => row[name])),
  );

  // Both exports come from the cache the page filled: no upstream call.
  expect(await upstreamAttempts()).toBe(before);
});

test('a models query ranks the window by tokens with every day\'s long tail last', async ({ page }) => {
  await signInWithPassword(page);
  const dataDay = await dataDayOf(page);
  const start = addDays(dataDay, -20);
  const end = addDays(dataDay, -14);

  await page.goto(`/staff/explorer?dataset=models&start=${start}&end=${end}`);
  const table = page.getByRole('table', { name: /^Models by tokens/ });
  await expect(table).toBeVisible();
  await expect(page.getByRole('figure', { name: /Daily tokens, top 10 models/ })).toBeVisible();

  const upstream = await peek<{ model_permaslug: string; total_tokens: string }>('rankings-daily', { start_date: start, end_date: end });
  const totals = new Map<string, bigint>();
  for (const row of upstream.data) totals.set(row.model_permaslug, (totals.get(row.model_permaslug) ?? 0n) + BigInt(row.total_tokens));
  const other = totals.get('other') ?? 0n;
  totals.delete('other');
  const ranked = [...totals.entries()].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1));

  await expect(table.locator('tbody th a')).toHaveCount(ranked.length);
  expect(await table.locator('tbody th a').evaluateAll((links) => links.map((a) => a.getAttribute('title')))).toEqual(ranked.map(([slug]) => slug));
  const response = await page.request.get(`/api/staff/explorer?dataset=models&start=${start}&end=${end}&format=json`);
  expect(response.status()).toBe(200);
  const json = (await response.json()) as { citation: { source: string }; rows: { rank: number | null; model_permaslug: string; total_tokens: string }[] };
  expect(json.citation.source).toBe(`Source: OpenRouter (openrouter.ai/rankings), as of ${upstream.meta.as_of}.`);
  expect(json.rows.map((row) => [row.rank, row.model_permaslug, row.total_tokens])).toEqual([
    ...ranked.map(([slug, tokens], index) => [index + 1, slug, tokens.toString()]),
    [null, 'other', other.toString()],
  ]);
});

test('an impossible window is refused with a message and costs no upstream call', async ({ page }) => {
  await signInWithPassword(page);
  const dataDay = await dataDayOf(page);
  await page.goto('/staff/explorer');
  const before = await upstreamAttempts();

  await page.getByLabel('Dataset').selectOption('apps');
  await page.getByLabel('Start date').fill(addDays(dataDay, -3));
  await page.getByLabel('End date').fill(addDays(dataDay, -10));
  await page.getByRole('button', { name: 'Run query' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Start date must not be after the end date.' })).toBeVisible();
  await expect(page.getByLabel('Start date')).toHaveAttribute('aria-invalid', 'true');
  // The form keeps what was submitted, so it can be corrected.
  await expect(page.getByLabel('Start date')).toHaveValue(addDays(dataDay, -3));
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveCount(0);

  const api = await page.request.get(`/api/staff/explorer?dataset=apps&start=${addDays(dataDay, -3)}&end=${addDays(dataDay, -10)}&format=csv`);
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: { code: 400, message: 'Start date must not be after the end date.' } });

  expect(await upstreamAttempts()).toBe(before);
});

test('the export route answers anonymous requests with 401 JSON and no upstream call', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const dataDay = ((await (await anonymous.get('/api/health')).json()) as { dataDay: string }).dataDay;
    const before = await upstreamAttempts();
    const response = await anonymous.get(`/api/staff/explorer?dataset=apps&start=${addDays(dataDay, -6)}&end=${dataDay}&format=csv`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(response.headers()['content-disposition']).toBeUndefined();
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(401);
    expect(body.error.message).toMatch(/sign in/i);
    expect(await upstreamAttempts()).toBe(before);
  } finally {
    await anonymous.dispose();
  }
});
