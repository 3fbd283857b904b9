import { decide, defaultPolicy, emptyState, rollForward, type QuotaState } from '@/lib/datasets/quota';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const policy = defaultPolicy(30, 500);

function state(counts: Partial<QuotaState['dayCounts']>, recent = 0): QuotaState {
  return {
    ...emptyState('2026-11-25'),
    dayCounts: { core: 0, apps: 0, staff: 0, ...counts },
    recent: Array.from({ length: recent }, (_, i) => ({ at: NOW - 50_000 + i, partition: 'core' as const })),
  };
}

describe('defaultPolicy', () => {
  it('reserves part of the day and minute for core and caps the other partitions', () => {
    expect(policy).toEqual({ perMinute: 30, perDay: 500, coreReserve: { minute: 10, day: 200 }, dayCaps: { apps: 250, staff: 50 } });
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
    const tight = { ...policy, perDay: 100, coreReserve: { minute: 10, day: 60 }, dayCaps: { apps: 50, staff: 10 } };
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
    expect(tomorrow.dayCounts).toEqual({ core: 0, apps: 0, staff: 0 });
    expect(tomorrow.blockedUntil).toBe(NOW + 1000);
    expect(tomorrow.lastSuccessAt).toBe('x');
  });
});
