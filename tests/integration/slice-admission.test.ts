/** @jest-environment node */
import { rmSync } from 'node:fs';
import type { BudgetPartition } from '../../lib/boards/budget';
import { loadSliceData } from '../../lib/boards/slices/history';
import { SLICES, sliceOf, type Slice } from '../../lib/boards/slices/slices';
import { sliceViewRequests, type SliceViewScope } from '../../lib/boards/slices/view-requests';
import { createViewAdmission } from '../../lib/datasets/admission';
import type { QuotaGovernor, QuotaSnapshot } from '../../lib/datasets/quota';
import { addDays } from '../../lib/utc-day';
import { createTestDataLayer, tempDataDir, type LoggedEvent } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

/*
 * The admission check middleware.ts asks before a slice board, the hub or a model page is rendered
 * (lib/boards/slices/view-requests.ts, lib/datasets/admission.ts), on the real governor, cache and client
 * against the fake upstream, on a simulated clock: what it reserves is what the loader then spends.
 */

// The fake's last completed day is 2027-02-28: every simulated data day below is complete for it.
const TODAY = '2027-03-01';
const DATA_DAY = '2026-11-24'; // a Tuesday: an exact board is 3 older blocks (slices) and its newest (core)
// 40 a day: the slices partition may spend 8, core keeps 16 no other partition may use.
const LIMITS = { perMinute: 100_000, perDay: 40 };
// The clock stands at noon UTC: a partition's day starts again in 12 hours.
const UNTIL_NEXT_DAY = 12 * 3600;
// A few seconds each; the margin is for a machine busy with builds.
const TIMEOUT_MS = 30_000;

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

const text = sliceOf('modality', 'text')!;
const oneK = sliceOf('context', '1k')!;

/** A data layer and its admission check on `dataDay` (settleMinutes 0: the data day is the clock's yesterday), noon UTC. */
function setup(dataDay: string) {
  let at = 0;
  const toDataDay = (day: string) => void (at = Date.parse(`${addDays(day, 1)}T12:00:00Z`));
  toDataDay(dataDay);
  const dataDir = tempDataDir();
  dataDirs.push(dataDir);
  const dl = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir, ...LIMITS, now: () => new Date(at), quotaClock: { now: () => at } });
  const logs: LoggedEvent[] = [];
  const check = createViewAdmission({
    governor: dl.governor,
    cache: dl.cache,
    waitMs: 0,
    now: () => at,
    log: (event, fields, level = 'info') => logs.push({ event, level, fields, line: JSON.stringify({ event, ...fields }) }),
  });
  /** Every admission of the view, in middleware.ts's order, stopping at the first refusal as it does. */
  const admit = async (scope: SliceViewScope, day = dl.client.dataDay()) => {
    for (const view of sliceViewRequests(scope, day)) {
      const admission = await check(view);
      if (!admission.ok) return { ...admission, partition: view.partition };
    }
    return { ok: true as const };
  };
  return { ...dl, check, admit, logs, toDataDay };
}

/** Calls the fake received since the last look. */
function meter() {
  let seen: number | undefined;
  return async () => {
    const { requests } = await fake.stats();
    const calls = requests.slice(seen ?? requests.length);
    seen = requests.length;
    return calls;
  };
}

/** How many more attempts `partition` may reserve now, reservations held counted (all-or-none probes, given back). */
async function room(governor: QuotaGovernor, partition: BudgetPartition): Promise<number> {
  const fits = async (n: number) => {
    const probes = Array.from({ length: n }, (_, i) => `probe-${partition}-${i}`);
    const { ok } = await governor.reserve(partition, probes);
    if (ok) for (const probe of probes) governor.release(probe);
    return ok;
  };
  let [low, high] = [0, governor.policy.perDay + 1];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

const spent = async (governor: QuotaGovernor) => {
  const { partitions } = (await governor.snapshot()) as QuotaSnapshot<BudgetPartition>;
  return { core: partitions.core.used, slices: partitions.slices.used };
};

const keysOf = (scope: SliceViewScope, dataDay: string) => sliceViewRequests(scope, dataDay).flatMap((v) => v.calls.map((c) => c.first));
const held = async (cache: ReturnType<typeof setup>['cache'], keys: readonly string[]) => (await Promise.all(keys.map((k) => cache.get(k)))).filter(Boolean).length;
const loadHub = (client: ReturnType<typeof setup>['client']) => Promise.all(SLICES.map((slice: Slice) => loadSliceData(client, slice, 'week')));

it('a cold board is admitted, its reservations are what its load spends, and once loaded it passes without reserving', async () => {
  const { client, governor, cache, admit } = setup(DATA_DAY);
  const calls = meter();
  await calls();
  expect(await room(governor, 'slices')).toBe(8);

  expect(await admit({ board: text })).toEqual({ ok: true });
  // Reserved: the 3 older blocks on slices, the newest on core; the day counts them all.
  expect(await room(governor, 'slices')).toBe(8 - 3);
  expect(await room(governor, 'core')).toBe(40 - 3 - 1);

  const data = await loadSliceData(client, text, 'all');
  expect(data.history.weeks.days.at(-1)?.date).toBe('2026-11-16');
  const made = await calls();
  expect(made.filter((c) => c.status !== 200)).toEqual([]);
  expect(made).toHaveLength(4);
  expect(await spent(governor)).toEqual({ core: 1, slices: 3 });
  // Every reservation was consumed by the attempt it was made for: nothing left holding a slot.
  expect(await room(governor, 'slices')).toBe(8 - 3);
  expect(await room(governor, 'core')).toBe(40 - 4);
  expect(await held(cache, keysOf({ board: text }, DATA_DAY))).toBe(4);

  // Held now: admitted without reserving, and the page's next render costs nothing.
  expect(await admit({ board: text })).toEqual({ ok: true });
  expect([await room(governor, 'slices'), await room(governor, 'core')]).toEqual([8 - 3, 40 - 4]);
  await loadSliceData(client, text, 'all');
  expect(await calls()).toEqual([]);
}, TIMEOUT_MS);

it('with the slices partition spent, a cold board is refused until the next UTC day, logged once; the hub (core) is admitted and loads', async () => {
  const { client, governor, admit, logs } = setup(DATA_DAY);
  const calls = meter();
  await calls();
  for (let i = 0; i < 8; i += 1) await governor.acquire('slices');
  expect(await room(governor, 'slices')).toBe(0);

  for (let i = 0; i < 3; i += 1) {
    expect(await admit({ board: text })).toEqual({ ok: false, partition: 'slices', scope: 'partition', retryAfterSeconds: UNTIL_NEXT_DAY });
  }
  expect(await admit({ board: oneK })).toMatchObject({ ok: false, partition: 'slices', scope: 'partition' });
  expect(logs.filter((l) => l.event === 'view_admission_refused').map((l) => l.fields)).toEqual([{ partition: 'slices', scope: 'partition', retryAfterSeconds: UNTIL_NEXT_DAY }]);
  // Refused before core reserved anything for it (middleware.ts stops at the first refusal).
  expect(await room(governor, 'core')).toBe(40 - 8);

  expect(await admit('hub')).toEqual({ ok: true });
  expect(await room(governor, 'core')).toBe(40 - 8 - 24);
  const hub = await loadHub(client);
  expect(hub.map((d) => d.history.weeks.days.at(-1)?.date)).toEqual(SLICES.map(() => '2026-11-16'));
  const made = await calls();
  expect(made.filter((c) => c.status !== 200)).toEqual([]);
  expect(made).toHaveLength(24);
  expect(await spent(governor)).toEqual({ core: 24, slices: 8 });
  expect(await room(governor, 'core')).toBe(40 - 8 - 24);
  // The board is still refused, and nothing was called for it.
  expect(await admit({ board: text })).toMatchObject({ ok: false, scope: 'partition' });
  expect(await calls()).toEqual([]);
}, TIMEOUT_MS);

it('with the whole day spent, the hub and a board are refused for the day, naming the partition that would pay', async () => {
  const { governor, admit } = setup(DATA_DAY);
  for (let i = 0; i < 40; i += 1) await governor.acquire('core');
  expect(await admit('hub')).toEqual({ ok: false, partition: 'core', scope: 'day', retryAfterSeconds: UNTIL_NEXT_DAY });
  expect(await admit({ board: text })).toEqual({ ok: false, partition: 'slices', scope: 'day', retryAfterSeconds: UNTIL_NEXT_DAY });
});

it('a view held the day before passes on the next data day without reserving, even with its partition spent; one not held is refused', async () => {
  // Saturday, then Sunday 2026-11-22: the exact slices' open block and the sampled slices' newest week move on.
  const saturday = '2026-11-21';
  const sunday = addDays(saturday, 1);
  const { client, governor, cache, admit, toDataDay } = setup(saturday);
  const calls = meter();
  await calls();
  expect(await admit({ board: text })).toEqual({ ok: true });
  expect(await admit('hub')).toEqual({ ok: true });
  await loadSliceData(client, text, 'all');
  await loadHub(client);
  // The hub's 24 blocks include text's newest: 4 + 23.
  expect(await calls()).toHaveLength(27);

  toDataDay(sunday);
  expect(client.dataDay()).toBe(sunday);
  expect(await spent(governor)).toEqual({ core: 0, slices: 0 });
  for (let i = 0; i < 8; i += 1) await governor.acquire('slices');
  // Not held today (their newest blocks' keys moved on), held yesterday: admitted, nothing reserved.
  expect(await held(cache, keysOf({ board: text }, sunday))).toBe(3);
  expect(await held(cache, keysOf('hub', sunday))).toBe(0);
  const coreRoom = await room(governor, 'core');
  expect(await admit({ board: text })).toEqual({ ok: true });
  expect(await admit('hub')).toEqual({ ok: true });
  expect(await room(governor, 'core')).toBe(coreRoom);
  // A board nobody loaded yesterday is cold: its older blocks need the spent partition.
  expect(await admit({ board: oneK })).toMatchObject({ ok: false, partition: 'slices', scope: 'partition' });

  // Its regenerated page costs what the plan says a new day costs, core alone: text's open block, and the hub's new weeks.
  await loadSliceData(client, text, 'all');
  await loadHub(client);
  const regenerated = await calls();
  expect(regenerated.filter((c) => c.status !== 200)).toEqual([]);
  expect(regenerated).toHaveLength(24);
  expect(await spent(governor)).toEqual({ core: 24, slices: 8 });

  // Two days on, with nothing loaded in between, the board is cold again: it reserves its open block
  // (core); its older blocks are held for good, so slices reserves nothing.
  toDataDay(addDays(sunday, 2));
  expect(await admit({ board: text })).toEqual({ ok: true });
  expect([await room(governor, 'core'), await room(governor, 'slices')]).toEqual([40 - 1, 8]);
}, TIMEOUT_MS);
