/** @jest-environment node */
import { rmSync } from 'node:fs';
import { loadSliceData, sweepSlices } from '../../lib/boards/slices/history';
import { coldStartRequests, partitionOf, planNumbers, steadyStateRequests } from '../../lib/boards/slices/plan';
import { filterEntry, SLICE_FAMILIES, SLICES, type Slice, type SliceFamily } from '../../lib/boards/slices/slices';
import { sliceWindow, windowRequests, type SliceRequest } from '../../lib/boards/slices/windows';
import type { BudgetPartition } from '../../lib/boards/budget';
import { isDatasetsError } from '../../lib/datasets/errors';
import type { QuotaSnapshot } from '../../lib/datasets/quota';
import { addDays, daysInclusive } from '../../lib/utc-day';
import { createTestDataLayer, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeRequestRecord, type FakeUpstream } from '../helpers/fake-upstream';

/*
 * The slice boards' budget (lib/boards/slices/plan.ts, lib/boards/budget.ts) measured where it is spent:
 * at the upstream. Every call below is counted in the fake's request log, matched to the slice its filter
 * names, and compared with the plan's own requests; the governor's counters say who paid.
 */

// The fake's last completed day is 2027-02-28: every simulated data day below is complete for it.
const TODAY = '2027-03-01';
const COLD_DAY = '2026-11-24'; // a Tuesday; the README's cold start
const EXACT = SLICES.filter((s) => !s.sampled).length;

let fake: FakeUpstream;
const dataDirs: string[] = [];

beforeAll(async () => {
  // The fake's own limits stay out of the way: the governor's are the ones under test.
  fake = await startFakeUpstream({ today: TODAY, perMinute: 1_000_000, perDay: 1_000_000 });
});
afterAll(async () => {
  await fake?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The slice a call at the fake was for, by the one filter it sends. */
function sliceOfCall(call: FakeRequestRecord): Slice {
  const matches = SLICES.filter((slice) => {
    const [name, value] = filterEntry(slice);
    return call.query[snake(name)] === value;
  });
  if (matches.length !== 1) throw new Error(`not one slice's call: ${JSON.stringify(call.query)}`);
  return matches[0]!;
}

/** A request as the upstream sees it: snake_case parameters, in a stable order. */
const upstreamKey = (query: Readonly<Record<string, unknown>>) =>
  JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));
const planKey = (request: SliceRequest) => upstreamKey(Object.fromEntries(Object.entries(request.query).map(([k, v]) => [snake(k), v])));

function byFamily(calls: readonly FakeRequestRecord[]): Record<SliceFamily, number> {
  const counts = Object.fromEntries(SLICE_FAMILIES.map((f) => [f, 0])) as Record<SliceFamily, number>;
  for (const call of calls) counts[sliceOfCall(call).family] += 1;
  return counts;
}

/** Calls the fake received since the last look. */
function meter(upstream: FakeUpstream) {
  let seen = 0;
  return async (): Promise<FakeRequestRecord[]> => {
    const { requests } = await upstream.stats();
    const calls = requests.slice(seen);
    seen = requests.length;
    return calls;
  };
}

/** A simulated clock: the client's and the governor's. `sleep` moves it on, at once (no real wait). */
function simulatedClock(start: string) {
  let at = Date.parse(start);
  return {
    now: () => at,
    date: () => new Date(at),
    set: (iso: string) => void (at = Date.parse(iso)),
    advance: (ms: number) => void (at += ms),
    sleep: (ms: number) => {
      // Concurrent waiters started at the same moment wake together, not one after another.
      const until = at + ms;
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          at = Math.max(at, until);
          resolve();
        }),
      );
    },
  };
}

/** A data layer on `dataDay` (settleMinutes 0: the data day is yesterday of the clock), noon UTC. */
function layer(dataDay: string, limits: { perMinute: number; perDay: number }) {
  const clock = simulatedClock(`${addDays(dataDay, 1)}T12:00:00Z`);
  const dataDir = tempDataDir();
  dataDirs.push(dataDir);
  const dl = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir, ...limits, now: clock.date, quotaClock: clock });
  return { ...dl, clock, toDataDay: (day: string) => clock.set(`${addDays(day, 1)}T12:00:00Z`) };
}

/** The limits of these tests' governor: the real day, and a minute that never binds (visitors do not wait for it). */
const DAY_ONLY = { perMinute: 100_000, perDay: 500 };

/** The governor's counters for the day of its clock, by the plan's partitions. */
const budgetOf = async (dl: ReturnType<typeof layer>) => (await dl.governor.snapshot()) as QuotaSnapshot<BudgetPartition>;

const hubVisit = (client: ReturnType<typeof layer>['client']) => Promise.all(SLICES.map((slice) => loadSliceData(client, slice, 'week')));

function expectExactly(calls: readonly FakeRequestRecord[], planned: readonly SliceRequest[]) {
  expect(calls.filter((c) => c.status !== 200)).toEqual([]);
  expect(calls.map((c) => upstreamKey(c.query)).sort()).toEqual(planned.map(planKey).sort());
}


const REAL = { perMinute: 30, perDay: 500 };
const isSunday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 0;

describe(`a cold start of the 24 slices on ${COLD_DAY}`, () => {
  let dl: ReturnType<typeof layer>;
  let calls: ReturnType<typeof meter>;

  beforeAll(async () => {
    dl = layer(COLD_DAY, DAY_ONLY);
    calls = meter(fake);
    await calls(); // earlier tests' calls are not ours
  });

  it('costs the plan`s 68 calls, exactly its requests, split by family as planned, none refused', async () => {
    const plan = planNumbers(COLD_DAY);
    const data = await sweepSlices(dl.client);
    const cold = await calls();

    expect(cold).toHaveLength(plan.coldStart.total);
    expect(cold).toHaveLength(68);
    expect(byFamily(cold)).toEqual(plan.coldStart.byFamily);
    expectExactly(cold, coldStartRequests(COLD_DAY));
    // Every board holds its last completed week (Monday 2026-11-16).
    expect(data.map((d) => [d.dataDay, d.history.weeks.days.at(-1)?.date])).toEqual(SLICES.map(() => [COLD_DAY, '2026-11-16']));
  }, 60_000);

  it('is paid by core for each slice`s newest request (24) and by slices for the older blocks (44 of its 100)', async () => {
    const planned = coldStartRequests(COLD_DAY);
    const core = planned.filter((r) => partitionOf(r, COLD_DAY) === 'core').length;
    const { partitions, dayTotal } = await budgetOf(dl);

    expect(core).toBe(SLICES.length);
    expect([partitions.core.used, partitions.slices.used]).toEqual([core, planned.length - core]);
    expect([partitions.core.used, partitions.slices.used]).toEqual([24, 44]);
    expect(partitions.slices.cap).toBe(100);
    expect(partitions.slices.used).toBeLessThanOrEqual(partitions.slices.cap);
    expect([partitions.apps.used, partitions.staff.used]).toEqual([0, 0]);
    expect(dayTotal).toEqual({ used: 68, limit: 500, left: 432 });
  });

  it('costs nothing more that data day: whole histories again, and the hub (every slice`s week)', async () => {
    await sweepSlices(dl.client);
    await hubVisit(dl.client);
    await sweepSlices(dl.client);
    expect(await calls()).toEqual([]);
  });
});

describe('a background cold start at the real limits (30 a minute, 500 a day), then one data day after another', () => {
  // Sunday 2025-12-28 ends both the exact slices' second 26-week block and the sampled slices' first
  // 52-week one (2024-12-30 + 2 × 182 = + 364 days): on Monday the exact slices open a new block, on
  // Sunday 2026-01-04 the sampled ones.
  const WARM_DAY = '2025-12-28';
  const LAST_DAY = '2026-01-05';
  let dl: ReturnType<typeof layer>;
  let calls: ReturnType<typeof meter>;

  beforeAll(async () => {
    dl = layer(WARM_DAY, REAL);
    calls = meter(fake);
    await calls();
  });

  it('completes a background cold start, a third of each minute at most', async () => {
    expect(isSunday(WARM_DAY) && daysInclusive('2024-12-30', addDays(WARM_DAY, 1)) - 1).toBe(2 * 182);
    const started = dl.clock.now();
    await sweepSlices(dl.client, { background: true });
    const cold = await calls();
    const planned = coldStartRequests(WARM_DAY);

    expectExactly(cold, planned);
    expect(cold).toHaveLength(planNumbers(WARM_DAY).coldStart.total);
    const core = planned.filter((r) => partitionOf(r, WARM_DAY) === 'core').length;
    const { partitions } = await budgetOf(dl);
    expect([partitions.core.used, partitions.slices.used]).toEqual([core, planned.length - core]);
    expect(core).toBe(SLICES.length);
    // Background attempts stop at 10 in any minute: 34 calls wait out at least 3 minutes.
    const minutes = (dl.clock.now() - started) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(Math.ceil(cold.length / 10) - 1);
    expect(minutes).toBeLessThan(Math.ceil(cold.length / 10) + 1);
  }, 60_000);

  it('then each data day costs its steady-state requests, all core: 10, 24 on a Sunday, at most 1 per slice', async () => {
    const observed: Record<string, number> = {};
    const planned: Record<string, number> = {};
    for (let day = addDays(WARM_DAY, 1); day <= LAST_DAY; day = addDays(day, 1)) {
      dl.toDataDay(day);
      // Several visits a data day: each board's whole history, twice.
      await sweepSlices(dl.client);
      await sweepSlices(dl.client);
      const today = await calls();
      const numbers = planNumbers(day);

      expectExactly(today, steadyStateRequests(day));
      observed[day] = today.length;
      planned[day] = numbers.steadyDay.total;
      expect([day, byFamily(today)]).toEqual([day, numbers.steadyDay.byFamily]);
      expect([day, today.length]).toEqual([day, isSunday(day) ? SLICES.length : EXACT]);
      expect([day, new Set(today.map((c) => sliceOfCall(c).id)).size]).toEqual([day, today.length]);
      expect(numbers.maxPerSlicePerDay).toBe(1);
      // The governor's day is the clock's: this data day's calls, and who paid them.
      const { partitions } = await budgetOf(dl);
      expect([day, partitions.core.used, partitions.slices.used]).toEqual([day, today.length, 0]);
    }
    expect(observed).toEqual(planned);
    expect(observed).toEqual({
      '2025-12-29': 10, // the exact slices' new block
      '2025-12-30': 10,
      '2025-12-31': 10,
      '2026-01-01': 10,
      '2026-01-02': 10,
      '2026-01-03': 10,
      '2026-01-04': 24, // a Sunday: the sampled slices' new block
      '2026-01-05': 10,
    });
  }, 60_000);
});

describe('the hub (every slice`s last completed week) on a cold cache', () => {
  it.each([
    ['an ordinary day', '2025-03-11', SLICES.length],
    // An exact block opened on Monday 2025-06-30. Until its first Sunday the last completed week lies in
    // the block before, then for a week the week it is compared with: core pays for those older blocks too.
    ['the first days of an exact block', '2025-07-01', SLICES.length],
    ['the second week of an exact block', '2025-07-08', SLICES.length + EXACT],
  ])('on %s (%s) costs only its week windows` requests, %i, all core', async (_label, dataDay, count) => {
    const dl = layer(dataDay, DAY_ONLY);
    const calls = meter(fake);
    await calls();
    await hubVisit(dl.client);
    const hub = await calls();
    const planned = SLICES.flatMap((slice) => windowRequests(slice, sliceWindow(slice, 'week', dataDay)!, dataDay));

    expectExactly(hub, planned);
    expect(hub).toHaveLength(count);
    expect(planned.every((r) => partitionOf(r, dataDay) === 'core')).toBe(true);
    const { partitions } = await budgetOf(dl);
    expect([partitions.core.used, partitions.slices.used]).toEqual([count, 0]);
  });
});

describe('the slices partition`s cap', () => {
  it('stops a cold start with the typed budget error; core still pays for the hub', async () => {
    // 40 a day: slices may spend 8 of the 10 older blocks a cold start on 2025-07-15 needs.
    const dataDay = '2025-07-15';
    const dl = layer(dataDay, { perMinute: 30, perDay: 40 });
    const base = (await fake.stats()).total;
    const spent = async () => (await fake.stats()).requests.slice(base);
    expect(dl.governor.policy.dayCaps.slices).toBe(8);
    expect(coldStartRequests(dataDay).filter((r) => partitionOf(r, dataDay) === 'slices')).toHaveLength(10);

    const failure = await sweepSlices(dl.client, { background: true }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatasetsError(failure) && failure.code).toBe('budget_exhausted');
    expect((failure as Error).message).toMatch(/^slices quota exhausted \(partition limit\)/);

    // The refused slice's other blocks may still be in flight: let them land.
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      quiet = (await budgetOf(dl)).dayTotal.used === (await spent()).length ? quiet + 1 : 0;
    }
    const before = await budgetOf(dl);
    expect(before.partitions.slices).toMatchObject({ used: 8, left: 0 });
    // Refused at the partition's cap, well before the day's slots that only core may use.
    expect(before.dayTotal.used - before.partitions.core.used).toBeLessThan(before.dayTotal.limit - dl.governor.policy.reserve.day);
    expect(before.partitions.core.left).toBeGreaterThan(0);

    dl.clock.advance(60_000);
    const hub = await hubVisit(dl.client);
    expect(hub.map((d) => d.history.weeks.days.at(-1)?.date)).toEqual(SLICES.map(() => '2025-07-07'));
    const after = await budgetOf(dl);
    const made = await spent();
    expect(after.partitions.slices.used).toBe(8);
    expect(after.partitions.core.used).toBeGreaterThan(before.partitions.core.used);
    expect(after.partitions.core.used).toBeLessThanOrEqual(SLICES.length);
    expect(made.filter((c) => c.status !== 200)).toEqual([]);
    expect(made).toHaveLength(after.dayTotal.used);

    // A board's whole history still needs its older blocks: refused, typed, without another call.
    const board = await loadSliceData(dl.client, SLICES.at(-1)!, 'all').catch((error: unknown) => error);
    expect(isDatasetsError(board) && board.code).toBe('budget_exhausted');
    expect(await spent()).toHaveLength(made.length);
  }, 60_000);
});
