/** @jest-environment node */
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays, lastCompletedUtcDay } from '../../lib/utc-day';
import { createTestDataLayer, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

let fake: FakeUpstream;
const END = lastCompletedUtcDay(new Date());
const START = addDays(END, -6);

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  await fake.reset();
});

function layer(dataDir = tempDataDir()) {
  return createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir, retry: { maxAttempts: 2 } });
}

describe('attempt log', () => {
  it('records every attempt with its partition, status and try number, and the last error per request', async () => {
    const { client, attempts } = layer();
    await fake.fault({ type: '500', times: 2 });
    await expect(client.get('rankings-daily', { startDate: START, endDate: END }, { partition: 'staff' })).rejects.toMatchObject({ code: 'upstream_error' });

    let history = await attempts.read();
    expect(history.attempts.map((a) => [a.endpoint, a.partition, a.status, a.attempt, a.outcome])).toEqual([
      ['rankings-daily', 'staff', 500, 1, 'upstream_error'],
      ['rankings-daily', 'staff', 500, 2, 'upstream_error'],
    ]);
    expect(history.attempts[0]!.params).toEqual({ end_date: END, start_date: START });
    const key = history.attempts[0]!.key;
    expect(history.lastErrors[key]).toMatchObject({ outcome: 'upstream_error', message: expect.stringContaining('500') });

    await client.get('rankings-daily', { startDate: START, endDate: END });
    history = await attempts.read();
    expect(history.attempts.at(-1)).toMatchObject({ partition: 'core', status: 200, attempt: 1, outcome: 'ok' });
    expect(history.lastErrors[key]).toBeUndefined();
    // What the fake saw is what the log holds: 3 attempts.
    expect((await fake.stats()).total).toBe(3);
  });

  it('keeps only the last 200 attempts, shared by every process on the DATA_DIR', async () => {
    const dataDir = tempDataDir();
    const first = layer(dataDir);
    const second = layer(dataDir);
    for (let i = 0; i < 3; i += 1) await first.client.get('app-rankings', { startDate: addDays(START, -i), endDate: addDays(END, -i) });
    await second.client.get('app-rankings', { startDate: addDays(START, -3), endDate: addDays(END, -3) });
    expect((await second.attempts.read()).attempts).toHaveLength(4);

    const filler = Array.from({ length: 205 }, (_, i) => ({ ...earlierAttempt, at: new Date(i).toISOString() }));
    await writeFile(path.join(dataDir, 'attempts.json'), JSON.stringify({ attempts: filler, lastErrors: {} }));
    await first.client.get('app-rankings', { startDate: addDays(START, -4), endDate: addDays(END, -4) });
    const kept = (await first.attempts.read()).attempts;
    expect(kept).toHaveLength(200);
    expect(kept.at(-1)).toMatchObject({ endpoint: 'app-rankings', outcome: 'ok' });
  });
});

const earlierAttempt = { key: 'x', endpoint: 'rankings-daily', params: {}, partition: 'core', status: 200, latencyMs: 1, attempt: 1, outcome: 'ok', message: null };

describe('refetch (staff refresh)', () => {
  it('fetches a held dataset again even though it is fresh, charged to the given partition', async () => {
    const { client, cache, governor } = layer();
    await client.get('rankings-daily', { startDate: START, endDate: END }, { freshness: 'final' });
    await client.get('rankings-daily', { startDate: START, endDate: END }, { freshness: 'final' });
    expect((await fake.stats()).total).toBe(1);

    const [held] = await cache.list();
    expect(held).toMatchObject({ endpoint: 'rankings-daily', final: true, rows: expect.any(Number), asOf: expect.stringMatching(/^\d{4}-/) });
    await fake.configure({ asOfOffsetSeconds: 3600 });
    const entry = await client.refetch(held!, 'staff');
    expect((await fake.stats()).total).toBe(2);
    expect(entry.final).toBe(true);
    expect((entry.body as { meta: { as_of: string } }).meta.as_of).not.toBe(held!.asOf);
    expect((await cache.list())[0]!.asOf).toBe((entry.body as { meta: { as_of: string } }).meta.as_of);
    const budget = await governor.snapshot();
    expect(budget.partitions.staff).toMatchObject({ used: 1, minute: 1 });
    expect(budget.partitions.core).toMatchObject({ used: 1, minute: 1 });
    expect(budget.hourly.staff![new Date().getUTCHours()]).toBe(1);
  });
});

describe('audit trail', () => {
  it('survives a restart, reads newest first and skips a torn last line', async () => {
    const dataDir = tempDataDir();
    process.env.DATA_DIR = dataDir;
    await jest.isolateModulesAsync(async () => {
      const { recordAudit } = await import('../../lib/audit');
      await recordAudit({ actor: 'alice@staff.example', action: 'sign-in', detail: 'via credentials', outcome: 'ok' });
      await recordAudit({ actor: 'alice@staff.example', action: 'refresh', detail: 'data day: refreshed', outcome: 'ok' });
      await recordAudit({ actor: 'bob@sso.example', action: 'export', detail: 'models csv', outcome: 'ok' });
    });
    // A crash in the middle of a write.
    await appendFile(path.join(dataDir, 'audit.jsonl'), '{"at":"2026-11-25T00:00:00Z","actor":"tor');
    // A new module instance, as after a restart.
    await jest.isolateModulesAsync(async () => {
      const { readAudit } = await import('../../lib/audit');
      expect((await readAudit()).map((r) => [r.actor, r.action, r.outcome])).toEqual([
        ['bob@sso.example', 'export', 'ok'],
        ['alice@staff.example', 'refresh', 'ok'],
        ['alice@staff.example', 'sign-in', 'ok'],
      ]);
      expect(await readAudit(2)).toHaveLength(2);
    });
    delete process.env.DATA_DIR;
  });
});
