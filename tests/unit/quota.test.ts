import { BUDGET_PLAN } from '@/lib/boards/budget';
import { decide, emptyState, parseQuotaState, policyFor, QuotaGovernor, rollForward, type QuotaState, type QuotaStore } from '@/lib/datasets/quota';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const policy = policyFor(BUDGET_PLAN, 30, 500);

function state(counts: Partial<QuotaState['dayCounts']>, recent = 0): QuotaState {
  return {
    ...emptyState('2026-11-25'),
    dayCounts: { core: 0, apps: 0, staff: 0, ...counts },
    recent: Array.from({ length: recent }, (_, i) => ({ at: NOW - 50_000 + i, partition: 'core' as const })),
  };
}

describe('policyFor', () => {
  it('turns the budget plan into counts: core reserves part of the day and minute, the others are capped', () => {
    expect(policy).toEqual({ perMinute: 30, perDay: 500, reserved: 'core', reserve: { minute: 10, day: 200 }, dayCaps: { apps: 250, slices: 100, staff: 50 } });
  });

  it('takes any partition names, and refuses a plan that does not reserve exactly one', () => {
    const plan = { site: { reserve: { minute: 0.5, day: 0.5 } }, crawler: { dayCap: 0.2 } };
    expect(policyFor(plan, 10, 100)).toEqual({ perMinute: 10, perDay: 100, reserved: 'site', reserve: { minute: 5, day: 50 }, dayCaps: { crawler: 20 } });
    expect(() => policyFor({ a: { dayCap: 0.5 } }, 30, 500)).toThrow(/exactly one partition \(this one reserves 0\)/);
    expect(() => policyFor({ a: { reserve: { minute: 0.1, day: 0.1 } }, b: { reserve: { minute: 0.1, day: 0.1 } } }, 30, 500)).toThrow(/reserves 2/);
  });
});

describe('counters keyed by partition name', () => {
  it('a partition the stored state has never seen starts at 0; one the plan dropped still counts in the day', () => {
    const stored = parseQuotaState({ ...emptyState('2026-11-25'), dayCounts: { core: 100, retired: 150 }, hourly: { retired: Array.from({ length: 24 }, () => 0) } });
    // apps: no counter yet, under its cap of 250, but core's 100 of 200 reserved leave 500 - 250 - 100 = 150.
    expect(decide(stored, 'apps', NOW, policy).ok).toBe(true);
    expect(decide({ ...stored, dayCounts: { ...stored.dayCounts, retired: 300 } }, 'apps', NOW, policy)).toMatchObject({ ok: false, scope: 'day' });
  });

  it('the snapshot lists every partition of the plan, in its order, those not spent yet at 0', async () => {
    const { governor } = governorAt(emptyState('2026-11-25'));
    await governor.acquire('staff');
    const snapshot = await governor.snapshot();
    expect(Object.keys(snapshot.partitions)).toEqual(['core', 'apps', 'slices', 'staff']);
    expect(snapshot.partitions.staff).toMatchObject({ used: 1, minute: 1, cap: 50, left: 49 });
    expect(snapshot.partitions.apps).toMatchObject({ used: 0, minute: 0, cap: 250 });
    expect(snapshot.hourly.apps).toEqual(Array.from({ length: 24 }, () => 0));
    expect(snapshot.hourly.staff![12]).toBe(1);
  });

  it('refuses a name outside the plan loudly rather than charging no one', () => {
    expect(() => decide(state({}), 'crawler', NOW, policy)).toThrow(/no budget partition named crawler/);
  });

  it('rejects stored counters that are not counts', () => {
    expect(() => parseQuotaState({ ...emptyState('2026-11-25'), dayCounts: { core: -1 } })).toThrow(/not valid/);
    expect(() => parseQuotaState({ ...emptyState('2026-11-25'), hourly: { core: [1, 2] } })).toThrow(/not valid/);
  });
});

describe('decide', () => {
  it('admits while under every limit', () => {
    expect(decide(state({}), 'core', NOW, policy)).toEqual({ ok: true });
    expect(decide(state({}), 'apps', NOW, policy)).toEqual({ ok: true });
  });

  it('never lets the 31st attempt of a sliding minute through', () => {
    expect(decide(state({ core: 29 }, 29), 'core', NOW, policy).ok).toBe(true);
    const refused = decide(state({ core: 30 }, 30), 'core', NOW, policy);
    expect(refused).toMatchObject({ ok: false, scope: 'minute' });
    // The oldest attempt was 50 s ago, so a slot frees in 10 s.
    expect(refused.ok === false && refused.retryAfterSeconds).toBe(10);
  });

  it('keeps a third of each minute for core', () => {
    expect(decide(state({ apps: 20 }, 20), 'apps', NOW, policy)).toMatchObject({ ok: false, scope: 'minute' });
    expect(decide(state({ apps: 20 }, 20), 'core', NOW, policy)).toEqual({ ok: true });
  });

  it('stops at 500 a day in total', () => {
    expect(decide(state({ core: 499 }), 'core', NOW, policy).ok).toBe(true);
    const refused = decide(state({ core: 450, apps: 50 }), 'core', NOW, policy);
    expect(refused).toMatchObject({ ok: false, scope: 'day', retryAfterSeconds: 12 * 3600 });
  });

  it('never lets apps or staff eat into the core reserve', () => {
    // apps 250 is its cap
    expect(decide(state({ apps: 250 }), 'apps', NOW, policy)).toMatchObject({ ok: false, scope: 'partition' });
    expect(decide(state({ staff: 50 }), 'staff', NOW, policy)).toMatchObject({ ok: false, scope: 'partition' });
    // 250 apps + 49 staff + 1 core used: 300 left of which core still needs 199, so staff can take 1 more (cap 50).
    expect(decide(state({ apps: 250, staff: 49, core: 1 }), 'staff', NOW, policy).ok).toBe(true);
    // When the caps add up to more than the unreserved part of the day, the reserve binds first.
    const tight = { ...policy, perDay: 100, reserve: { minute: 10, day: 60 }, dayCaps: { apps: 50, staff: 10 } };
    expect(decide(state({ apps: 39 }), 'apps', NOW, tight).ok).toBe(true);
    expect(decide(state({ apps: 40 }), 'apps', NOW, tight)).toMatchObject({ ok: false, scope: 'day' });
    expect(decide(state({ apps: 40 }), 'core', NOW, tight).ok).toBe(true);
    // Once core has used its reserve, the rest of the day is open to all again (within caps).
    expect(decide(state({ apps: 40, core: 60 }), 'staff', NOW, tight)).toMatchObject({ ok: false, scope: 'day' });
    expect(decide(state({ apps: 30, core: 60 }), 'staff', NOW, tight).ok).toBe(true);
  });

  it('refuses everything while an upstream Retry-After is pending', () => {
    const blocked = { ...state({}), blockedUntil: NOW + 4_500 };
    expect(decide(blocked, 'core', NOW, policy)).toEqual({ ok: false, scope: 'blocked', retryAfterSeconds: 5 });
  });
});

describe('rollForward', () => {
  it('drops attempts older than a minute and resets the counters on a new UTC day', () => {
    const at = (ms: number, partition: 'core' | 'staff' = 'core') => ({ at: ms, partition });
    const old: QuotaState = { ...state({ core: 400, apps: 20 }, 3), recent: [at(NOW - 61_000), at(NOW - 59_000, 'staff'), at(NOW - 1)] };
    expect(rollForward(old, NOW).recent).toEqual([at(NOW - 59_000, 'staff'), at(NOW - 1)]);
    const tomorrow = rollForward({ ...old, blockedUntil: NOW + 1000, lastSuccessAt: 'x' }, Date.parse('2026-11-26T00:00:00Z'));
    expect(tomorrow.day).toBe('2026-11-26');
    expect(tomorrow.dayCounts).toEqual({});
    expect(tomorrow.blockedUntil).toBe(NOW + 1000);
    expect(tomorrow.lastSuccessAt).toBe('x');
  });
});

describe('decide: reservations and priority', () => {
  const at = (n: number, partition: 'core' | 'apps' = 'apps') => Array.from({ length: n }, () => ({ at: NOW - 1_000, partition }));

  it('counts reserved attempts as taken slots of the minute and the day', () => {
    expect(decide(state({ apps: 18 }, 18), 'apps', NOW, policy, { pending: at(1) }).ok).toBe(true);
    expect(decide(state({ apps: 18 }, 18), 'apps', NOW, policy, { pending: at(2) })).toMatchObject({ ok: false, scope: 'minute' });
    expect(decide(state({ apps: 249 }), 'apps', NOW, policy, { pending: at(1) })).toMatchObject({ ok: false, scope: 'partition' });
  });

  it('lets background work use only the first third of a minute', () => {
    expect(decide(state({}, 9), 'core', NOW, policy, { background: true }).ok).toBe(true);
    const refused = decide(state({}, 10), 'core', NOW, policy, { background: true });
    expect(refused).toMatchObject({ ok: false, scope: 'minute', retryAfterSeconds: 10 });
    expect(decide(state({}, 10), 'core', NOW, policy).ok).toBe(true);
    expect(decide(state({}, 8), 'core', NOW, policy, { background: true, pending: at(2) }).ok).toBe(false);
  });

  it('holds a reserved attempt only to the upstream’s own limits', () => {
    expect(decide(state({ apps: 25 }, 25), 'apps', NOW, policy, { reserved: true }).ok).toBe(true);
    expect(decide(state({ apps: 250 }), 'apps', NOW, policy, { reserved: true }).ok).toBe(true);
    expect(decide(state({ core: 30 }, 30), 'apps', NOW, policy, { reserved: true })).toMatchObject({ ok: false, scope: 'minute' });
    expect(decide({ ...state({}), blockedUntil: NOW + 2_000 }, 'apps', NOW, policy, { reserved: true })).toMatchObject({ ok: false, scope: 'blocked' });
  });
});

/** The governor on an in-memory store, a clock that only moves when it sleeps, and the sleeps it asked for. */
function governorAt(initial: QuotaState, sleepForever = false) {
  let now = NOW;
  let current = initial;
  const sleeps: number[] = [];
  const store: QuotaStore = {
    transact: async (update) => {
      const { state: next, result } = update(current);
      current = next;
      return result;
    },
    read: async () => current,
  };
  const governor = new QuotaGovernor(store, policy, () => now, (ms) => {
    sleeps.push(ms);
    if (sleepForever) return new Promise<void>(() => undefined);
    now += ms;
    return Promise.resolve();
  });
  return { governor, sleeps, state: () => current, advance: (ms: number) => (now += ms) };
}

/** `n` attempts of `partition` made `ago` ms before NOW. */
function spent(n: number, ago: number, partition: 'core' | 'apps' = 'core'): QuotaState {
  return { ...state({ [partition]: n }), recent: Array.from({ length: n }, () => ({ at: NOW - ago, partition })) };
}

describe('QuotaGovernor.acquire waits', () => {
  it('a visitor waits for a minute slot that frees within its wait, and fails once its wait is over', async () => {
    const soon = governorAt(spent(20, 58_000, 'apps'));
    await soon.governor.acquire('apps', { waitMs: 5_000 });
    expect(soon.sleeps).toEqual([2_000]);
    expect(soon.state().dayCounts.apps).toBe(21);

    const late = governorAt(spent(20, 30_000, 'apps'));
    await expect(late.governor.acquire('apps', { waitMs: 5_000 })).rejects.toMatchObject({ code: 'budget_exhausted', retryAfterSeconds: 25 });
    expect(late.sleeps).toEqual([5_000]);
    await expect(late.governor.acquire('apps')).rejects.toMatchObject({ code: 'budget_exhausted' });
    expect(late.sleeps).toEqual([5_000]);
  });

  it('waits out a short upstream Retry-After, never the day', async () => {
    const blocked = governorAt({ ...state({}), blockedUntil: NOW + 3_000 });
    await blocked.governor.acquire('core', { waitMs: 5_000 });
    expect(blocked.sleeps).toEqual([3_000]);
    const day = governorAt(state({ apps: 250 }));
    await expect(day.governor.acquire('apps', { waitMs: 5_000, priority: () => 'background' })).rejects.toMatchObject({ code: 'budget_exhausted' });
    expect(day.sleeps).toEqual([]);
  });

  it('background work yields the minute to visitors and waits for its slot instead of failing', async () => {
    const g = governorAt(spent(10, 30_000));
    await g.governor.acquire('core');
    expect(g.sleeps).toEqual([]);
    await g.governor.acquire('core', { priority: () => 'background' });
    expect(g.sleeps).toEqual([30_000]);
  });

  it('a background attempt that a visitor joins is promoted while it waits', async () => {
    const g = governorAt(spent(10, 30_000), true);
    let priority: 'visitor' | 'background' = 'background';
    let admitted = false;
    const waiting = g.governor.acquire('core', { priority: () => priority }).then(() => (admitted = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.sleeps).toEqual([30_000]);
    expect(admitted).toBe(false);
    priority = 'visitor';
    g.governor.wake();
    await waiting;
    expect(g.state().dayCounts.core).toBe(11);
  });
});

describe('QuotaGovernor reservations', () => {
  it('reserves all of a view’s calls or none, and counts them against later requests', async () => {
    const g = governorAt(spent(16, 10_000));
    expect(await g.governor.reserve('apps', ['a', 'b', 'c'])).toEqual({ ok: true });
    // 16 + 3 reserved: one apps slot left, so a view needing two is refused and reserves nothing.
    expect(await g.governor.reserve('apps', ['d', 'e'])).toMatchObject({ ok: false, scope: 'minute' });
    expect(await g.governor.reserve('apps', ['d'])).toEqual({ ok: true });
    await expect(g.governor.acquire('apps')).rejects.toMatchObject({ code: 'budget_exhausted' });
    // Keys already reserved are not reserved twice (a second visitor of the same view).
    expect(await g.governor.reserve('apps', ['a', 'd'])).toEqual({ ok: true });
  });

  it('an attempt consumes its request’s reservation even once core has filled the apps share', async () => {
    const g = governorAt(spent(18, 10_000));
    expect(await g.governor.reserve('apps', ['a', 'b'])).toEqual({ ok: true });
    await g.governor.acquire('core');
    await g.governor.acquire('core');
    await g.governor.acquire('apps', { key: 'a' });
    await g.governor.acquire('apps', { key: 'b' });
    expect(g.state().recent).toHaveLength(22);
    // Consumed: the same key is not admitted a second time on the strength of its reservation.
    await expect(g.governor.acquire('apps', { key: 'a' })).rejects.toMatchObject({ code: 'budget_exhausted' });
  });

  it('a reservation lapses after 30 s unused, and a released one frees its slot at once', async () => {
    const g = governorAt(spent(18, 10_000));
    expect(await g.governor.reserve('apps', ['a', 'b'])).toEqual({ ok: true });
    expect(await g.governor.reserve('apps', ['c'])).toMatchObject({ ok: false });
    g.governor.release('a');
    expect(await g.governor.reserve('apps', ['c'])).toEqual({ ok: true });
    g.advance(30_000);
    expect(await g.governor.reserve('apps', ['d', 'e'])).toEqual({ ok: true });
  });

  it('a visitor waiting to reserve gets the slot another view releases', async () => {
    const g = governorAt(spent(18, 10_000), true);
    expect(await g.governor.reserve('apps', ['a', 'b'])).toEqual({ ok: true });
    const waiting = g.governor.reserve('apps', ['c'], 5_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.sleeps).toEqual([5_000]);
    g.governor.release('b');
    expect(await waiting).toEqual({ ok: true });
  });
});
