import { expect, test } from '@playwright/test';
import { apiUrl, expectedCalls, fakeRequests, waitForMinuteBudget, type View } from './apps-views';

// 1,000 valid /api/apps requests over a set of views, and 1,000 invalid ones, counted at the fake upstream.
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
