/** @jest-environment node */
import { InvalidParamsError } from '../../lib/datasets/errors';
import { FileQuotaStore } from '../../lib/datasets/file-store';
import { BUDGET_PLAN } from '../../lib/boards/budget';
import { policyFor, QuotaGovernor } from '../../lib/datasets/quota';
import { lastCompletedUtcDay, addDays } from '../../lib/utc-day';
import { createTestDataLayer, outcomes, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

let fake: FakeUpstream;
const END = lastCompletedUtcDay(new Date());

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  await fake.reset();
});

function layer(overrides: Partial<Parameters<typeof createTestDataLayer>[0]> = {}) {
  return createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, ...overrides });
}

describe('exact data', () => {
  it('returns rankings-daily rows exactly as served, tokens as exact bigints', async () => {
    const { client } = layer();
    const start = addDays(END, -6);
    const result = await client.get('rankings-daily', { startDate: start, endDate: END });
    const expected = (await fake.peek('rankings-daily', { start_date: start, end_date: END })).body;

    expect(result.rows).toHaveLength(expected.data.length);
    result.rows.forEach((row, i) => {
      const raw = expected.data[i];
      expect([row.date, row.permaslug, row.totalTokens]).toEqual([raw.date, raw.model_permaslug, BigInt(raw.total_tokens)]);
      expect(row.totalTokens.toString()).toBe(raw.total_tokens);
    });
    expect(result.rows.some((row) => row.totalTokens > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
    expect(result.rows.filter((row) => row.isOther)).toHaveLength(7);
    expect(result.meta).toEqual({ asOf: expected.meta.as_of, startDate: start, endDate: END, version: 'v1' });
    expect(result.source).toBe('openrouter');
  });

  it('returns app rankings exactly as served, with absolute ranks past an offset', async () => {
    const { client } = layer();
    const result = await client.get('app-rankings', { category: 'coding', sort: 'popular', limit: 10, offset: 5 });
    const expected = (
      await fake.peek('app-rankings', {
        category: 'coding',
        sort: 'popular',
        limit: '10',
        offset: '5',
        start_date: addDays(END, -30),
        end_date: END,
      })
    ).body;
    expect(result.rows.map((r) => [r.appId, r.appName, r.rank, r.totalRequests, r.totalTokens.toString()])).toEqual(
      expected.data.map((r: Record<string, unknown>) => [r.app_id, r.app_name, r.rank, r.total_requests, r.total_tokens]),
    );
    expect(result.rows[0]?.rank).toBe(6);
  });

  it('sends the key and attribution headers and explicit parameters', async () => {
    const { client } = layer();
    await client.get('app-rankings', {});
    const { requests } = await fake.stats();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.status).toBe(200);
    expect(requests[0]?.query).toEqual({ sort: 'popular', limit: '50', offset: '0', start_date: addDays(END, -30), end_date: END });
  });
});

describe('invalid parameters', () => {
  it.each([
    [{ endDate: '2026-02-30' }],
    [{ offset: 101 }],
    [{ category: 'creative', subcategory: 'cli-agent' }],
    [{ startDate: addDays(END, -366), endDate: END }],
    [{ endDate: addDays(END, 1) }],
  ])('%p is rejected with a typed error and costs no upstream call', async (params) => {
    const { client } = layer();
    await expect(client.get('app-rankings', params)).rejects.toBeInstanceOf(InvalidParamsError);
    expect((await fake.stats()).total).toBe(0);
  });
});

describe('cache and coalescing', () => {
  it('answers a repeated request from the cache within the data day', async () => {
    const { client, dataDir } = layer();
    await client.get('rankings-daily', { startDate: END, endDate: END });
    await client.get('rankings-daily', { startDate: END, endDate: END });
    // A new process on the same DATA_DIR reads the persisted copy.
    const again = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir });
    await again.client.get('rankings-daily', { startDate: END, endDate: END });
    expect((await fake.stats()).total).toBe(1);
  });

  it('turns 50 identical concurrent calls into one upstream attempt', async () => {
    await fake.configure({ latencyMs: 300 });
    const { client } = layer();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.get('app-rankings', { sort: 'trending', limit: 20 })));
    const stats = await fake.stats();
    expect(stats.total).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))).size).toBe(1);
  });
});

describe('quota governor', () => {
  it('lets no more than 30 attempts a minute through under 200 concurrent distinct calls', async () => {
    const { client } = layer();
    const calls = Array.from({ length: 200 }, (_, i) => client.get('app-rankings', { limit: (i % 100) + 1, offset: i < 100 ? 0 : 1 }));
    const counts = await outcomes(calls);
    const stats = await fake.stats();
    expect(stats.total).toBe(30);
    expect(stats.byStatus['429'] ?? 0).toBe(0);
    expect(counts).toEqual({ ok: 30, budget_exhausted: 170 });
  });

  it('holds a configured lower daily limit, and the counters survive a restart', async () => {
    const dataDir = tempDataDir();
    const first = layer({ dataDir, perDay: 5 });
    const counts = await outcomes(Array.from({ length: 8 }, (_, i) => first.client.get('app-rankings', { limit: i + 1 })));
    expect(counts).toEqual({ ok: 5, budget_exhausted: 3 });

    // "Restart": a new governor and client on the same DATA_DIR.
    const restarted = new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 5));
    expect((await restarted.snapshot()).dayTotal).toEqual({ used: 5, limit: 5, left: 0 });
    const second = layer({ dataDir, perDay: 5 });
    await expect(second.client.get('app-rankings', { limit: 99 })).rejects.toMatchObject({ code: 'budget_exhausted' });
    expect((await fake.stats()).total).toBe(5);
  });

  it('counts retries as attempts', async () => {
    await fake.fault({ type: '500' });
    const dataDir = tempDataDir();
    const { client } = layer({ dataDir });
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'upstream_error', status: 500 });
    const governor = new QuotaGovernor(new FileQuotaStore(dataDir), policyFor(BUDGET_PLAN, 30, 500));
    expect((await governor.snapshot()).dayTotal.used).toBe(3);
    expect((await fake.stats()).total).toBe(3);
  });
});

describe('retry policy', () => {
  it('retries a transient 500 and succeeds', async () => {
    await fake.fault({ type: '500', times: 2 });
    const { client, logs } = layer();
    const result = await client.get('rankings-daily', { startDate: END, endDate: END });
    expect(result.rows.length).toBeGreaterThan(0);
    expect((await fake.stats()).byStatus).toEqual({ '500': 2, '200': 1 });
    expect(logs.filter((l) => l.event === 'upstream_attempt').map((l) => [l.fields.attempt, l.fields.status, l.fields.outcome])).toEqual([
      [1, 500, 'upstream_error'],
      [2, 500, 'upstream_error'],
      [3, 200, 'ok'],
    ]);
  });

  it('gives up after the bounded number of attempts on timeouts', async () => {
    await fake.fault({ type: 'timeout' });
    const { client } = layer({ timeoutMs: 300, retry: { maxAttempts: 2 } });
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'timeout' });
    expect((await fake.stats()).total).toBe(2);
  });

  it('classifies a connection reset as a network error', async () => {
    await fake.fault({ type: 'reset' });
    const { client } = layer({ retry: { maxAttempts: 2 } });
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'network' });
    expect((await fake.stats()).total).toBe(2);
  });

  it.each(['malformed', 'drift'] as const)('rejects a %s payload at once, never as partial data', async (type) => {
    await fake.fault({ type });
    const { client } = layer();
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'malformed' });
    expect((await fake.stats()).total).toBe(1);
  });

  it('honours a short Retry-After before trying again', async () => {
    await fake.fault({ type: '429', retryAfter: 1, times: 1 });
    const { client } = layer();
    await client.get('rankings-daily', { startDate: END, endDate: END });
    const { requests } = await fake.stats();
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    const gap = Date.parse(requests[1]!.at) - Date.parse(requests[0]!.at);
    expect(gap).toBeGreaterThanOrEqual(1000);
  });

  it('stops calling while a long Retry-After is pending, whatever the request', async () => {
    await fake.fault({ type: '429', retryAfter: 120, times: 1 });
    const { client } = layer();
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: 120 });
    await expect(client.get('app-rankings', { sort: 'trending' })).rejects.toMatchObject({ code: 'rate_limited' });
    expect((await fake.stats()).total).toBe(1);
  });
});

describe('circuit breaker and bad keys', () => {
  it('a refused key is not retried and pauses further calls', async () => {
    const { client } = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: 'sk-or-wrong-key-000' });
    await expect(client.get('rankings-daily', { startDate: END, endDate: END })).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    await expect(client.get('app-rankings', {})).rejects.toMatchObject({ code: 'circuit_open' });
    expect((await fake.stats()).total).toBe(1);
  });

  it('opens after repeated failures, then a probe closes it when the upstream is back', async () => {
    await fake.fault({ type: '503' });
    const { client, breaker } = layer({ retry: { maxAttempts: 1 }, circuit: { threshold: 3, cooldownMs: 500, maxCooldownMs: 1000 } });
    const day = (d: number) => ({ startDate: addDays(END, -d), endDate: addDays(END, -d) });
    for (let d = 0; d < 3; d += 1) await expect(client.get('rankings-daily', day(d))).rejects.toMatchObject({ code: 'upstream_error' });
    await expect(client.get('rankings-daily', day(3))).rejects.toMatchObject({ code: 'circuit_open' });
    expect((await fake.stats()).total).toBe(3);
    await fake.clearFault();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await client.get('rankings-daily', day(4));
    expect(breaker.state()).toBe('closed');
    expect((await fake.stats()).total).toBe(4);
  });
});

describe('logging', () => {
  it('writes one structured line per attempt and never the key', async () => {
    await fake.fault({ type: '500', times: 1 });
    const { client, logs } = layer();
    await client.get('app-rankings', { sort: 'trending', limit: 7 });
    const attempts = logs.filter((l) => l.event === 'upstream_attempt');
    expect(attempts).toHaveLength(2);
    for (const entry of attempts) {
      expect(Object.keys(entry.fields).sort()).toEqual(['attempt', 'endpoint', 'latencyMs', 'outcome', 'params', 'partition', 'source', 'status']);
      expect(entry.fields.endpoint).toBe('app-rankings');
      expect(entry.fields.params).toMatchObject({ sort: 'trending', limit: '7' });
    }
    expect(logs.map((l) => l.line).join('\n')).not.toContain(fake.key);
  });
});
