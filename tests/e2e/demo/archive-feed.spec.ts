import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { scrollThroughCharts } from '../support/charts';

const DEMO_LABEL = 'Demo data — synthetic, not from OpenRouter';
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

function nextMonth(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 7);
}

/** The server's data day, and the last month that has ended on or before it. */
async function lastCompleteMonth(request: APIRequestContext): Promise<{ dataDay: string; month: string }> {
  const { dataDay } = (await (await request.get('/api/health')).json()) as { dataDay: string };
  const dayAfter = new Date(Date.parse(`${dataDay}T00:00:00Z`) + 86_400_000).toISOString();
  const month = dayAfter.slice(8, 10) === '01' ? dataDay.slice(0, 7) : new Date(Date.parse(`${dataDay.slice(0, 7)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  return { dataDay, month };
}

/** SITE_URL as the server knows it: robots.txt names the sitemap under it. */
async function siteUrl(request: APIRequestContext): Promise<string> {
  const robots = await (await request.get('/robots.txt')).text();
  return /^Sitemap: (\S+)\/sitemap\.xml$/m.exec(robots)![1]!;
}

interface IndexRow {
  month: string;
  leader: string;
}

async function archiveIndex(page: Page): Promise<IndexRow[]> {
  const response = await page.goto('/models/archive');
  expect(response?.status()).toBe(200);
  const table = page.getByRole('table', { name: /^Each complete calendar month/ });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      month: row.querySelector('th a')!.getAttribute('href')!.replace('/models/archive/', ''),
      // The leader's name is shown; its permaslug is the link's title.
      leader: row.querySelector('td a')?.getAttribute('title') ?? '',
    })),
  );
}

test('the archive index lists every complete month from January 2025, newest first, each with its #1 and total', async ({ page, request }) => {
  const { month: last } = await lastCompleteMonth(request);
  const expected: string[] = [];
  for (let month = '2025-01'; month <= last; month = nextMonth(month)) expected.unshift(month);

  const rows = await archiveIndex(page);
  expect(rows.map((row) => row.month)).toEqual(expected);
  for (const row of rows) expect(row.leader, row.month).toMatch(/^[a-z0-9-]+\/[\w.:-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('link', { name: monthName(last) })).toHaveAttribute('href', `/models/archive/${last}`);
  const totals = page.getByRole('table', { name: /^Each complete calendar month/ }).locator('tbody td:last-child');
  await expect(totals.first()).toHaveText(/^\d+(\.\d)?[KMBT]?$/);
  await expect(page.getByText(DEMO_LABEL, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/^Source: OpenRouter/)).toHaveCount(0);
});

test('a month page: one h1, the index`s #1 on top of its leaderboard, stats, chart, navigation, citation', async ({ page, request }) => {
  const rows = await archiveIndex(page);
  // The second newest month has both a previous and a next month.
  const { month, leader } = rows[1]!;
  const site = await siteUrl(request);

  const response = await page.goto(`/models/archive/${month}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Top AI models by tokens — ${monthName(month)}`);
  await expect(page).toHaveTitle(new RegExp(`${monthName(month)}.*${leader.replace(/[.:]/g, (c) => `\\${c}`)}`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site}/models/archive/${month}`);
  await expect(page.getByText(/Data through .* \(UTC\), as of/)).toBeVisible();

  const table = page.getByRole('table', { name: /^Models by tokens, / });
  await expect(table.getByRole('rowheader').first().getByRole('link')).toHaveAttribute('title', leader);
  await expect(table.getByRole('columnheader', { name: 'Change', exact: true })).toBeVisible();
  // Change vs the month before: a signed percentage for models ranked in both months.
  await expect(table.locator('td.change').first()).toHaveText(/^([+−]\d+\.\d%|0\.0%)$/);
  for (const label of ['All tokens', 'Top-50 share', 'Models ranked']) await expect(page.locator('dt', { hasText: label })).toHaveCount(1);
  await scrollThroughCharts(page);
  await expect(page.getByRole('img', { name: /^Daily tokens, top 10 models and everything else\./ })).toBeVisible();
  await expect(page.getByText(DEMO_LABEL, { exact: false }).first()).toBeVisible();

  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByRole('link', { name: 'Models' })).toHaveAttribute('href', '/models');
  await expect(breadcrumb.getByRole('link', { name: 'Archive' })).toHaveAttribute('href', '/models/archive');
  await expect(breadcrumb.getByText(monthName(month))).toHaveAttribute('aria-current', 'page');

  const months = page.getByRole('navigation', { name: 'Other months' });
  await expect(months.getByRole('link', { name: `Previous month: ${monthName(rows[2]!.month)}` })).toHaveAttribute('href', `/models/archive/${rows[2]!.month}`);
  await months.getByRole('link', { name: `Next month: ${monthName(rows[0]!.month)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/models/archive/${rows[0]!.month}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Top AI models by tokens — ${monthName(rows[0]!.month)}`);
  // The newest complete month has no next month yet.
  await expect(page.getByRole('navigation', { name: 'Other months' }).getByRole('link', { name: /^Next month/ })).toHaveCount(0);
});

test('the first month has no previous month and marks every model new', async ({ page }) => {
  await page.goto('/models/archive/2025-01');
  await expect(page.getByRole('navigation', { name: 'Other months' }).getByRole('link', { name: /^Previous month/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /none: the history starts on Jan 1, 2025/ })).toBeVisible();
});

test('invalid, not-yet-complete and future months are 404s', async ({ page, request }) => {
  const { month: last } = await lastCompleteMonth(request);
  const current = nextMonth(last);
  const today = new Date().toISOString().slice(0, 7);
  const paths = ['/models/archive/2024-12', '/models/archive/2025-13', '/models/archive/abc', '/models/archive/2025-1', `/models/archive/${current}`];
  if (today !== current) paths.push(`/models/archive/${today}`);
  paths.push(`/models/archive/${nextMonth(today)}`);
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test('the models page and the sitemap lead to the archive', async ({ page, request }) => {
  await page.goto('/models');
  await page.getByRole('link', { name: 'Monthly archive →' }).click();
  await expect(page).toHaveURL(/\/models\/archive$/);
  const site = await siteUrl(request);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${site}/models/archive</loc>`);
  expect(sitemap).toContain(`<loc>${site}/models/archive/2025-01</loc>`);
});

interface ParsedFeed {
  error: string | null;
  title: string;
  subtitle: string;
  rights: string;
  selfHref: string | null;
  entries: { id: string; title: string; updated: string; rights: string; content: string; links: string[] }[];
}

test('/feed.xml is well-formed Atom: 30 daily entries and the slice boards` new leaders, unique ids, newest first, absolute links, demo label', async ({ page, request }) => {
  const response = await request.get('/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const text = await response.text();
  const site = await siteUrl(request);
  const { dataDay } = await lastCompleteMonth(request);

  const feed = await page.evaluate((xml): ParsedFeed => {
    const ATOM = 'http://www.w3.org/2005/Atom';
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    const root = doc.documentElement;
    const own = (parent: Element, name: string) => Array.from(parent.children).filter((c) => c.namespaceURI === ATOM && c.localName === name);
    const textOf = (parent: Element, name: string) => own(parent, name)[0]?.textContent ?? '';
    return {
      error: error ? error.textContent : root.namespaceURI === ATOM && root.localName === 'feed' ? null : `root is ${root.namespaceURI} ${root.localName}`,
      title: textOf(root, 'title'),
      subtitle: textOf(root, 'subtitle'),
      rights: textOf(root, 'rights'),
      selfHref: own(root, 'link').find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href') ?? null,
      entries: own(root, 'entry').map((entry) => ({
        id: textOf(entry, 'id'),
        title: textOf(entry, 'title'),
        updated: textOf(entry, 'updated'),
        rights: textOf(entry, 'rights'),
        content: textOf(entry, 'content'),
        links: own(entry, 'link').map((l) => l.getAttribute('href') ?? ''),
      })),
    };
  }, text);

  expect(feed.error).toBeNull();
  expect(feed.selfHref).toBe(`${site}/feed.xml`);
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);
  // Newest first across the whole feed: the daily model entries and the slice boards' new leaders.
  const updated = feed.entries.map((e) => e.updated);
  expect(updated).toEqual([...updated].sort().reverse());
  const daily = feed.entries.filter((e) => e.id.includes(':models/daily/'));
  expect(daily).toHaveLength(30);
  const dates = daily.map((e) => /^\[Demo data\] (\d{4}-\d{2}-\d{2}): \S+ (is #1|stays #1|is the new #1)$/.exec(e.title)?.[1]);
  expect(dates[0]).toBe(dataDay);
  for (let i = 1; i < dates.length; i += 1) expect(dates[i]! < dates[i - 1]!, `${dates[i]} after ${dates[i - 1]}`).toBe(true);
  // Every other entry is a slice board's new #1 of its last completed week: at most one per slice.
  const weekly = feed.entries.filter((e) => !daily.includes(e));
  expect(weekly.length).toBeLessThanOrEqual(24);
  const slices = weekly.map((e) => /:rankings\/([a-z-]+\/[a-z0-9-]+)\/weekly\/(\d{4}-\d{2}-\d{2})$/.exec(e.id));
  expect(slices.every(Boolean), weekly.map((e) => e.id).join(' ')).toBe(true);
  expect(new Set(slices.map((m) => m![1])).size).toBe(weekly.length);
  weekly.forEach((entry, i) => {
    const monday = slices[i]![2]!;
    expect(entry.title).toMatch(new RegExp(`^\\[Demo data\\] Week of ${monday}: \\S+ is the new #1 — .+$`));
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(entry.updated).toBe(`${new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
    expect(entry.links).toContain(`${site}/rankings/${slices[i]![1]}`);
  });
  for (const entry of feed.entries) {
    expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(entry.links.length).toBeGreaterThan(0);
    for (const href of entry.links) expect(href.startsWith(`${site}/`), href).toBe(true);
    expect(entry.rights).toBe(`${DEMO_LABEL}.`);
    expect(entry.content).toContain(DEMO_LABEL);
  }
  expect(feed.title).toContain(DEMO_LABEL);
  expect(feed.subtitle).toContain(DEMO_LABEL);
  expect(feed.rights).toContain(DEMO_LABEL);
  expect(text).not.toContain('Source: OpenRouter');

  // Each entry's link is a page that exists: the newest #1's model page.
  const first = new URL(feed.entries[0]!.links[0]!);
  expect((await request.get(first.pathname)).status()).toBe(200);
  // The site announces the feed.
  await page.goto('/');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${site}/feed.xml`);
});
