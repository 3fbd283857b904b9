/** @jest-environment node */
import { startFakeUpstream, type FakeEndpoint, type FakeUpstream } from '../helpers/fake-upstream';

// The most recent completed UTC day is therefore 2026-02-28.
const TODAY = '2026-03-01';
const SECOND_KEY = 'sk-or-second-key';
const ONE_DAY = { start_date: '2025-06-01', end_date: '2025-06-01' };

interface AppRow {
  app_id: number;
  app_name: string;
  rank: number;
  total_requests: number;
  total_tokens: string;
}

interface DailyRow {
  date: string;
  model_permaslug: string;
  total_tokens: string;
}

let fake: FakeUpstream;

beforeAll(async () => {
  fake = await startFakeUpstream({ keys: ['sk-or-test-key', SECOND_KEY], today: TODAY });
});
afterAll(() => fake?.stop());
beforeEach(() => fake.reset());

type Query = Record<string, string> | string[][];

function get(endpoint: FakeEndpoint, query: Query = {}, init: { key?: string | null; signal?: AbortSignal } = {}) {
  const key = init.key === undefined ? fake.key : init.key;
  return fetch(`${fake.baseUrl}/datasets/${endpoint}?${new URLSearchParams(query)}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
    signal: init.signal,
  });
}

async function peekOk<Row>(endpoint: FakeEndpoint, query: Record<string, string>) {
  const { status, body } = await fake.peek(endpoint, query);
  expect(status).toBe(200);
  return body as { data: Row[]; meta: Record<string, string> };
}

async function expectError(res: Response, status: number, mentioning?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(body).toEqual({ error: { code: status, message: expect.any(String) } });
  if (mentioning) expect(body.error.message).toContain(mentioning);
  return body;
}

const byTokensDesc = (a: AppRow, b: AppRow) => {
  const diff = BigInt(b.total_tokens) - BigInt(a.total_tokens);
  return diff === 0n ? a.app_id - b.app_id : diff > 0n ? 1 : -1;
};

describe('authentication', () => {
  it('rejects a missing or unknown key with 401', async () => {
    await expectError(await get('rankings-daily', ONE_DAY, { key: null }), 401);
    await expectError(await get('app-rankings', {}, { key: 'sk-or-wrong' }), 401);
  });

  it('accepts every configured key', async () => {
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
    expect((await get('rankings-daily', ONE_DAY, { key: SECOND_KEY })).status).toBe(200);
  });

  it('answers unknown paths with 404 and the error body', async () => {
    const res = await fetch(`${fake.baseUrl}/datasets/nope`, { headers: { authorization: `Bearer ${fake.key}` } });
    await expectError(res, 404);
  });
});

describe('parameter validation', () => {
  it.each<[string, FakeEndpoint, Query, string]>([
    ['an impossible date', 'rankings-daily', { start_date: '2026-02-30', end_date: '2026-02-28' }, 'start_date'],
    ['month 13', 'rankings-daily', { end_date: '2025-13-01' }, 'end_date'],
    ['an unpadded date', 'app-rankings', { start_date: '2025-1-5' }, 'start_date'],
    ['start after end', 'rankings-daily', { start_date: '2025-05-02', end_date: '2025-05-01' }, 'start_date'],
    ['a 367-day window', 'rankings-daily', { start_date: '2025-02-01', end_date: '2026-02-02' }, '366'],
    ['end before 2025', 'app-rankings', { end_date: '2024-12-31' }, 'end_date'],
    ['end after the last completed day', 'rankings-daily', { end_date: '2026-03-01' }, 'end_date'],
    ['limit 0', 'app-rankings', { limit: '0' }, 'limit'],
    ['limit 101', 'app-rankings', { limit: '101' }, 'limit'],
    ['limit 1.5', 'app-rankings', { limit: '1.5' }, 'limit'],
    ['offset 101', 'app-rankings', { offset: '101' }, 'offset'],
    ['an unknown sort', 'app-rankings', { sort: 'newest' }, 'sort'],
    ['an unknown category', 'app-rankings', { category: 'finance' }, 'category'],
    ['a mismatched subcategory', 'app-rankings', { category: 'coding', subcategory: 'roleplay' }, 'subcategory'],
    ['an unknown parameter', 'app-rankings', { foo: '1' }, 'foo'],
    ['an app-rankings parameter on rankings-daily', 'rankings-daily', { sort: 'popular' }, 'sort'],
    ['a repeated parameter', 'app-rankings', [['limit', '1'], ['limit', '2']], 'limit'],
  ])('rejects %s with 400 naming the parameter', async (_, endpoint, query, mentioning) => {
    await expectError(await get(endpoint, query), 400, mentioning);
  });

  it('accepts the boundaries', async () => {
    expect((await get('rankings-daily', { start_date: '2025-02-01', end_date: '2026-02-01' })).status).toBe(200);
    expect((await get('app-rankings', { limit: '100', offset: '100', end_date: '2026-02-28' })).status).toBe(200);
    expect((await get('app-rankings', { category: 'coding', subcategory: 'cli-agent' })).status).toBe(200);
  });

  it('defaults to the 30 days before the most recent completed UTC day', async () => {
    const res = await get('app-rankings');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta).toEqual({
      as_of: '2026-03-01T00:00:00.000Z',
      start_date: '2026-01-29',
      end_date: '2026-02-28',
      version: 'v1',
    });
    expect(body.data).toHaveLength(50);
  });

  it('clamps start_date forward to 2025-01-01 and echoes it', async () => {
    const res = await get('rankings-daily', { start_date: '2024-11-01', end_date: '2025-01-03' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta.start_date).toBe('2025-01-01');
    expect(new Set(body.data.map((row: DailyRow) => row.date))).toEqual(new Set(['2025-01-01', '2025-01-02', '2025-01-03']));
  });

  it('peek returns exactly what a request returns, including 400s', async () => {
    const query = { sort: 'trending', category: 'creative', limit: '20' };
    const peeked = await fake.peek('app-rankings', query);
    expect(peeked).toEqual({ status: 200, body: await (await get('app-rankings', query)).json() });
    const invalid = await fake.peek('rankings-daily', { end_date: '2024-12-31' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe(400);
  });
});

describe('rankings-daily data', () => {
  it('has the top 50 per day by tokens, then other, dates ascending', async () => {
    const { data } = await peekOk<DailyRow>('rankings-daily', { start_date: '2025-06-01', end_date: '2025-06-07' });
    const dates = [...new Set(data.map((row) => row.date))];
    expect(dates).toEqual(['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07']);
    expect(data.map((row) => row.date)).toEqual([...data.map((row) => row.date)].sort());

    for (const date of dates) {
      const rows = data.filter((row) => row.date === date);
      expect(rows).toHaveLength(51);
      expect(rows[50]!.model_permaslug).toBe('other');
      const top = rows.slice(0, 50);
      expect(top.some((row) => row.model_permaslug === 'other')).toBe(false);
      expect(new Set(top.map((row) => row.model_permaslug)).size).toBe(50);
      for (let i = 1; i < top.length; i++) {
        const [prev, cur] = [BigInt(top[i - 1]!.total_tokens), BigInt(top[i]!.total_tokens)];
        expect(prev > cur || (prev === cur && top[i - 1]!.model_permaslug < top[i]!.model_permaslug)).toBe(true);
      }
      for (const row of rows) expect(row.total_tokens).toMatch(/^[1-9]\d*$/);
    }
    expect(data.some((row) => row.model_permaslug.endsWith(':free'))).toBe(true);
  });

  it('has totals beyond 2^53 that a double cannot hold', async () => {
    const { data } = await peekOk<DailyRow>('rankings-daily', ONE_DAY);
    const huge = data.filter((row) => BigInt(row.total_tokens) > 2n ** 53n);
    expect(huge.length).toBeGreaterThan(0);
    expect(huge.some((row) => BigInt(Number(row.total_tokens)) !== BigInt(row.total_tokens))).toBe(true);
  });

  it('is deterministic', async () => {
    const query = { start_date: '2025-09-01', end_date: '2025-09-03' };
    expect(await peekOk('rankings-daily', query)).toEqual(await peekOk('rankings-daily', query));
  });
});

describe('app-rankings data', () => {
  it('keeps ranks absolute across offset', async () => {
    const first = await peekOk<AppRow>('app-rankings', { limit: '100' });
    const page = await peekOk<AppRow>('app-rankings', { limit: '10', offset: '50' });
    expect(page.data.map((row) => row.rank)).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(page.data).toEqual(first.data.slice(50, 60));
    expect([...first.data].sort(byTokensDesc)).toEqual(first.data);
    expect(first.data.map((row) => row.rank)).toEqual(first.data.map((_, i) => i + 1));
  });

  it('renumbers ranks after category filtering, subcategory taking precedence', async () => {
    const window = { start_date: '2025-09-01', end_date: '2026-02-28' };
    const coding = (await peekOk<AppRow>('app-rankings', { ...window, category: 'coding', limit: '100' })).data;
    expect(coding.map((row) => row.rank)).toEqual(coding.map((_, i) => i + 1));

    const subcategories = ['cli-agent', 'ide-extension', 'cloud-agent', 'programming-app', 'native-app-builder'];
    const union: AppRow[] = [];
    for (const subcategory of subcategories) {
      const rows = (await peekOk<AppRow>('app-rankings', { ...window, subcategory, limit: '100' })).data;
      expect(rows.length).toBeGreaterThanOrEqual(3);
      union.push(...rows);
    }
    const strip = (row: AppRow) => ({ ...row, rank: 0 });
    expect(coding.map(strip)).toEqual([...union].sort(byTokensDesc).map(strip));

    const overall = [
      ...(await peekOk<AppRow>('app-rankings', { ...window, limit: '100' })).data,
      ...(await peekOk<AppRow>('app-rankings', { ...window, limit: '100', offset: '100' })).data,
    ];
    const overallRanks = coding.map((row) => overall.find((o) => o.app_id === row.app_id)?.rank ?? Infinity);
    expect(overallRanks.some((rank, i) => rank > coding[i]!.rank)).toBe(true);
    expect([...overallRanks].sort((a, b) => a - b)).toEqual(overallRanks);

    const both = await peekOk<AppRow>('app-rankings', { ...window, category: 'coding', subcategory: 'cli-agent' });
    expect(both.data).toEqual((await peekOk<AppRow>('app-rankings', { ...window, subcategory: 'cli-agent' })).data);
  });

  it('has names that need careful escaping', async () => {
    const all: AppRow[] = [];
    for (const subcategory of ['writing-assistant', 'creative-writing', 'general-chat']) {
      all.push(...(await peekOk<AppRow>('app-rankings', { subcategory, limit: '100', start_date: '2025-03-01', end_date: '2026-02-28' })).data);
    }
    const names = all.map((row) => row.app_name);
    expect(names).toContain('Café Writer ✍️');
    expect(names.some((name) => name.includes(','))).toBe(true);
    expect(names.some((name) => name.includes('"'))).toBe(true);
    for (const row of all) expect(Number.isSafeInteger(row.total_requests)).toBe(true);
  });

  it.each([
    ['2025-10-01', '2025-10-30', 'cli-agent'],
    ['2026-01-29', '2026-02-28', 'roleplay'],
    ['2025-08-01', '2025-09-29', 'image-gen'],
  ])('trending %s..%s in %s = window total minus the mean of the 3 previous windows', async (start, end, subcategory) => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const length = day(end) - day(start) + 1;
    const windowTotals = async (k: number) => {
      const from = day(start) - k * length;
      const to = from + length - 1;
      const totals = new Map<number, bigint>();
      if (to < day('2025-01-01')) return totals;
      const query = { subcategory, limit: '100', start_date: iso(Math.max(from, day('2025-01-01'))), end_date: iso(to) };
      for (const row of (await peekOk<AppRow>('app-rankings', query)).data) totals.set(row.app_id, BigInt(row.total_tokens));
      return totals;
    };
    const [current, ...previous] = await Promise.all([0, 1, 2, 3].map(windowTotals));

    const expected = [...current!]
      .map(([appId, total]) => {
        const earlier = previous.reduce((sum, totals) => sum + (totals.get(appId) ?? 0n), 0n);
        return { appId, total, excessTimes3: 3n * total - earlier };
      })
      .filter((app) => app.excessTimes3 > 0n)
      .sort((a, b) => (a.excessTimes3 === b.excessTimes3 ? a.appId - b.appId : a.excessTimes3 > b.excessTimes3 ? -1 : 1));

    const trending = (await peekOk<AppRow>('app-rankings', { sort: 'trending', subcategory, limit: '100', start_date: start, end_date: end })).data;
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.length).toBeLessThan(current!.size);
    expect(trending.map((row) => [row.app_id, row.rank, row.total_tokens])).toEqual(
      expected.map((app, i) => [app.appId, i + 1, app.total.toString()]),
    );
  });

  it('answers a 366-day trending window quickly', async () => {
    const query = { sort: 'trending', limit: '100', start_date: '2025-02-28', end_date: '2026-02-28' };
    expect((await get('app-rankings', query)).status).toBe(200);
    expect((await get('rankings-daily', { start_date: '2025-02-28', end_date: '2026-02-28' })).status).toBe(200);
    const { requests } = await fake.stats();
    for (const request of requests) expect(request.ms).toBeLessThan(200);
  });
});

describe('rate limits', () => {
  it('answers the 31st request within a minute with 429 and Retry-After', async () => {
    for (let i = 0; i < 30; i++) expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
    const res = await get('rankings-daily', ONE_DAY);
    await expectError(res, 429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The per-minute limit is per key.
    expect((await get('rankings-daily', ONE_DAY, { key: SECOND_KEY })).status).toBe(200);
  });

  it('counts requests answered 400, but not 401', async () => {
    await fake.configure({ perMinute: 2 });
    expect((await get('rankings-daily', ONE_DAY, { key: 'sk-or-wrong' })).status).toBe(401);
    expect((await get('app-rankings', { limit: '0' })).status).toBe(400);
    expect((await get('app-rankings', { limit: '0' })).status).toBe(400);
    expect((await get('app-rankings')).status).toBe(429);
  });

  it('limits the account per UTC day across keys', async () => {
    await fake.configure({ perDay: 5 });
    for (const key of [fake.key, SECOND_KEY, fake.key, SECOND_KEY, fake.key]) {
      expect((await get('rankings-daily', ONE_DAY, { key })).status).toBe(200);
    }
    const res = await get('rankings-daily', ONE_DAY, { key: SECOND_KEY });
    await expectError(res, 429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
  });

  it('reset clears the counters and restores the defaults', async () => {
    await fake.configure({ perDay: 1 });
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(429);
    await fake.reset();
    for (let i = 0; i < 3; i++) expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
  });
});

describe('faults', () => {
  it.each(['500', '503', '401'] as const)('%s answers that status with the error body', async (type) => {
    await fake.fault({ type });
    await expectError(await get('rankings-daily', ONE_DAY), Number(type));
    await expectError(await get('app-rankings'), Number(type));
  });

  it('429 carries Retry-After (30 by default)', async () => {
    await fake.fault({ type: '429', times: 1 });
    const res = await get('app-rankings');
    await expectError(res, 429);
    expect(res.headers.get('retry-after')).toBe('30');
    await fake.fault({ type: '429', retryAfter: 7 });
    expect((await get('app-rankings')).headers.get('retry-after')).toBe('7');
  });

  it('malformed answers 200 with truncated JSON', async () => {
    await fake.fault({ type: 'malformed' });
    const res = await get('rankings-daily', ONE_DAY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(text).toBe('{"data":[{"date":');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('drift answers 200 with valid JSON in a changed schema', async () => {
    await fake.fault({ type: 'drift' });
    const res = await get('rankings-daily', ONE_DAY);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta.as_of).toBeUndefined();
    expect(body.data.length).toBeGreaterThan(0);
    expect(typeof body.data[0].total_tokens).toBe('number');
  });

  it('timeout never answers', async () => {
    await fake.fault({ type: 'timeout' });
    await expect(get('rankings-daily', ONE_DAY, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    const stats = await fake.stats();
    expect(stats.total).toBe(1);
    expect(stats.requests[0]!.status).toBe(0);
  });

  it('reset destroys the connection without a response', async () => {
    await fake.fault({ type: 'reset' });
    // undici's TypeError comes from another realm than jest's, so match on the name.
    await expect(get('rankings-daily', ONE_DAY)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    const stats = await fake.stats();
    expect(stats.total).toBe(1);
    expect(stats.byStatus).toEqual({ 0: 1 });
  });

  it('times counts down, then requests succeed again', async () => {
    await fake.fault({ type: '503', times: 2 });
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(503);
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(503);
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
  });

  it('lasts until cleared when times is omitted, and can target one endpoint', async () => {
    await fake.fault({ type: '500', endpoint: 'app-rankings' });
    for (let i = 0; i < 3; i++) expect((await get('app-rankings')).status).toBe(500);
    expect((await get('rankings-daily', ONE_DAY)).status).toBe(200);
    await fake.clearFault();
    expect((await get('app-rankings')).status).toBe(200);
  });

  it('comes after authentication and before the rate limit, and counts as an attempt', async () => {
    await fake.configure({ perMinute: 2 });
    await fake.fault({ type: '500' });
    expect((await get('app-rankings', {}, { key: null })).status).toBe(401);
    expect((await get('app-rankings')).status).toBe(500);
    expect((await get('app-rankings')).status).toBe(500);
    expect((await get('app-rankings')).status).toBe(500);
    await fake.clearFault();
    expect((await get('app-rankings')).status).toBe(429);
  });
});

describe('stats', () => {
  it('records every attempt, but not control calls or peeks', async () => {
    await fake.peek('app-rankings', {});
    await get('app-rankings', { limit: '5' });
    await get('app-rankings', { limit: '0' });
    await get('rankings-daily', ONE_DAY, { key: null });
    const stats = await fake.stats();
    expect(stats.total).toBe(3);
    expect(stats.byEndpoint).toEqual({ 'app-rankings': 2, 'rankings-daily': 1 });
    expect(stats.byStatus).toEqual({ 200: 1, 400: 1, 401: 1 });
    expect(stats.requests.map((r) => [r.endpoint, r.query, r.status])).toEqual([
      ['app-rankings', { limit: '5' }, 200],
      ['app-rankings', { limit: '0' }, 400],
      ['rankings-daily', ONE_DAY, 401],
    ]);
    for (const request of stats.requests) expect(Number.isNaN(Date.parse(request.at))).toBe(false);
  });

  it('records maxConcurrent when responses are delayed', async () => {
    await fake.configure({ latencyMs: 200 });
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 5 }, () => get('rankings-daily', ONE_DAY).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const stats = await fake.stats();
    expect(stats.maxConcurrent).toBeGreaterThanOrEqual(5);
    for (const request of stats.requests) expect(request.ms).toBeGreaterThanOrEqual(190);
  });
});

describe('process lifecycle', () => {
  it('stops cleanly while a request is held open by a timeout fault', async () => {
    const other = await startFakeUpstream();
    expect(other.key).toBe('sk-or-test-key');
    await other.fault({ type: 'timeout' });
    const pending = fetch(`${other.baseUrl}/datasets/rankings-daily`, { headers: { authorization: `Bearer ${other.key}` } });
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    while ((await other.stats()).total === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await other.stop();
    expect(await settled).toBe('failed');
  });

  it('rejects with the server error when it cannot start', async () => {
    await expect(startFakeUpstream({ today: '2026-02-30' })).rejects.toThrow(/FAKE_TODAY/);
  });
});
