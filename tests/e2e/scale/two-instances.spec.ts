import { spawn, spawnSync } from 'node:child_process';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { fakeAsOf } from '../../helpers/fake-upstream';

// Two instances (A: 3201, B: 3202) of one build share Redis and the fake upstream; each has its own
// DATA_DIR, so everything they share goes through Redis.
const A = 'http://127.0.0.1:3201';
const B = 'http://127.0.0.1:3202';
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';
const redisPort = process.env.REDIS_PORT ?? '';

interface FakeRequest {
  at: string;
  endpoint: string;
  query: Record<string, string>;
  status: number;
}

async function fakeRequests(): Promise<FakeRequest[]> {
  return ((await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { requests: FakeRequest[] }).requests;
}

const requestKey = (r: FakeRequest) => `${r.endpoint}?${new URLSearchParams(Object.entries(r.query).sort(([a], [b]) => a.localeCompare(b)))}`;

/** The largest number of attempts the fake saw in any 60-second span. */
function busiestMinute(requests: FakeRequest[]): number {
  const times = requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j += 1) {
    while (times[j]! - times[i]! >= 60_000) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

let a: APIRequestContext;
let b: APIRequestContext;

test.beforeAll(async () => {
  expect(fakeOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(redisPort).toMatch(/^\d+$/);
  a = await playwrightRequest.newContext({ baseURL: A });
  b = await playwrightRequest.newContext({ baseURL: B });
});

test.afterAll(async () => {
  await a.dispose();
  await b.dispose();
});

/** Waits until the governor's minute window (shared: read on A) has room for `needed` apps attempts. */
async function waitForMinuteBudget(needed: number): Promise<void> {
  for (;;) {
    const { budget } = await (await a.get('/api/health')).json();
    if (budget.usedThisMinute + needed <= budget.limitPerMinute - Math.floor(budget.limitPerMinute / 3)) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

// Views not prerendered by the build, each filtered (no previous window): at most 2 upstream pages each.
// The one-instance run gets the same views with the other sort, so both runs start cold.
const MIX_VIEWS = [
  'window=week&category=coding',
  'window=day&category=creative',
  'window=month&category=productivity',
  'window=week&category=entertainment',
  'window=day&category=creative&subcategory=image-gen',
];

/** The public page of an /api/apps view: `/apps/<category>[/<subcategory>]?sort=&window=`. */
function pageOf(view: string): string {
  const params = new URLSearchParams(view);
  const path = ['/apps', params.get('category'), params.get('subcategory')].filter(Boolean).join('/');
  return `${path}?sort=${params.get('sort')}&window=${params.get('window')}`;
}

/** 15 URLs: each view's API and page, and the default pages (prerendered data, no new upstream call). */
function mixUrls(sort: 'popular' | 'trending'): string[] {
  const views = MIX_VIEWS.map((view) => `sort=${sort}&${view}`);
  return [...views.flatMap((view) => [`/api/apps?${view}`, pageOf(view)]), '/', '/models', '/models?window=week', '/apps', '/api/models?window=month'];
}

/**
 * 2,000 requests over `urls`: each URL first on every instance at the same moment (the race a load
 * balancer creates), then the rest alternating between the instances, 20 at a time. Returns the
 * upstream calls it caused and how many distinct upstream requests they were.
 */
async function runMix(urls: string[], instances: APIRequestContext[]): Promise<{ calls: number; distinct: number }> {
  await waitForMinuteBudget(MIX_VIEWS.length * 2);
  const before = (await fakeRequests()).length;
  const first = await Promise.all(urls.flatMap((url) => instances.map((instance) => instance.get(url))));
  const statuses = first.map((response) => response.status());
  const rest = Array.from({ length: 2000 - first.length }, (_, i) => ({ instance: instances[i % instances.length]!, url: urls[i % urls.length]! }));
  for (let i = 0; i < rest.length; i += 20) {
    const batch = await Promise.all(rest.slice(i, i + 20).map(({ instance, url }) => instance.get(url)));
    statuses.push(...batch.map((response) => response.status()));
  }
  expect(statuses).toHaveLength(2000);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  const during = (await fakeRequests()).slice(before);
  expect(during.every((r) => r.status === 200)).toBe(true);
  return { calls: during.length, distinct: new Set(during.map(requestKey)).size };
}

const MIX_URLS = mixUrls('trending');

test('2,000 requests cost each distinct upstream request once, on one instance and spread over two', async () => {
  const one = await runMix(mixUrls('popular'), [a]);
  const two = await runMix(MIX_URLS, [a, b]);
  console.log(`2,000 requests over 15 URLs (5 new app views): one instance ${one.calls} upstream calls for ${one.distinct} distinct requests; two instances ${two.calls} for ${two.distinct}`);
  for (const run of [one, two]) {
    expect(run.calls).toBeGreaterThanOrEqual(MIX_VIEWS.length);
    expect(run.calls).toBe(run.distinct);
  }
});

test('a burst of 200 concurrent cold requests across both never exceeds 30 upstream attempts a minute', async () => {
  const before = (await fakeRequests()).length;
  const categories = ['coding', 'creative', 'productivity', 'entertainment'];
  const cold = ['popular', 'trending'].flatMap((sort) =>
    ['day', 'week', 'month'].flatMap((window) => categories.map((category) => `/api/apps?sort=${sort}&window=${window}&category=${category}&pageSize=50`)),
  );
  const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).get(cold[i % cold.length]!)));
  const statuses = burst.map((response) => response.status());
  // Refused views answer 503 with Retry-After (the apps share of the minute is spent), never 5xx otherwise.
  expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  for (const response of burst.filter((r) => r.status() === 503)) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);

  const all = await fakeRequests();
  const during = all.slice(before);
  console.log(`burst: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 503).length} × 503; ${during.length} upstream attempts; busiest minute overall ${busiestMinute(all)}`);
  expect(during.filter((r) => r.status === 429)).toEqual([]);
  expect(busiestMinute(all)).toBeLessThanOrEqual(30);
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${A}/sign-in?callbackUrl=%2Fstaff`);
  await page.getByLabel('Email').fill('alice@staff.example');
  await page.getByLabel('Password').fill(process.env.STAFF_TEST_PASSWORD ?? '');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff console' })).toBeVisible();
}

test('a refresh on instance A is served by instance B within 5 seconds', async ({ page }) => {
  const asOfOnB = async () => {
    const html = await (await b.get('/models?window=week')).text();
    return /as of (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(html)?.[1];
  };
  const before = await asOfOnB();
  expect(before).toBeDefined();

  await fetch(`${fakeOrigin}/__control/config`, { method: 'POST', body: JSON.stringify({ asOfOffsetSeconds: 7200 }) });
  await signIn(page);
  // The burst above may have spent this minute's non-core share; a refresh would wait for it (paced).
  await waitForMinuteBudget(1);
  const { dataDay } = await (await a.get('/api/health')).json();
  const form = page.getByRole('region', { name: 'Refresh now' });
  const month = (await form.getByRole('option', { name: new RegExp(`^rankings-daily end_date=${dataDay} `) }).getAttribute('value')) ?? '';
  await form.getByLabel('What to refresh').selectOption(month);
  await form.getByLabel(/I want to spend staff budget/).check();
  await form.getByRole('button', { name: 'Refresh now' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Refreshed dataset rankings-daily/, { timeout: 30_000 });
  const refreshedAt = Date.now();

  const expected = fakeAsOf(7200, refreshedAt);
  let seen = before;
  while (seen !== expected && Date.now() - refreshedAt < 5_000) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = await asOfOnB();
  }
  console.log(`refresh on A seen on B after ${Date.now() - refreshedAt} ms`);
  expect(seen).toBe(expected);
});

function redisCli(...args: string[]) {
  return spawnSync('redis-cli', ['-p', redisPort, ...args], { encoding: 'utf8' });
}

test('with Redis stopped, cached pages still answer on both and nothing reaches the upstream; then it recovers', async ({ page }) => {
  const cached = ['/', '/models', '/apps', ...MIX_URLS.slice(0, 4)];
  for (const url of cached) {
    expect((await a.get(url)).status()).toBe(200);
    expect((await b.get(url)).status()).toBe(200);
  }
  const before = (await fakeRequests()).length;

  redisCli('shutdown', 'nosave');
  expect(redisCli('ping').status).not.toBe(0);
  const statuses: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const url of cached) statuses.push((await a.get(url)).status(), (await b.get(url)).status());
  }
  // A view nobody has seen needs the upstream, which may not be called without the shared governor.
  const uncounted = await a.get('/api/apps?sort=popular&window=day&category=entertainment&subcategory=game');
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  expect(uncounted.status()).toBe(503);
  // Staff can still sign in and see the console, which says what it cannot list.
  await signIn(page);
  await expect(page.getByText('The shared store (Redis) is not answering, so the datasets cannot be listed right now.', { exact: false })).toBeVisible();
  expect((await fakeRequests()).length).toBe(before);

  const restarted = spawn('redis-server', ['--port', redisPort, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { detached: true, stdio: 'ignore' });
  restarted.unref();
  await expect.poll(() => redisCli('ping').stdout.trim(), { timeout: 10_000 }).toBe('PONG');
  // The same instances, without a restart: the new view is fetched and served.
  await expect
    .poll(async () => (await a.get('/api/apps?sort=popular&window=day&category=entertainment&subcategory=game')).status(), { timeout: 20_000 })
    .toBe(200);
  expect((await b.get('/apps')).status()).toBe(200);
  expect((await a.get('/api/health')).status()).toBe(200);
});
