import { BUDGET_PLAN } from '@/lib/boards/budget';
import { appsViewRequests } from '@/lib/boards/apps/view-requests';
import { DEFAULT_APPS_QUERY } from '@/lib/boards/apps/types';
import { planHistoryChunks } from '@/lib/boards/models/fetch-plan';
import { policyFor } from '@/lib/datasets/quota';
import {
  callsPerSlice,
  coldStartRequests,
  countCalls,
  planNumbers,
  partitionOf,
  requestIdentity,
  steadyStateRequests,
} from '@/lib/boards/slices/plan';
import { SLICES } from '@/lib/boards/slices/slices';
import { sliceRequests, sliceWindow, windowRequests, windowsOf, type SliceRequest } from '@/lib/boards/slices/windows';
import { addDays, daysInclusive } from '@/lib/utc-day';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
const everyDay = (from: string, to: string) => Array.from({ length: daysInclusive(from, to) }, (_, i) => addDays(from, i));
const EXACT = SLICES.filter((s) => !s.sampled).length;
const SAMPLED = SLICES.filter((s) => s.sampled).length;

/**
 * The data layer's cache as lib/datasets/client.ts keeps it: a request held as final is fresh for good,
 * one held for a data day only during it. Returns the calls a data day's visits cost.
 */
function simulatedCache() {
  const held = new Map<string, string>(); // identity → data day fetched
  return (dataDay: string, requests: readonly SliceRequest[]): SliceRequest[] => {
    const calls = requests.filter((r) => {
      const fetchedOn = held.get(requestIdentity(r));
      return fetchedOn === undefined || (r.freshness === 'data-day' && fetchedOn !== dataDay);
    });
    const distinct = new Map(calls.map((r) => [requestIdentity(r), r]));
    for (const id of distinct.keys()) held.set(id, dataDay);
    return [...distinct.values()];
  };
}

describe('cold start', () => {
  it('fetches every slice`s history since 2025-01-01 once, in blocks of whole weeks', () => {
    /*
     * Data day 2026-11-24. Exact slices: 26-week blocks from Monday 2024-12-30 — 2025-01-01..06-29,
     * 06-30..12-28, 2025-12-29..2026-06-28, and the open one from 2026-06-29: 4 each, 10 slices.
     * Sampled slices: 52-week blocks of completed weeks — 2025-01-06..12-28 and 2025-12-29..2026-11-22:
     * 2 each, 14 slices. 40 + 28 = 68.
     */
    expect(countCalls(coldStartRequests('2026-11-24'))).toEqual({ total: 68, byFamily: { 'use-case': 24, language: 4, context: 20, modality: 20 } });
  });

  it('costs one call per block touched, on any data day (computed from the calendar)', () => {
    const blocksTouched = (first: string, last: string, blockDays: number) =>
      last < first ? 0 : Math.floor((daysInclusive('2024-12-30', last) - 1) / blockDays) - Math.floor((daysInclusive('2024-12-30', first) - 1) / blockDays) + 1;
    for (const dataDay of everyDay('2025-01-01', '2028-12-31').filter((_, i) => i % 5 === 0)) {
      const lastSunday = addDays(dataDay, -((weekday(dataDay) + 7) % 7));
      const expected = EXACT * blocksTouched('2025-01-01', dataDay, 182) + SAMPLED * blocksTouched('2025-01-06', lastSunday, 364);
      expect([dataDay, coldStartRequests(dataDay).length]).toEqual([dataDay, expected]);
    }
  });

  it('asks for nothing twice and nothing the pages could not use', () => {
    const requests = coldStartRequests('2026-11-24');
    expect(new Set(requests.map((r) => `${r.slice} ${requestIdentity(r)}`)).size).toBe(requests.length);
    // Every window of every board, and the trend (the whole history), reads only these.
    const read = new Set(SLICES.flatMap((s) => [...windowsOf(s, '2026-11-24').flatMap((w) => windowRequests(s, w, '2026-11-24')), ...sliceRequests(s, '2026-11-24')]).map(requestIdentity));
    expect(read).toEqual(new Set(requests.map(requestIdentity)));
  });
});

describe('steady state', () => {
  it('costs each exact slice one call every data day and each sampled slice one call when a week completes', () => {
    const problems: string[] = [];
    // Two years: four edges of the exact blocks, two of the sampled ones, a year edge and a leap day's year.
    for (const dataDay of everyDay('2025-01-02', '2027-01-10')) {
      const perSlice = callsPerSlice(steadyStateRequests(dataDay));
      const weekCompleted = weekday(dataDay) === 0 && dataDay >= '2025-01-12';
      for (const s of SLICES) {
        const expected = s.sampled ? (weekCompleted ? 1 : 0) : 1;
        if ((perSlice.get(s.id) ?? 0) !== expected) problems.push(`${dataDay} ${s.id}: ${perSlice.get(s.id) ?? 0} calls`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('meets the target of at most one call per slice per data day: 10 a day, 24 on a Sunday, 84 a week', () => {
    expect(planNumbers('2026-11-24')).toEqual({
      dataDay: '2026-11-24',
      coldStart: { total: 68, byFamily: { 'use-case': 24, language: 4, context: 20, modality: 20 } },
      steadyDay: { total: 10, byFamily: { 'use-case': 0, language: 0, context: 5, modality: 5 } },
      steadyWeek: { total: 7 * EXACT + SAMPLED, byFamily: { 'use-case': 12, language: 2, context: 35, modality: 35 } },
      maxPerSlicePerDay: 1,
    });
    expect(planNumbers('2026-11-22').steadyDay.total).toBe(EXACT + SAMPLED);
  });

  it.each([
    ['an exact block edge', '2026-06-24', '2026-07-08'],
    ['the year edge, with a block edge of each kind', '2026-12-20', '2027-01-06'],
  ])('is what a cache keeping the client`s rules pays across %s: the cold start once, then the plan a day, nothing for a second sweep', (_, from, to) => {
    const visit = simulatedCache();
    const days = everyDay(from, to);
    expect(visit(days[0]!, coldStartRequests(days[0]!))).toHaveLength(coldStartRequests(days[0]!).length);
    for (const dataDay of days.slice(1)) {
      // Every board page, every window, the trend and the hub, all in one data day.
      const everything = SLICES.flatMap((s) => [...sliceRequests(s, dataDay), ...windowsOf(s, dataDay).flatMap((w) => windowRequests(s, w, dataDay))]);
      const calls = visit(dataDay, everything);
      expect([dataDay, calls.map(requestIdentity).sort()]).toEqual([dataDay, steadyStateRequests(dataDay).map(requestIdentity).sort()]);
      expect(visit(dataDay, everything)).toEqual([]);
    }
  });

  it('reaches the steady state a day after a cold start, however cold', () => {
    const visit = simulatedCache();
    visit('2027-03-03', coldStartRequests('2027-03-03'));
    expect(visit('2027-03-04', coldStartRequests('2027-03-04'))).toHaveLength(steadyStateRequests('2027-03-04').length);
  });
});

describe('who pays (lib/boards/budget.ts)', () => {
  const policy = policyFor(BUDGET_PLAN, 30, 500);

  it('charges core each slice`s newest request and what its last week needs, which is all the steady state', () => {
    const ids = (requests: readonly SliceRequest[]) => [...new Set(requests.map(requestIdentity))].sort();
    for (const dataDay of everyDay('2026-06-01', '2027-01-10')) {
      const core = coldStartRequests(dataDay).filter((r) => partitionOf(r, dataDay) === 'core');
      const newest = SLICES.map((slice) => sliceRequests(slice, dataDay).at(-1)!);
      const hub = SLICES.flatMap((slice) => windowRequests(slice, sliceWindow(slice, 'week', dataDay)!, dataDay));
      expect(steadyStateRequests(dataDay).every((r) => partitionOf(r, dataDay) === 'core')).toBe(true);
      expect([dataDay, ids(core)]).toEqual([dataDay, ids([...newest, ...hub])]);
    }
    // Only in a block's first two weeks does the hub need an older block: 2026-12-28 opened one.
    const coreCount = (dataDay: string) => coldStartRequests(dataDay).filter((r) => partitionOf(r, dataDay) === 'core').length;
    expect(['2026-11-24', '2026-12-29', '2027-01-05', '2027-01-10'].map(coreCount)).toEqual([24, 24 + EXACT, 24 + EXACT + SAMPLED, 24]);
  });

  it('keeps core`s reserve: the model history, the default apps view and every slice`s newest request fit it many times over', () => {
    const historySteady = planHistoryChunks('2026-11-24').filter((c) => !c.final).length;
    const appsDefault = appsViewRequests(DEFAULT_APPS_QUERY, '2026-11-24').calls.length * 2; // first page and the next
    const slicesCore = Math.max(...everyDay('2026-11-16', '2026-11-22').map((d) => steadyStateRequests(d).length));
    expect([historySteady, appsDefault, slicesCore]).toEqual([2, 4, 24]);
    expect(historySteady + appsDefault + slicesCore).toBeLessThanOrEqual(policy.reserve.day / 5);
  });

  it('fits the older blocks of a cold start in one day of the slices partition through 2027', () => {
    const cap = policy.dayCaps.slices!;
    const older = (dataDay: string) => coldStartRequests(dataDay).filter((r) => partitionOf(r, dataDay) === 'slices').length;
    expect(cap).toBe(100);
    expect(older('2026-11-24')).toBe(44);
    expect(Math.max(...everyDay('2025-01-01', '2027-12-31').filter((d, i) => i % 5 === 0 || d === '2027-12-31').map(older))).toBeLessThanOrEqual(cap);
  });
});
