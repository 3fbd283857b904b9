import { expect, request as playwrightRequest, test } from '@playwright/test';
import { APP_CATEGORIES } from '../../../lib/datasets/endpoints/app-rankings/values';
import { SLICES } from '../../../lib/boards/slices/slices';
import { sliceRequests } from '../../../lib/boards/slices/windows';
import { apiUrl, expectedCalls, fakeRequests, waitForMinuteBudget, type View } from '../live/apps-views';

// A flood over every public URL and valid parameter combination: the upstream sees only the distinct
// views, each once, and never a 429. The views (app views, then the slice boards) are first touched once each, at the pace the minute
// budget allows (as real visitors would spread them); then 10,000 requests over all combinations.
// Its own stage, after the live suite on the same build and data (run-all.mjs): the views it touches are
// datasets that the live suite's whole-day staff refresh would otherwise have to fetch again.
const REQUESTS = 10_000;
const CONCURRENCY = 16;
const MODEL_WINDOWS = ['day', 'week', 'month', 'quarter', 'year'];
const APP_WINDOWS = ['day', 'week', 'month'] as const;
const SORTS = ['popular', 'trending'] as const;
// Every category and subcategory page the sitemap lists.
const FILTERS: Pick<View, 'category' | 'subcategory'>[] = [
  {},
  ...Object.entries(APP_CATEGORIES).flatMap(([category, subcategories]) => [{ category }, ...subcategories.map((subcategory) => ({ category, subcategory }))]),
];
// Every filter in the default sort and window, and every sort and window unfiltered and for one category.
const VIEWS: View[] = [
  ...FILTERS.map((filter) => ({ sort: 'popular' as const, window: 'month' as const, ...filter })),
  ...SORTS.flatMap((sort) => APP_WINDOWS.flatMap((window) => [{ sort, window }, { sort, window, category: 'coding' }])),
].filter((view, i, all) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(view)) === i);

function pagePath(view: View, page: number, pageSize: number): string {
  const path = ['/apps', view.category, view.subcategory].filter(Boolean).join('/');
  return `${path}?${new URLSearchParams({ sort: view.sort, window: view.window, page: String(page), pageSize: String(pageSize) })}`;
}

test('10,000 requests over every public URL: no upstream 429, upstream calls only for the distinct views', async ({ request }) => {
  test.setTimeout(12 * 60_000);
  const dataDay = (await (await request.get('/api/health')).json()).dataDay as string;
  const startedAt = (await fakeRequests()).length;

  // 1. Each distinct view once; its page count tells which page numbers are valid.
  const urls = ['/', '/sitemap.xml', '/robots.txt', ...MODEL_WINDOWS.flatMap((w) => [`/models?window=${w}`, `/api/models?window=${w}`])];
  let expected = 0;
  for (const view of VIEWS) {
    const calls = await expectedCalls(view, dataDay);
    await waitForMinuteBudget(request, calls);
    const response = await request.get(apiUrl(view, 1, 25));
    expect(response.status(), apiUrl(view, 1, 25)).toBe(200);
    expected += calls;
    const { pageCount } = (await response.json()) as { pageCount: number };
    for (const pageSize of [25, 50]) {
      for (let page = 1; page <= Math.ceil((pageCount * 25) / pageSize); page += 1) urls.push(apiUrl(view, page, pageSize), pagePath(view, page, pageSize));
    }
  }
  // Each slice board once: its whole history, which its windows, the hub and the model pages' "Where it
  // ranks" read too (their requests are a subset of the board's), at the pace the minute budget allows.
  for (const slice of SLICES) {
    const calls = sliceRequests(slice, dataDay).length;
    await waitForMinuteBudget(request, calls);
    const url = `/api/rankings/${slice.family}/${slice.slug}`;
    expect((await request.get(url)).status(), url).toBe(200);
    expected += calls;
  }
  const sitemap = await (await request.get('/sitemap.xml')).text();
  urls.push(...[...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1] || '/'));
  const distinct = [...new Set(urls)];
  const warmed = (await fakeRequests()).length;
  expect(warmed - startedAt).toBeLessThanOrEqual(expected);

  // 2. The flood: all URLs round-robin, 16 at a time, on fresh connections. The pacing above leaves the
  // first context's sockets idle past the server's 5 s keep-alive, and a client that reuses one just as
  // the server closes it reads ECONNRESET (a browser would retry; this counts every answer).
  const flooder = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const statuses = new Map<number, number>();
  // A pooled socket left idle past the server's 5 s keep-alive can be closed just as the client reuses it
  // (the pool grows past the 16 workers in a burst and keeps the spare sockets). Browsers retry an
  // idempotent request once in that case, and so does this client; a server that really resets
  // connections fails the retry too, and the retries are counted and bounded below.
  let resetRetries = 0;
  const getRetryingReset = async (url: string) => {
    try {
      return await flooder.get(url, { maxRedirects: 0 });
    } catch (error) {
      if (!/ECONNRESET|EPIPE|socket hang up/.test(String(error))) throw error;
      resetRetries += 1;
      return flooder.get(url, { maxRedirects: 0 });
    }
  };
  let next = 0;
  const started = Date.now();
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const url = distinct[next++ % distinct.length]!;
          const response = await getRetryingReset(url);
          statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
          if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
          await response.dispose();
        }
      }),
    );
  } finally {
    await flooder.dispose();
  }
  const seconds = (Date.now() - started) / 1000;
  const all = (await fakeRequests()).slice(startedAt);
  const flood = all.length - (warmed - startedAt);
  console.log(
    `flood: ${REQUESTS} requests over ${distinct.length} distinct URLs (${VIEWS.length} app views + models, model pages, sitemap) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(REQUESTS / seconds)} req/s) -> statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `upstream calls: ${warmed - startedAt} to touch the views (at most ${expected}), ${flood} during the flood, ` +
      `${all.filter((r) => r.status === 429).length} x 429; ${resetRetries} request(s) retried after a reset keep-alive socket`,
  );
  expect(resetRetries).toBeLessThanOrEqual(REQUESTS / 1000);
  expect(statuses.get(200)).toBe(REQUESTS);
  expect(flood).toBe(0);
  expect(all.filter((r) => r.status === 429)).toEqual([]);
  expect(distinct.length).toBeGreaterThan(300);
});
