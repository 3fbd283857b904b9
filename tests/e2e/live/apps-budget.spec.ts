import { expect, test, type APIRequestContext } from '@playwright/test';

// 1,000 valid /api/apps requests over a set of views, and 1,000 invalid ones, counted at the fake upstream.
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';

interface FakeRequest {
  endpoint: string;
  query: Record<string, string>;
}

async function fakeRequests(): Promise<FakeRequest[]> {
  return ((await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { requests: FakeRequest[] }).requests;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const WINDOW_DAYS = { day: 1, week: 7, month: 30 } as const;
type Window = keyof typeof WINDOW_DAYS;
interface View {
  sort: 'popular' | 'trending';
  window: Window;
  category?: string;
  subcategory?: string;
}

// Every sort/window pair but the default view (already fetched by the build), each unfiltered, by
// category and by subcategory.
const VIEWS: View[] = (
  [
    ['popular', 'week'],
    ['popular', 'day'],
    ['trending', 'month'],
    ['trending', 'week'],
  ] as const
).flatMap(([sort, window]) => [{ sort, window }, { sort, window, category: 'coding' }, { sort, window, category: 'creative', subcategory: 'image-gen' }]);

/** Upstream pages a view needs for a window: offset 0, plus offset 100 when the first page is full. */
async function upstreamPages(view: View, start: string, end: string): Promise<number> {
  const filter: Record<string, string> = view.subcategory ? { subcategory: view.subcategory } : view.category ? { category: view.category } : {};
  const query = new URLSearchParams({ sort: view.sort, ...filter, start_date: start, end_date: end, limit: '100', offset: '0' });
  const body = await (await fetch(`${fakeOrigin}/__control/peek/datasets/app-rankings?${query}`)).json();
  return body.data.length === 100 ? 2 : 1;
}

async function expectedCalls(view: View, dataDay: string): Promise<number> {
  const days = WINDOW_DAYS[view.window];
  const start = addDays(dataDay, -(days - 1));
  const current = await upstreamPages(view, start, dataDay);
  if (view.category) return current;
  return current + (await upstreamPages(view, addDays(start, -days), addDays(start, -1)));
}

function apiUrl(view: View, page: number, pageSize: number): string {
  const params = new URLSearchParams({ sort: view.sort, window: view.window, page: String(page), pageSize: String(pageSize) });
  if (view.category) params.set('category', view.category);
  if (view.subcategory) params.set('subcategory', view.subcategory);
  return `/api/apps?${params}`;
}

/** Waits until the governor's minute window has room for a whole view, so no request is refused. */
async function waitForMinuteBudget(request: APIRequestContext, needed: number): Promise<void> {
  for (;;) {
    const health = await (await request.get('/api/health')).json();
    // apps traffic may use the minute limit minus core's reserved third
    if (health.budget.usedThisMinute + needed <= health.budget.limitPerMinute - Math.floor(health.budget.limitPerMinute / 3)) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

test('1,000 valid requests cost exactly the upstream pages of the distinct views they touch', async ({ request }) => {
  test.setTimeout(8 * 60_000);
  const dataDay = (await (await request.get('/api/health')).json()).dataDay as string;
  const before = (await fakeRequests()).length;

  let seed = 7;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n; // the low bits of this generator cycle quickly
  };
  const touched = new Set<number>();
  let expected = 0;
  for (let i = 0; i < 1000; i += 1) {
    const v = random(VIEWS.length);
    const view = VIEWS[v]!;
    if (!touched.has(v)) {
      touched.add(v);
      const calls = await expectedCalls(view, dataDay);
      expected += calls;
      await waitForMinuteBudget(request, calls);
    }
    const pageSize = random(2) === 0 ? 25 : 50;
    const response = await request.get(apiUrl(view, 1 + random(200 / pageSize), pageSize));
    expect(response.status()).toBe(200);
  }
  expect(touched.size).toBe(VIEWS.length);

  const during = (await fakeRequests()).slice(before);
  expect(during.every((r) => r.endpoint === 'app-rankings')).toBe(true);
  expect(during).toHaveLength(expected);
  const keys = during.map((r) => new URLSearchParams(r.query).toString());
  expect(new Set(keys).size).toBe(keys.length);
  console.log(`apps budget: 1000 valid requests over ${touched.size} views -> ${during.length} upstream calls (expected ${expected})`);
});

test('1,000 invalid requests cost nothing and each gets a 400 naming the problem', async ({ request }) => {
  const before = (await fakeRequests()).length;
  const bad = [
    'sort=newest',
    'sort=',
    'window=year',
    'window=quarter',
    'category=finance',
    'subcategory=poetry',
    'category=creative&subcategory=cli-agent',
    'page=0',
    'page=9',
    'page=5&pageSize=50',
    'page=1.5',
    'page=abc',
    'pageSize=10',
    'pageSize=100',
    'sort=popular&sort=trending',
    'page=1&page=2',
    'limit=5',
    'offset=100',
    'start_date=2025-01-01',
    'utm_source=x',
  ];
  const names = ['sort', 'sort', 'window', 'window', 'category', 'subcategory', 'subcategory', 'page', 'page', 'page', 'page', 'page', 'pageSize', 'pageSize', 'sort', 'page', 'limit', 'offset', 'start_date', 'utm_source'];
  for (let i = 0; i < 1000; i += 1) {
    const k = i % bad.length;
    const response = await request.get(`/api/apps?${bad[k]}${i % 3 === 0 ? '&window=week' : ''}`);
    expect(response.status(), bad[k]).toBe(400);
    const body = await response.json();
    expect(body.error.message, bad[k]).toContain(names[k]!);
  }
  expect((await fakeRequests()).length).toBe(before);
  console.log('apps budget: 1000 invalid requests -> 1000 x 400, 0 upstream calls');
});
