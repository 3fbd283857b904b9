import { DATASET_START, previousWindowRange, windowRange, type DateRange, type WindowName } from '../utc-day';
import { authorOf, compareModelTotals, daysIn, type DayRecord, type ModelHistory } from './history';

export interface LeaderboardRow {
  /** 1..N by window tokens descending, ties by permaslug ascending. */
  rank: number;
  permaslug: string;
  author: string;
  /** Sum over the window of the days the model was in that day's top 50. */
  tokens: bigint;
  /** Same sum over the previous equal window (0n if absent). */
  previousTokens: bigint;
  /** % change vs the previous equal window, e.g. 12.34 means +12.34 %; null when previousTokens is 0 (new). */
  changePct: number | null;
  /** Rank in the previous window's leaderboard (same ranking rule), null if absent. */
  previousRank: number | null;
  /** previousRank - rank: positive = moved up; null when new. */
  movement: number | null;
  /** Absent from every day of the previous window (previousTokens === 0n). */
  isNew: boolean;
}

export interface Leaderboard {
  /** The named window, or null for a range of its own (a calendar month of the archive). */
  window: WindowName | null;
  range: DateRange;
  previousRange: DateRange;
  /**
   * Whether the previous range lies wholly inside the data (from DATASET_START on). When it does not, a
   * change figure or a NEW badge would compare with a partial window (+29,000 % for the 365 days before
   * a history of 340), so the rows carry none.
   */
  comparable: boolean;
  /** All tokens in the window: every model's tokens + every day's `other`. The denominator for shares. */
  total: bigint;
  previousTotal: bigint;
  /** Sum of the days' `other` rows in the window. */
  other: bigint;
  /** Days of the window actually present in the history. */
  daysCovered: number;
  rows: LeaderboardRow[];
}

export interface ModelTotal {
  permaslug: string;
  tokens: bigint;
}

/** Each model's summed tokens over `days`, ranked (index + 1 = rank). One pass, one Map. */
export function rankedModelTotals(days: readonly DayRecord[]): ModelTotal[] {
  const sums = new Map<string, bigint>();
  for (const day of days) {
    for (const model of day.models) sums.set(model.permaslug, (sums.get(model.permaslug) ?? 0n) + model.tokens);
  }
  return Array.from(sums, ([permaslug, tokens]) => ({ permaslug, tokens })).sort(compareModelTotals);
}

/** Share in basis points (1 % = 100) computed in bigint, rounded half up; 0 when whole is 0. */
export function shareBasisPoints(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 20_000n + whole) / (whole * 2n));
}

/** (current - previous) / previous in hundredths of a percent, rounded half away from zero, as a percentage. */
function changePercent(current: bigint, previous: bigint): number | null {
  if (previous <= 0n) return null;
  const delta = current - previous;
  const magnitude = ((delta < 0n ? -delta : delta) * 20_000n + previous) / (previous * 2n);
  return Number(delta < 0n ? -magnitude : magnitude) / 100;
}

function sumTotals(days: readonly DayRecord[]): { total: bigint; other: bigint } {
  let total = 0n;
  let other = 0n;
  for (const day of days) {
    total += day.total;
    other += day.other;
  }
  return { total, other };
}

export function computeLeaderboard(history: ModelHistory, window: WindowName, dataDay: string): Leaderboard {
  return { ...rangeLeaderboard(history, windowRange(window, dataDay), previousWindowRange(window, dataDay)), window };
}

/** Whether a previous range lies wholly inside the data, so that a change against it means something. */
export function isComparablePrevious(previousRange: DateRange): boolean {
  return previousRange.days > 0 && !previousRange.clamped && previousRange.start >= DATASET_START;
}

/** The leaderboard of any range, with change and rank movement against `previousRange`. */
export function rangeLeaderboard(history: ModelHistory, range: DateRange, previousRange: DateRange): Leaderboard {
  const days = daysIn(history, range);
  const comparable = isComparablePrevious(previousRange);
  const previousDays = comparable ? daysIn(history, previousRange) : [];

  const previous = new Map<string, { rank: number; tokens: bigint }>();
  rankedModelTotals(previousDays).forEach((model, index) => previous.set(model.permaslug, { rank: index + 1, tokens: model.tokens }));

  const rows = rankedModelTotals(days).map((model, index): LeaderboardRow => {
    const rank = index + 1;
    const before = previous.get(model.permaslug);
    const previousTokens = before?.tokens ?? 0n;
    const isNew = comparable && previousTokens === 0n;
    const previousRank = before?.rank ?? null;
    return {
      rank,
      permaslug: model.permaslug,
      author: authorOf(model.permaslug),
      tokens: model.tokens,
      previousTokens,
      changePct: comparable ? changePercent(model.tokens, previousTokens) : null,
      previousRank,
      movement: isNew || previousRank === null ? null : previousRank - rank,
      isNew,
    };
  });

  const { total, other } = sumTotals(days);
  return {
    window: null,
    range,
    previousRange,
    comparable,
    total,
    previousTotal: sumTotals(previousDays).total,
    other,
    daysCovered: days.length,
    rows,
  };
}

/** a.tokens / a.previousTokens compared with b's, exactly (cross-multiplied in bigint). Both previous > 0. */
function compareGrowth(a: LeaderboardRow, b: LeaderboardRow): number {
  const left = a.tokens * b.previousTokens;
  const right = b.tokens * a.previousTokens;
  return left === right ? 0 : left > right ? 1 : -1;
}

/**
 * Biggest movers by change among models present in both windows with at least `minShareBp` basis points
 * of the current window total (default 10 = 0.1 %, compared exactly): top `n` up (only positive changes,
 * largest first) and down (only negative changes, largest fall first). Ties keep leaderboard order.
 */
export function biggestMovers(board: Leaderboard, n = 5, minShareBp = 10): { up: LeaderboardRow[]; down: LeaderboardRow[] } {
  // Scaled by 1000 so fractional thresholds such as 2.5 bp still compare in bigint.
  const threshold = BigInt(Math.ceil(minShareBp * 1000)) * board.total;
  // Only against a whole previous window: a partial one would make every model a mover.
  const eligible = board.rows.filter((row) => board.comparable && !row.isNew && row.tokens * 10_000_000n >= threshold);
  const byRank = (a: LeaderboardRow, b: LeaderboardRow) => a.rank - b.rank;
  const up = eligible
    .filter((row) => row.tokens > row.previousTokens)
    .sort((a, b) => compareGrowth(b, a) || byRank(a, b))
    .slice(0, Math.max(0, n));
  const down = eligible
    .filter((row) => row.tokens < row.previousTokens)
    .sort((a, b) => compareGrowth(a, b) || byRank(a, b))
    .slice(0, Math.max(0, n));
  return { up, down };
}
