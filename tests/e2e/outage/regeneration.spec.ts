import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startNextServer } from '../../helpers/next-server';

// The suite runner starts this server with DATA_SETTLE_MINUTES set so that the data day turns over about
// four minutes after the build starts: pages are built and visited for the old day, then the upstream
// fails as the new day arrives, then it recovers. No clock is faked: this is the production code path. The tests share that
// one day change, so they run in order.
test.describe.configure({ mode: 'serial' });

const fakeOrigin = process.env.FAKE_ORIGIN ?? '';
const dataDir = process.env.DATA_DIR ?? '';
const DEFAULT_PAGES = ['/', '/models', '/models?window=week', '/apps', '/apps?sort=trending', '/models/openai/gpt-4o-2024-05-13'];
// The governor's limits for this key (QUOTA_PER_MINUTE default): no minute may see more attempts.
const PER_MINUTE_LIMIT = 30;

interface FakeRequest {
  at: string;
  status: number;
}

async function control(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${fakeOrigin}/__control/${path}`, {
    method: body === undefined ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

async function upstreamRequests(): Promise<FakeRequest[]> {
  return ((await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { requests: FakeRequest[] }).requests;
}

async function dataDayOfPage(request: APIRequestContext, url: string): Promise<{ status: number; day: string | undefined; cache: string | undefined }> {
  const response = await request.get(url);
  const html = await response.text();
  return {
    status: response.status(),
    day: /Data through <time dateTime="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1],
    cache: response.headers()['x-nextjs-cache'],
  };
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The page as a visitor sees it: old figures, and the note saying newer ones could not be fetched. */
async function expectHonestStalePage(page: Page, url: string, oldDay: string, newDay: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.freshness time').first()).toHaveAttribute('datetime', oldDay);
  const note = page.locator('.refresh-status');
  await expect(note).toBeVisible();
  await expect(note).toHaveText(new RegExp(`^Figures through ${formatted(newDay)} are due, but the refresh failed \\(.+\\); showing data as of .+\\. We retry automatically\\.$`));
}

const formatted = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Most attempts the fake saw in any 60-second span. */
function busiestMinute(requests: FakeRequest[]): number {
  const times = requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i += 1) {
    while (times[i]! - times[j]! >= 60_000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

let oldDay = '';
let newDay = '';

test('a 2-minute outage across the data-day change: every page stays 200 with the last good data, attempts stay bounded', async ({ page, request }) => {
  test.setTimeout(8 * 60_000);
  const built = await dataDayOfPage(request, '/models?window=week');
  expect(built.status).toBe(200);
  oldDay = built.day!;
  expect(oldDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Visitors reach every default page before the day changes (the build used this minute's budget).
  for (const url of DEFAULT_PAGES) {
    const warm = await waitFor(() => dataDayOfPage(request, url), (p) => p.status === 200, 90_000);
    expect(warm, url).toMatchObject({ status: 200, day: oldDay });
  }

  await control('fault', { type: '500' });
  const health = await waitFor(
    async () => (await (await request.get('/api/health')).json()) as { dataDay: string },
    (h) => h.dataDay !== oldDay,
    4 * 60_000,
  );
  newDay = health.dataDay;
  expect(newDay > oldDay).toBe(true);
  const before = (await upstreamRequests()).length;

  // Steady traffic for two minutes: every page, again and again, plus the JSON API (which has no
  // page cache: each request reaches the data layer, so this is what could turn into a retry storm).
  const started = Date.now();
  const seen = { pages: 0, stale: 0, api: 0 };
  while (Date.now() - started < 120_000) {
    for (const url of DEFAULT_PAGES) {
      const answer = await dataDayOfPage(request, url);
      expect(answer.status, url).toBe(200);
      expect(answer.day, url).toBe(oldDay);
      seen.pages += 1;
      if (answer.cache === 'STALE') seen.stale += 1;
    }
    for (const url of ['/api/models', '/api/apps?sort=trending']) {
      const response = await request.get(url);
      // No data for the new day yet: an honest 503 that says when to come back, never an empty 200.
      expect(response.status(), url).toBe(503);
      expect(Number(response.headers()['retry-after']), url).toBeGreaterThan(0);
      expect(((await response.json()) as { error: { message: string } }).error.message, url).toBeTruthy();
      seen.api += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const during = (await upstreamRequests()).slice(before);
  console.log(
    `2-minute outage: ${seen.pages} page requests (${seen.stale} answered STALE, all 200 with ${oldDay}), ${seen.api} API requests; ` +
      `${during.length} upstream attempts, busiest minute ${busiestMinute(during)} (limit ${PER_MINUTE_LIMIT})`,
  );
  expect(seen.stale).toBeGreaterThan(0); // regenerations were attempted, and failed, throughout
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((r) => r.status === 500)).toBe(true);
  expect(busiestMinute(during)).toBeLessThanOrEqual(PER_MINUTE_LIMIT);
  // The breaker, not only the governor: 5 failures open it, then one probe per (doubling) cooldown.
  expect(during.length).toBeLessThanOrEqual(20);

  for (const url of ['/', '/models', '/apps']) await expectHonestStalePage(page, url, oldDay, newDay);
});

// Each fault in turn, against a second server with a warm copy of the data (and a fresh breaker, so
// each fault really reaches the data layer): the first visit after the day change regenerates and fails.
for (const fault of [
  { type: '429', retryAfter: 30 },
  { type: '500' },
  { type: 'timeout' },
  { type: 'reset' },
  { type: 'malformed' },
  { type: 'drift' },
  { type: '401' },
] as const) {
  test(`upstream fault ${fault.type}: pages keep the last good data and say the refresh failed`, async ({ page }) => {
    test.setTimeout(2 * 60_000);
    expect(newDay).not.toBe('');
    const copy = mkdtempSync(path.join(tmpdir(), `tokenboard-fault-${fault.type}-`));
    cpSync(dataDir, copy, { recursive: true, filter: (source) => !source.endsWith('.lock') });
    await control('fault', fault);
    const before = (await upstreamRequests()).length;
    const server = await startNextServer(3101, { DATA_DIR: copy, UPSTREAM_TIMEOUT_MS: '1500' });
    try {
      for (const url of DEFAULT_PAGES) {
        const answer = await dataDayOfPage(page.request, `${server.origin}${url}`);
        expect(answer, url).toMatchObject({ status: 200, day: oldDay });
      }
      const attempts = await waitFor(
        async () => (await upstreamRequests()).slice(before),
        (requests) => requests.length > 0,
        30_000,
        500,
      );
      expect(attempts.length).toBeGreaterThan(0);
      // Each fault is met by the governor, the retry policy and the breaker: a handful of attempts at most.
      expect(attempts.length).toBeLessThanOrEqual(12);
      await waitFor(
        async () => (await (await fetch(`${server.origin}/api/health`)).json()) as { lastFailedUpstreamCall: string | null },
        (health) => health.lastFailedUpstreamCall !== null,
        30_000,
        500,
      );
      for (const url of ['/', '/models', '/apps']) await expectHonestStalePage(page, `${server.origin}${url}`, oldDay, newDay);
      for (const url of DEFAULT_PAGES) {
        const answer = await dataDayOfPage(page.request, `${server.origin}${url}`);
        expect(answer, url).toMatchObject({ status: 200, day: oldDay });
      }
    } finally {
      await server.stop();
      await control('fault', { type: '500' });
    }
  });
}

test('when the upstream returns, the next regeneration succeeds without a restart', async ({ request }) => {
  test.setTimeout(7 * 60_000);
  expect(newDay).not.toBe('');
  await control('fault');
  // The breaker may be in a cooldown (doubling per failed probe, at most 5 minutes); then one probe
  // succeeds and the next regeneration of each page picks up the new day.
  for (const url of DEFAULT_PAGES) {
    const recovered = await waitFor(() => dataDayOfPage(request, url), (p) => p.day === newDay, 6 * 60_000);
    expect(recovered, url).toMatchObject({ status: 200, day: newDay });
  }
  const api = await request.get('/api/models');
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { dataDay: string }).dataDay).toBe(newDay);
});

test('a cold start during an outage answers 503 with Retry-After, then serves once the upstream is back', async ({ request }) => {
  test.setTimeout(3 * 60_000);
  await control('fault', { type: '503' });
  const server = await startNextServer(3101, { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tokenboard-cold-')) });
  try {
    const base = server.origin;
    const health = await waitFor(
      () => request.get(`${base}/api/health`).catch(() => null),
      (response) => response !== null && response.status() === 503,
      60_000,
    );
    expect(health?.status()).toBe(503);

    for (const pathname of ['/', '/models?window=week', '/models/openai/gpt-4o-2024-05-13']) {
      const response = await request.get(`${base}${pathname}`);
      expect(response.status(), pathname).toBe(503);
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expect(await response.text()).toContain('Temporarily unavailable');
    }
    const api = await request.get(`${base}/api/models`);
    expect(api.status()).toBe(503);
    expect((await api.json()).error.message).toMatch(/not available yet/);

    await control('fault');
    const recovered = await waitFor(() => dataDayOfPage(request, `${base}/models?window=week`), (p) => p.status === 200, 120_000);
    expect(recovered.status).toBe(200);
    expect(recovered.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } finally {
    await server.stop();
  }
});
