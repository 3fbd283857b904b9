import type { RankingsDailyQuery } from '../../datasets/endpoints/rankings-daily';
import { isComparablePrevious } from '../../rankings/leaderboard';
import { addDays, DATASET_START, daysInclusive, previousWindowRange, toEpochDay, windowRange, type DateRange } from '../../utc-day';
import { refuse, type Parsed } from '../../query';
import type { Slice, SliceId, UpstreamFilter } from './slices';

/**
 * The windows a slice board shows on a data day, and the upstream requests that hold them.
 *
 * Every slice shows the last completed ISO week (Monday to Sunday, ending on or before the data day)
 * and the last 4 completed weeks; exact slices also show the data day and the last 30 days. The
 * sampled slices (use cases, languages) exist only as weekly estimates, and the upstream's trailing
 * weekly bucket runs past `end_date`, so a sampled request starts on a Monday and ends on a completed
 * Sunday: it never holds a partial week.
 *
 * A slice's history since 2025-01-01 is read in fixed blocks of whole weeks, the same on every data
 * day, so a block's request on its last day is the request it is cached under for good: in steady state
 * an exact slice costs one call a data day (its open block, which ends on the data day) and a sampled
 * slice one call a week (its open block grows by a week each Sunday). Days of completed weeks are final.
 */

/** The Monday of the week holding `date` (ISO weeks start on Monday). */
export function isoWeekStart(date: string): string {
  const day = toEpochDay(date);
  // 1970-01-01, epoch day 0, was a Thursday: 3 days after a Monday.
  return addDays(date, -(((day % 7) + 10) % 7));
}

/** The Sunday that ends the last week completed on `dataDay` (the data day itself on a Sunday). */
export function lastCompletedWeekEnd(dataDay: string): string {
  return addDays(isoWeekStart(addDays(dataDay, 1)), -1);
}

/** The first whole week of data starts on the first Monday on or after the dataset start (2025-01-06). */
export const FIRST_WEEK_START = isoWeekStart(addDays(DATASET_START, 6));

/** Week 0 of the blocks: the week holding the dataset start (2024-12-30, partial, never shown on its own). */
export const WEEK_ZERO = isoWeekStart(DATASET_START);

export const SLICE_WINDOW_NAMES = ['day', 'week', '4-weeks', '30-days'] as const;
export type SliceWindowName = (typeof SLICE_WINDOW_NAMES)[number];
export const DEFAULT_SLICE_WINDOW: SliceWindowName = 'week';

export const SLICE_WINDOW_LABELS: Readonly<Record<SliceWindowName, { short: string; long: string }>> = {
  day: { short: 'Day', long: 'the last day' },
  week: { short: 'Week', long: 'the last completed week' },
  '4-weeks': { short: '4 weeks', long: 'the last 4 completed weeks' },
  '30-days': { short: '30 days', long: 'the last 30 days' },
};

export function isSliceWindowName(value: string): value is SliceWindowName {
  return (SLICE_WINDOW_NAMES as readonly string[]).includes(value);
}

/** The windows a slice offers: whole weeks for all, days only where the figures are daily counts. */
export function windowNamesOf(slice: Pick<Slice, 'sampled'>): SliceWindowName[] {
  return slice.sampled ? ['week', '4-weeks'] : [...SLICE_WINDOW_NAMES];
}

export interface SliceWindow {
  name: SliceWindowName;
  /** `week` windows are whole ISO weeks; `day` windows end on the data day. */
  unit: 'week' | 'day';
  range: DateRange;
  /** The equal period just before `range`. */
  previousRange: DateRange;
  /** `previousRange` lies wholly inside the data: change, rank movement and NEW are shown only then. */
  comparable: boolean;
}

/** `weeks` whole weeks ending on the Sunday `end`, cut to start no earlier than the first whole week of data. */
function weeksEndingOn(end: string, weeks: number): DateRange {
  const nominal = addDays(end, -7 * weeks + 1);
  const clamped = nominal < FIRST_WEEK_START;
  const start = clamped ? FIRST_WEEK_START : nominal;
  return { start, end, days: Math.max(0, daysInclusive(start, end)), clamped };
}

function weekWindow(name: SliceWindowName, weeks: number, dataDay: string): SliceWindow | null {
  const end = lastCompletedWeekEnd(dataDay);
  const range = weeksEndingOn(end, weeks);
  if (range.days <= 0) return null;
  const previousRange = weeksEndingOn(addDays(end, -7 * weeks), weeks);
  return { name, unit: 'week', range, previousRange, comparable: isComparablePrevious(previousRange) };
}

function dayWindow(name: SliceWindowName, window: 'day' | 'month', dataDay: string): SliceWindow {
  const previousRange = previousWindowRange(window, dataDay);
  return { name, unit: 'day', range: windowRange(window, dataDay), previousRange, comparable: isComparablePrevious(previousRange) };
}

/**
 * The window `name` of a slice on `dataDay`; null when the slice does not offer it (days on a sampled
 * slice) or no part of it lies inside the data yet (no completed week before 2025-01-12).
 */
export function sliceWindow(slice: Pick<Slice, 'sampled'>, name: SliceWindowName, dataDay: string): SliceWindow | null {
  if (dataDay < DATASET_START || !windowNamesOf(slice).includes(name)) return null;
  switch (name) {
    case 'week':
      return weekWindow(name, 1, dataDay);
    case '4-weeks':
      return weekWindow(name, 4, dataDay);
    case 'day':
      return dayWindow(name, 'day', dataDay);
    case '30-days':
      return dayWindow(name, 'month', dataDay);
  }
}

/** Every window the slice shows on `dataDay`, in SLICE_WINDOW_NAMES order. */
export function windowsOf(slice: Pick<Slice, 'sampled'>, dataDay: string): SliceWindow[] {
  return windowNamesOf(slice).flatMap((name) => sliceWindow(slice, name, dataDay) ?? []);
}

/** Whole weeks per request block: sampled slices (weekly rows) in up to 364 days, exact ones (daily rows) in 182. */
export const BLOCK_WEEKS = { sampled: 52, exact: 26 } as const;

/** A rankings-daily request of one slice, as the site writes it: daily figures leave `period` out (the default). */
export type SliceQuery = { startDate: string; endDate: string; period?: 'week' } & UpstreamFilter;

export interface SliceRequest {
  slice: SliceId;
  query: SliceQuery;
  /** `final`: cache for good (every day in it is in a completed week); `data-day`: refetch once per data day. */
  freshness: 'final' | 'data-day';
}

function blockRange(index: number, weeks: number): { start: string; end: string } {
  const start = addDays(WEEK_ZERO, index * weeks * 7);
  return { start, end: addDays(start, weeks * 7 - 1) };
}

function blockIndexOf(date: string, weeks: number): number {
  return Math.floor((toEpochDay(date) - toEpochDay(WEEK_ZERO)) / (weeks * 7));
}

/**
 * The requests that hold a slice's figures from the start of the data through `dataDay`, oldest first,
 * none overlapping, each ≤ 366 days. Exact slices: daily rows from 2025-01-01 to the data day; the
 * open block (the one holding the data day) is refetched each data day, until the day it ends on, when
 * it is complete and becomes final under the very same request. Sampled slices: weekly rows for every
 * completed week from the first whole week (2025-01-06) to the last Sunday; all final, since they hold
 * only completed weeks, and the open block's request changes only when a week completes.
 */
export function sliceRequests(slice: Pick<Slice, 'id' | 'filter' | 'sampled'>, dataDay: string): SliceRequest[] {
  const weeks = slice.sampled ? BLOCK_WEEKS.sampled : BLOCK_WEEKS.exact;
  const first = slice.sampled ? FIRST_WEEK_START : DATASET_START;
  const last = slice.sampled ? lastCompletedWeekEnd(dataDay) : dataDay;
  if (last < first) return [];
  const requests: SliceRequest[] = [];
  for (let index = blockIndexOf(first, weeks); index <= blockIndexOf(last, weeks); index += 1) {
    const block = blockRange(index, weeks);
    const startDate = block.start < first ? first : block.start;
    const endDate = block.end < last ? block.end : last;
    requests.push({
      slice: slice.id,
      query: { startDate, endDate, ...(slice.sampled ? { period: 'week' as const } : {}), ...slice.filter } satisfies RankingsDailyQuery,
      freshness: slice.sampled || endDate === block.end ? 'final' : 'data-day',
    });
  }
  return requests;
}

/**
 * The requests a window needs (with its previous period when it is compared): the slice's requests
 * that overlap it. A subset of sliceRequests, so a visit to any window costs nothing beyond the plan.
 */
export function windowRequests(slice: Pick<Slice, 'id' | 'filter' | 'sampled'>, window: SliceWindow, dataDay: string): SliceRequest[] {
  const from = window.comparable ? window.previousRange.start : window.range.start;
  const to = window.range.end;
  return sliceRequests(slice, dataDay).filter((r) => r.query.startDate <= to && r.query.endDate >= from);
}

/** A `window` parameter of a slice's board, API or download: one the slice offers, `week` when absent. */
export function readSliceWindow(slice: Pick<Slice, 'id' | 'sampled'>, value: string | undefined): Parsed<SliceWindowName> {
  const name = value ?? DEFAULT_SLICE_WINDOW;
  const offered = windowNamesOf(slice);
  if (isSliceWindowName(name) && offered.includes(name)) return { ok: true, query: name };
  const why = slice.sampled ? ' (its figures are weekly estimates, so it has no daily window)' : '';
  return refuse('window', `window must be one of ${offered.join(', ')} for ${slice.id}${why}`);
}
