import { ENDPOINTS } from '@/lib/datasets/endpoints';
import { requestKey } from '@/lib/datasets/keys';
import { partitionOf } from '@/lib/boards/slices/plan';
import { SLICES, sliceOf, type Slice } from '@/lib/boards/slices/slices';
import { sliceViewRequests, type SliceViewScope } from '@/lib/boards/slices/view-requests';
import { sliceRequests, sliceWindow, windowRequests, type SliceRequest } from '@/lib/boards/slices/windows';
import type { ViewRequests } from '@/lib/view-admission';
import { addDays } from '@/lib/utc-day';

/*
 * What middleware.ts asks the data layer to admit for a slice view must be exactly what the view's loader
 * (lib/boards/slices/history.ts) then fetches, under the keys the client caches it by, or admission
 * reserves slots nobody consumes and lets through calls nobody reserved.
 */

/** The key lib/datasets/client.ts caches a request under on `dataDay`: resolved by the operation's spec, as the loader's `client.get` does. */
function clientKey(request: SliceRequest, dataDay: string): string {
  const spec = ENDPOINTS['rankings-daily'];
  const now = new Date(`${addDays(dataDay, 1)}T12:00:00Z`);
  return requestKey('rankings-daily', spec.upstreamQuery(spec.resolve(request.query, dataDay, now)));
}

/** What loadSliceData fetches: a board its whole history (`all`), the hub every slice's last completed week. */
function loaderRequests(scope: SliceViewScope, dataDay: string): SliceRequest[] {
  if (scope !== 'hub') return sliceRequests(scope.board, dataDay);
  return SLICES.flatMap((slice) => {
    const week = sliceWindow(slice, 'week', dataDay);
    return week ? windowRequests(slice, week, dataDay) : [];
  });
}

const keysOf = (views: readonly ViewRequests[]) => views.flatMap((view) => view.calls.map((call) => call.first));
const sizes = (views: readonly ViewRequests[]) => Object.fromEntries(views.map((view) => [view.partition, view.calls.length]));
const slice = (family: string, slug: string): Slice => sliceOf(family, slug)!;

const DAYS = [
  ['an ordinary Tuesday', '2026-11-24'],
  ['a Sunday (the sampled slices` new week)', '2026-11-22'],
  ['the last day of an exact and a sampled block', '2025-12-28'],
  ['the first day of an exact block (2024-12-30 + 2 × 182) and of a sampled one (+ 364)', '2025-12-29'],
  ['the first Sunday of that sampled block: its first request', '2026-01-04'],
  ['the Monday after it', '2026-01-05'],
  ['the Sunday the block before leaves the week the last one is compared with', '2026-01-11'],
  ['the first day of an exact block (+ 3 × 182)', '2026-06-29'],
  ['the second week of that exact block', '2026-07-07'],
  ['the first data day with a completed week', '2025-01-12'],
] as const;

const SCOPES: readonly [string, SliceViewScope][] = [['the hub', 'hub'], ...SLICES.map((s): [string, SliceViewScope] => [s.id, { board: s }])];

describe.each(DAYS)('on %s (%s)', (_label, dataDay) => {
  it('every board and the hub: exactly the loader`s keys, each once, split by who pays, held by the day before`s', () => {
    const dayBefore = addDays(dataDay, -1);
    for (const [id, scope] of SCOPES) {
      const views = sliceViewRequests(scope, dataDay);
      const requests = loaderRequests(scope, dataDay);

      expect([id, keysOf(views).sort()]).toEqual([id, requests.map((r) => clientKey(r, dataDay)).sort()]);
      expect([id, new Set(keysOf(views)).size]).toEqual([id, requests.length]);
      // One admission per paying partition, none empty, each holding what partitionOf charges it.
      expect([id, new Set(views.map((v) => v.partition)).size]).toEqual([id, views.length]);
      const before = loaderRequests(scope, dayBefore).map((r) => clientKey(r, dayBefore)).sort();
      for (const view of views) {
        const charged = requests.filter((r) => partitionOf(r, dataDay) === view.partition).map((r) => clientKey(r, dataDay));
        expect([id, view.partition, view.calls.map((c) => c.first).sort()]).toEqual([id, view.partition, charged.sort()]);
        expect([id, view.calls.length > 0]).toEqual([id, true]);
        // Not paged: no page after the first to reserve, nothing expected full.
        expect([id, view.full, view.calls.filter((call) => 'next' in call)]).toEqual([id, false, []]);
        // Held: the same view's keys one data day earlier, as that day's loader fetched them.
        expect([id, [...view.before].sort()]).toEqual([id, before]);
      }
    }
  });

  it('the hub is paid by core alone (plan.ts: whatever the week window reads is core)', () => {
    expect(sliceViewRequests('hub', dataDay).map((v) => v.partition)).toEqual(['core']);
  });
});

describe('the calls, counted', () => {
  const programming = slice('use-case', 'programming');
  const text = slice('modality', 'text');

  it('on 2026-11-24 a board is its older blocks (slices) and its newest (core); the hub one block a slice', () => {
    expect(sizes(sliceViewRequests({ board: text }, '2026-11-24'))).toEqual({ slices: 3, core: 1 });
    expect(sizes(sliceViewRequests({ board: programming }, '2026-11-24'))).toEqual({ slices: 1, core: 1 });
    expect(sizes(sliceViewRequests('hub', '2026-11-24'))).toEqual({ core: 24 });
  });

  it('in a new block`s first days core also pays for the block before, which the last week needs', () => {
    // Monday 2025-12-29: the exact slices' new block holds one day; their last week lies in the block before.
    expect(sizes(sliceViewRequests({ board: text }, '2025-12-29'))).toEqual({ slices: 1, core: 2 });
    // The sampled slices' new block has no completed week yet: their one request is the block that just ended.
    expect(sizes(sliceViewRequests({ board: programming }, '2025-12-29'))).toEqual({ core: 1 });
    expect(sizes(sliceViewRequests('hub', '2025-12-29'))).toEqual({ core: 24 });
    // Sunday 2026-01-04: every slice's last week is in its new block, the week it is compared with in the old one.
    expect(sizes(sliceViewRequests({ board: programming }, '2026-01-04'))).toEqual({ core: 2 });
    expect(sizes(sliceViewRequests('hub', '2026-01-04'))).toEqual({ core: 48 });
  });

  it('before the first completed week the hub asks for nothing, and a board held on no day before its first', () => {
    expect(sliceViewRequests('hub', '2025-01-11')).toEqual([]);
    expect(sliceViewRequests({ board: text }, '2025-01-01')).toEqual([{ partition: 'core', calls: [{ first: expect.any(String) }], full: false, before: [] }]);
  });
});
