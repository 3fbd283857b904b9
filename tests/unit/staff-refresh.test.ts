import type { CacheEntrySummary } from '@/lib/datasets/cache';
import { appendAttempt, ATTEMPTS_KEPT, type AttemptRecord } from '@/lib/datasets/attempt-log';
import { refreshPlan, refusalReason, STAFF_BUDGET_FLOOR } from '@/lib/staff/refresh';

const DAY = '2026-11-24';

function held(key: string, dataDay: string, final = false): CacheEntrySummary {
  return { key, endpoint: 'rankings-daily', query: {}, dataDay, fetchedAt: `${dataDay}T02:00:00Z`, final, asOf: null, rows: 1 };
}

const datasets = [held('month', DAY), held('year-2025', DAY, true), held('apps-week', DAY), held('apps-old', '2026-11-20')];

describe('refreshPlan', () => {
  it('refreshes one dataset by key', () => {
    expect(refreshPlan({ kind: 'dataset', key: 'year-2025' }, datasets, DAY).map((d) => d.key)).toEqual(['year-2025']);
    expect(refreshPlan({ kind: 'dataset', key: 'unknown' }, datasets, DAY)).toEqual([]);
  });

  it('refreshes a data day: what can still change and was fetched for that day, never final windows', () => {
    expect(refreshPlan({ kind: 'day' }, datasets, DAY).map((d) => d.key)).toEqual(['month', 'apps-week']);
  });
});

describe('refusalReason', () => {
  const status = (left: number, circuit = 'closed', blockedUntil: string | null = null) => ({ circuit, budget: { blockedUntil, partitions: { staff: { left } } } });

  it('lets a refresh through while the staff budget keeps its floor', () => {
    expect(refusalReason(6, status(6 + STAFF_BUDGET_FLOOR))).toBeNull();
  });

  it('refuses, saying why, when the budget is thin, the circuit is open, the upstream asked us to wait, or nothing matches', () => {
    expect(refusalReason(6, status(10))).toBe(`The staff budget is too thin: 10 calls left today, this refresh needs 6 and ${STAFF_BUDGET_FLOOR} are kept for the explorer.`);
    expect(refusalReason(1, status(50, 'open'))).toMatch(/circuit open/);
    expect(refusalReason(1, status(50, 'closed', '2026-11-25T10:00:00.000Z'))).toBe('The upstream asked us to wait until 2026-11-25T10:00:00.000Z.');
    expect(refusalReason(0, status(50))).toMatch(/nothing to refresh/);
  });
});

describe('appendAttempt', () => {
  const attempt = (n: number, outcome = 'ok', key = 'k'): AttemptRecord => ({
    at: new Date(n * 1000).toISOString(),
    key,
    endpoint: 'app-rankings',
    params: {},
    partition: 'apps',
    status: outcome === 'ok' ? 200 : 500,
    latencyMs: 5,
    attempt: 1,
    outcome,
    message: outcome === 'ok' ? null : 'boom',
  });

  it('keeps the newest attempts, and the last error of each request until it succeeds', () => {
    let history = { attempts: [] as AttemptRecord[], lastErrors: {} };
    for (let i = 0; i < ATTEMPTS_KEPT + 10; i += 1) history = appendAttempt(history, attempt(i, i === 3 ? 'upstream_error' : 'ok', i === 3 ? 'a' : 'k'));
    expect(history.attempts).toHaveLength(ATTEMPTS_KEPT);
    expect(history.attempts[0]!.at).toBe(new Date(10_000).toISOString());
    expect(history.lastErrors).toEqual({ a: { at: new Date(3000).toISOString(), outcome: 'upstream_error', message: 'boom' } });
    expect(appendAttempt(history, attempt(999, 'ok', 'a')).lastErrors).toEqual({});
  });
});
