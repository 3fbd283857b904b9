import { addDays } from '../../utc-day';
import type { BudgetPartition } from '../budget';
import { SLICE_FAMILIES, SLICES, sliceById, type Slice, type SliceFamily, type SliceId } from './slices';
import { lastCompletedWeekEnd, sliceRequests, sliceWindow, windowRequests, type SliceRequest } from './windows';

/**
 * The upstream budget of the slice boards, as pure functions of the data day: every request a cold
 * start of all 24 slices makes, the requests each new data day adds once the previous one is held, and
 * their counts (for the README and the tests). The upstream allows 500 calls a day and 30 a minute for
 * everything; the target is at most one call per slice per data day in steady state.
 */

type Slices = readonly Pick<Slice, 'id' | 'family' | 'filter' | 'sampled'>[];

/** A request's identity: equal requests share a cache entry. Key order does not matter. */
export function requestIdentity(request: SliceRequest): string {
  return JSON.stringify(Object.entries(request.query).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Everything a cold start on `dataDay` fetches: every slice's history since the data starts. */
export function coldStartRequests(dataDay: string, slices: Slices = SLICES): SliceRequest[] {
  return slices.flatMap((slice) => sliceRequests(slice, dataDay));
}

/**
 * The requests `dataDay` costs when the day before was fully held: a request held as final is fresh for
 * good, whatever freshness it was fetched with (lib/datasets/client.ts); one held for a data day only
 * during that day. Sampled slices cost something only when a week completes (a Sunday data day).
 */
export function steadyStateRequests(dataDay: string, slices: Slices = SLICES): SliceRequest[] {
  const held = new Set(coldStartRequests(addDays(dataDay, -1), slices).map(requestIdentity));
  return coldStartRequests(dataDay, slices).filter((request) => request.freshness === 'data-day' || !held.has(requestIdentity(request)));
}

export interface CallCount {
  total: number;
  byFamily: Record<SliceFamily, number>;
}

export function countCalls(requests: readonly SliceRequest[]): CallCount {
  const byFamily = Object.fromEntries(SLICE_FAMILIES.map((family) => [family, 0])) as Record<SliceFamily, number>;
  for (const request of requests) {
    const slice = sliceById(request.slice);
    if (!slice) throw new RangeError(`not a slice: ${request.slice}`);
    byFamily[slice.family] += 1;
  }
  return { total: requests.length, byFamily };
}

/** Calls per slice: the target is at most 1 in steady state. */
export function callsPerSlice(requests: readonly SliceRequest[]): Map<SliceId, number> {
  const counts = new Map<SliceId, number>();
  for (const request of requests) counts.set(request.slice, (counts.get(request.slice) ?? 0) + 1);
  return counts;
}

export interface SlicePlanNumbers {
  dataDay: string;
  coldStart: CallCount;
  /** What `dataDay` itself costs in steady state. */
  steadyDay: CallCount;
  /** The 7 data days ending on `dataDay`: every sampled slice's weekly call falls in it once. */
  steadyWeek: CallCount;
  /** The most any slice costs on any of those 7 days. */
  maxPerSlicePerDay: number;
}

export function planNumbers(dataDay: string, slices: Slices = SLICES): SlicePlanNumbers {
  const week = Array.from({ length: 7 }, (_, i) => steadyStateRequests(addDays(dataDay, i - 6), slices));
  return {
    dataDay,
    coldStart: countCalls(coldStartRequests(dataDay, slices)),
    steadyDay: countCalls(week[6]!),
    steadyWeek: countCalls(week.flat()),
    maxPerSlicePerDay: Math.max(0, ...week.flatMap((day) => [...callsPerSlice(day).values()])),
  };
}

/**
 * Who pays (lib/boards/budget.ts). Each slice's newest request (the one a new data day or week replaces,
 * which every board's default window reads) and whatever else its last completed week and the week it is
 * compared with need (the hub and the model pages' "Where it ranks": in a block's first two weeks, the
 * block before) are `core`: at most 24 a day in steady state, 10 on six days of seven, well inside core's
 * reserve, so every board and the hub stay warm, from a cold cache too, even on a day the app variants
 * have used the shared part of the budget. The other older blocks, final once fetched (history, the trend,
 * a comparison early in a block), are the `slices` partition, capped at a fifth of the day: a cold start
 * needs 44 of them.
 */
export function partitionOf(request: SliceRequest, dataDay: string): Extract<BudgetPartition, 'core' | 'slices'> {
  const slice = sliceById(request.slice);
  const newest = slice?.sampled ? lastCompletedWeekEnd(dataDay) : dataDay;
  if (request.query.endDate >= newest) return 'core';
  const week = slice && sliceWindow(slice, 'week', dataDay);
  const hubReads = week ? windowRequests(slice, week, dataDay).map(requestIdentity) : [];
  return hubReads.includes(requestIdentity(request)) ? 'core' : 'slices';
}
