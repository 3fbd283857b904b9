import type { ModelDay } from '../../datasets/endpoints';
import { buildHistory, rollUpHistory, type DayRecord, type ModelHistory } from '../../rankings/history';
import { rangeLeaderboard, shareBasisPoints, type LeaderboardRow } from '../../rankings/leaderboard';
import { stackOf, type StackedSeries } from '../../rankings/series';
import { addDays, DATASET_START, type DateRange } from '../../utc-day';
import { SLICES, sliceById, type Slice, type SliceId } from './slices';
import { FIRST_WEEK_START, isoWeekStart, lastCompletedWeekEnd, type SliceWindow, type SliceWindowName } from './windows';

/**
 * A slice board's figures from its rankings-daily rows: leaderboards of its windows, the weekly trend of
 * its top models, and a model's rank across every slice. The ranking math is lib/rankings': a slice's
 * history is a ModelHistory whose records are days (exact slices) or ISO weeks (sampled slices).
 */

export interface SliceHistory {
  slice: SliceId;
  dataDay: string;
  /** The rows' grain: daily counts (exact slices) or weekly estimates dated by their Monday (sampled slices). */
  grain: 'day' | 'week';
  estimated: boolean;
  /** The records as fetched, ranked: days through the data day, or weeks completed by it. */
  buckets: ModelHistory;
  /**
   * Every completed ISO week from the first whole week of data (2025-01-06) to the last completed one,
   * dated by its Monday (a week without rows is an empty record): what the trend charts.
   */
  weeks: ModelHistory;
  /** Dates of rows left out: weeks not complete on the data day or before the first whole week, days after the data day. */
  dropped: string[];
}

const ROW_GRAIN = (row: ModelDay): string => `${row.period ?? 'day'}${row.estimated ? ' estimate' : ''}`;

/**
 * Ranks a slice's rows (any order, any number of requests). Throws on rows of another grain or a
 * (date, model) pair twice: summing overlapping requests would count tokens twice. A weekly bucket that
 * is not complete on the data day is left out, so a partial trailing week is never ranked against full ones.
 */
export function buildSliceHistory(slice: Pick<Slice, 'id' | 'sampled'>, rows: readonly ModelDay[], dataDay: string): SliceHistory {
  const expected = slice.sampled ? 'week estimate' : 'day';
  const seen = new Set<string>();
  const dropped = new Set<string>();
  const kept = rows.filter((row) => {
    if (ROW_GRAIN(row) !== expected) throw new RangeError(`${slice.id}: a ${ROW_GRAIN(row)} row for ${row.date}, expected ${expected} rows`);
    if (slice.sampled && isoWeekStart(row.date) !== row.date) throw new RangeError(`${slice.id}: a weekly row dated ${row.date}, not a Monday`);
    const key = `${row.date} ${row.permaslug}`;
    if (seen.has(key)) throw new RangeError(`${slice.id}: ${row.permaslug} twice on ${row.date}`);
    seen.add(key);
    const inData = slice.sampled ? row.date >= FIRST_WEEK_START && addDays(row.date, 6) <= dataDay : row.date >= DATASET_START && row.date <= dataDay;
    if (!inData) dropped.add(row.date);
    return inData;
  });
  const buckets = buildHistory(kept);
  return {
    slice: slice.id,
    dataDay,
    grain: slice.sampled ? 'week' : 'day',
    estimated: slice.sampled,
    buckets,
    weeks: completedWeeks(slice.sampled ? buckets : rollUpHistory(buckets, isoWeekStart), dataDay),
    dropped: [...dropped].sort(),
  };
}

/** Weekly records padded to every completed week of data, the partial first and current weeks left out. */
function completedWeeks(weekly: ModelHistory, dataDay: string): ModelHistory {
  const byMonday = new Map(weekly.days.map((week) => [week.date, week]));
  const days: DayRecord[] = [];
  const lastMonday = addDays(lastCompletedWeekEnd(dataDay), -6);
  for (let monday = FIRST_WEEK_START; monday <= lastMonday; monday = addDays(monday, 7)) {
    days.push(byMonday.get(monday) ?? { date: monday, models: [], other: 0n, total: 0n });
  }
  return { days };
}

export interface SliceLeaderboardRow extends LeaderboardRow {
  /** Share of the slice's window total (`other` included), in basis points. */
  shareBp: number;
}

export interface SliceLeaderboard {
  slice: SliceId;
  window: SliceWindowName;
  range: DateRange;
  previousRange: DateRange;
  /** Change, rank movement and NEW are set only when the previous period lies wholly inside the data. */
  comparable: boolean;
  grain: SliceHistory['grain'];
  /** Upsampled estimates (sampled slices): every figure of this board must say so. */
  estimated: boolean;
  /** Everything in the window: ranked models plus `other`, the shares' denominator. */
  total: bigint;
  previousTotal: bigint;
  /** Tokens outside each bucket's top 50, summed over the window. */
  other: bigint;
  otherShareBp: number;
  /** Buckets (days or weeks) of the window the history holds, and how many it spans. */
  coverage: { buckets: number; expected: number };
  rows: SliceLeaderboardRow[];
}

/**
 * The leaderboard of one window of a slice. A model's figure is the sum of the buckets (days or weeks)
 * in which it made the top 50, as on the models board; share is of the slice's total.
 */
export function sliceLeaderboard(history: SliceHistory, window: SliceWindow): SliceLeaderboard {
  if (history.grain === 'week' && window.unit === 'day') throw new RangeError(`${history.slice}: weekly figures have no ${window.name} window`);
  const board = rangeLeaderboard(history.buckets, window.range, window.previousRange);
  return {
    slice: history.slice,
    window: window.name,
    range: board.range,
    previousRange: board.previousRange,
    comparable: board.comparable,
    grain: history.grain,
    estimated: history.estimated,
    total: board.total,
    previousTotal: board.previousTotal,
    other: board.other,
    otherShareBp: shareBasisPoints(board.other, board.total),
    coverage: { buckets: board.daysCovered, expected: history.grain === 'week' ? window.range.days / 7 : window.range.days },
    rows: board.rows.map((row) => ({ ...row, shareBp: shareBasisPoints(row.tokens, board.total) })),
  };
}

/** The permaslugs of a board's first `n` ranks: the models a trend follows. */
export function topPermaslugs(board: Pick<SliceLeaderboard, 'rows'>, n: number): string[] {
  return board.rows.slice(0, Math.max(0, n)).map((row) => row.permaslug);
}

export interface SliceTrend {
  slice: SliceId;
  estimated: boolean;
  /** Each completed week's Monday, oldest first, with no week missing. */
  weeks: string[];
  /** One series per model asked for, in that order, then 'Everything else': each week sums to its total. */
  series: StackedSeries['series'];
}

/**
 * The weekly trend of `permaslugs` (usually a board's top N) over the last `weeks` completed weeks, or
 * every completed week since the data starts. Exact slices' weeks are the sums of their days.
 */
export function sliceTrend(history: SliceHistory, permaslugs: readonly string[], weeks?: number): SliceTrend {
  const end = lastCompletedWeekEnd(history.dataDay);
  const from = weeks === undefined ? FIRST_WEEK_START : addDays(end, -7 * Math.max(0, weeks) + 1);
  const stack = stackOf(history.weeks, { start: from < FIRST_WEEK_START ? FIRST_WEEK_START : from, end }, permaslugs);
  return { slice: history.slice, estimated: history.estimated, weeks: stack.dates, series: stack.series };
}

/** What the hub shows of a board: its leader and first ranks. */
export function boardSummary(board: SliceLeaderboard, n = 5): { slice: SliceId; estimated: boolean; total: bigint; leader: SliceLeaderboardRow | null; top: SliceLeaderboardRow[] } {
  return { slice: board.slice, estimated: board.estimated, total: board.total, leader: board.rows[0] ?? null, top: board.rows.slice(0, Math.max(0, n)) };
}

export interface SliceRank {
  slice: Slice;
  window: SliceWindowName;
  rank: number;
  /** How many models the board ranks. */
  ranked: number;
  tokens: bigint;
  shareBp: number;
  movement: number | null;
  isNew: boolean;
  estimated: boolean;
}

const SLICE_ORDER = new Map(SLICES.map((s, index) => [s.id, index]));

/** A model's rank and share on every board (one per slice, usually each slice's default window) that ranks it, in slice order. */
export function whereItRanks(permaslug: string, boards: readonly SliceLeaderboard[]): SliceRank[] {
  return boards
    .flatMap((board): SliceRank[] => {
      const slice = sliceById(board.slice);
      const row = board.rows.find((r) => r.permaslug === permaslug);
      if (!slice || !row) return [];
      const { rank, tokens, shareBp, movement, isNew } = row;
      return [{ slice, window: board.window, rank, ranked: board.rows.length, tokens, shareBp, movement, isNew, estimated: board.estimated }];
    })
    .sort((a, b) => SLICE_ORDER.get(a.slice.id)! - SLICE_ORDER.get(b.slice.id)!);
}
