/** @jest-environment node */
import { loadModelHistory } from '../../lib/boards/models/fetch-plan';
import { addDays } from '../../lib/utc-day';
import { createTestDataLayer, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

let fake: FakeUpstream;

beforeAll(async () => {
  // The fake's "today" is fixed, so every simulated data day below is a completed day for it.
  fake = await startFakeUpstream({ today: '2027-03-01' });
});
afterAll(async () => {
  await fake.stop();
});

describe('model history', () => {
  it('costs at most 2 rankings-daily calls per data day once warm, across month and year boundaries', async () => {
    const dataDir = tempDataDir();
    let dataDay = '2026-10-29';
    // settleMinutes is 0 in the test layer: the data day is yesterday of the clock.
    const now = () => new Date(`${addDays(dataDay, 1)}T12:00:00Z`);
    const { client } = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir, now });

    const cold = await loadModelHistory(client);
    const coldCalls = (await fake.stats()).total;
    expect(coldCalls).toBe(1 + 10); // 2025 as one chunk, then Jan–Oct 2026 by month
    expect(cold.rows.at(-1)?.date).toBe(dataDay);
    expect(cold.rows[0]?.date).toBe('2025-01-01');

    const perDay: Record<string, number> = {};
    let before = coldCalls;
    for (const day of ['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-12-31', '2027-01-01', '2027-01-02', '2027-02-01']) {
      dataDay = day;
      // Many page renders within one data day…
      for (let i = 0; i < 5; i += 1) await loadModelHistory(client);
      const after = (await fake.stats()).total;
      perDay[day] = after - before;
      before = after;
    }
    expect(perDay).toEqual({
      '2026-10-29': 0, // still the cold start's day
      '2026-10-30': 2,
      '2026-10-31': 2,
      '2026-11-01': 2,
      '2026-11-02': 2,
      '2026-12-31': 2,
      '2027-01-01': 2,
      '2027-01-02': 2,
      '2027-02-01': 2,
    });
  });

  it('returns every day of the history, each with its other row, exactly as served', async () => {
    const dataDay = '2025-02-10';
    const { client } = createTestDataLayer({
      baseUrl: fake.baseUrl,
      apiKey: fake.key,
      now: () => new Date(`${addDays(dataDay, 1)}T06:00:00Z`),
    });
    const history = await loadModelHistory(client);
    const dates = new Set(history.rows.map((r) => r.date));
    expect(dates.size).toBe(41);
    expect(history.rows.filter((r) => r.isOther)).toHaveLength(41);
    const served = (await fake.peek('rankings-daily', { start_date: '2025-02-01', end_date: dataDay })).body;
    const fromHistory = history.rows.filter((r) => r.date >= '2025-02-01');
    expect(fromHistory.map((r) => `${r.date} ${r.permaslug} ${r.totalTokens}`)).toEqual(
      served.data.map((r: Record<string, string>) => `${r.date} ${r.model_permaslug} ${r.total_tokens}`),
    );
    expect(history.asOf).toBe(served.meta.as_of);
  });
});
