/** @jest-environment node */
import { randomUUID } from 'node:crypto';
import { BUDGET_PLAN } from '../../lib/boards/budget';
import { policyFor, QuotaGovernor } from '../../lib/datasets/quota';
import { RedisAttemptLog, RedisQuotaStore, RedisRequestLock, RedisResponseCache } from '../../lib/datasets/redis-stores';
import { connectRedis, type RedisConnection } from '../../lib/redis';
import { addDays, lastCompletedUtcDay } from '../../lib/utc-day';
import { createTestDataLayer, outcomes } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';
import { startRedis, type RedisServer } from '../helpers/redis-server';

let redis: RedisServer;
let fake: FakeUpstream;
const connections: RedisConnection[] = [];
const END = lastCompletedUtcDay(new Date());
const START = addDays(END, -6);

function connection(): RedisConnection {
  const client = connectRedis(redis.url, 'test');
  connections.push(client);
  return client;
}

async function ready(client: RedisConnection): Promise<void> {
  for (let i = 0; i < 100 && !client.isReady; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The state one instance would use, as lib/data-layer.ts wires it with REDIS_URL. */
async function instanceState(prefix: string) {
  const data = connection();
  const quota = connection();
  await Promise.all([ready(data), ready(quota)]);
  return {
    quota: new RedisQuotaStore(quota, `${prefix}:quota`),
    cache: new RedisResponseCache(data, prefix),
    attempts: new RedisAttemptLog(data, prefix),
    lock: new RedisRequestLock(data, prefix),
  };
}

beforeAll(async () => {
  redis = await startRedis();
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await Promise.all(connections.map((client) => client.destroy()));
  await fake.stop();
  await redis.stop();
});
beforeEach(async () => {
  await fake.reset();
});

describe('RedisQuotaStore', () => {
  it('holds the per-minute limit across three instances together (WATCH/MULTI)', async () => {
    const prefix = `t:${randomUUID()}`;
    const governors = await Promise.all([0, 1, 2].map(async () => new QuotaGovernor((await instanceState(prefix)).quota, policyFor(BUDGET_PLAN, 30, 500))));
    const counts = await outcomes(Array.from({ length: 90 }, (_, i) => governors[i % 3]!.acquire(i % 2 === 0 ? 'core' : 'apps')));
    expect(counts.ok).toBe(30);
    expect(counts.budget_exhausted).toBe(60);
    const snapshot = await governors[1]!.snapshot();
    expect(snapshot.minute.used).toBe(30);
    expect(snapshot.partitions.core!.used + snapshot.partitions.apps!.used).toBe(30);
  });
});

describe('shared data layer', () => {
  it('two instances make one upstream call for the same request in flight on both, and share the result', async () => {
    const prefix = `t:${randomUUID()}`;
    await fake.configure({ latencyMs: 300 });
    const [one, two] = [createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, shared: await instanceState(prefix) }), createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, shared: await instanceState(prefix) })];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one : two).client.get('rankings-daily', { startDate: START, endDate: END })));
    expect((await fake.stats()).total).toBe(1);
    for (const result of results) expect(result.rows).toEqual(results[0]!.rows);
    // The attempt history is shared too: both instances list the one attempt.
    expect((await one.attempts.read()).attempts).toHaveLength(1);
    expect((await two.attempts.read()).attempts).toEqual((await one.attempts.read()).attempts);
    expect(await two.cache.list()).toEqual([expect.objectContaining({ endpoint: 'rankings-daily', query: { end_date: END, start_date: START } })]);
  });

  it('a refetch on one instance is what the other reads next', async () => {
    const prefix = `t:${randomUUID()}`;
    const [one, two] = [createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, shared: await instanceState(prefix) }), createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, shared: await instanceState(prefix) })];
    const first = await two.client.get('app-rankings', { startDate: START, endDate: END });
    await fake.configure({ asOfOffsetSeconds: 600 });
    const [held] = await one.cache.list();
    await one.client.refetch(held!, 'staff');
    const again = await two.client.get('app-rankings', { startDate: START, endDate: END });
    expect(Date.parse(again.meta.asOf) - Date.parse(first.meta.asOf)).toBe(600_000);
    expect((await fake.stats()).total).toBe(2);
    await fake.configure({ asOfOffsetSeconds: 0 });
  });
});

describe('Redis down', () => {
  it('serves what an instance holds, refuses uncountable calls at once, logs once, and recovers without a restart', async () => {
    const prefix = `t:${randomUUID()}`;
    const state = await instanceState(prefix);
    const layer = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, shared: state });
    const held = await layer.client.get('rankings-daily', { startDate: START, endDate: END });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await redis.stop();
      const started = Date.now();
      const again = await layer.client.get('rankings-daily', { startDate: START, endDate: END });
      expect(again.rows).toEqual(held.rows);
      const refused = await outcomes(Array.from({ length: 20 }, () => layer.client.get('app-rankings', { startDate: START, endDate: END })));
      expect(refused).toEqual({ shared_state_unavailable: 20 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect((await fake.stats()).total).toBe(1);
      expect(errors.mock.calls.filter(([line]) => String(line).includes('"redis_unavailable"'))).toHaveLength(1);
      // Reports keep working on what was last seen.
      expect((await layer.governor.snapshot()).dayTotal.used).toBe(1);

      await redis.restart();
      await ready(connections.at(-1)!);
      await ready(connections.at(-2)!);
      const recovered = await layer.client.get('app-rankings', { startDate: START, endDate: END });
      expect(recovered.rows.length).toBeGreaterThan(0);
      expect((await fake.stats()).total).toBe(2);
    } finally {
      errors.mockRestore();
    }
  });
});
