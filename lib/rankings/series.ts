import type { DateRange } from '../utc-day';
import { authorOf, daysIn, type ModelHistory } from './history';
import { rankedModelTotals, shareBasisPoints } from './leaderboard';

type Range = Pick<DateRange, 'start' | 'end'>;

export const OTHER_SERIES_KEY = 'other';
export const OTHER_SERIES_LABEL = 'Everything else';
export const OTHER_AUTHOR = 'other (outside the daily top 50)';

export interface StackedSeries {
  /** The range's days that the history holds, ascending. */
  dates: string[];
  /**
   * The top `topN` models by tokens over the range (ranked like the leaderboard), each with one bigint per
   * date (0n when not in that day's top 50), then a last series with key 'other' labelled 'Everything
   * else' = that day's total minus the listed models, so the stack sums to the day's total.
   */
  series: { key: string; label: string; values: bigint[] }[];
}

export function dailyStack(history: ModelHistory, range: Range, topN: number): StackedSeries {
  const listed = rankedModelTotals(daysIn(history, range)).slice(0, Math.max(0, topN));
  return stackOf(history, range, listed.map((model) => model.permaslug));
}

/**
 * The stack of the given models in the given order (one series each, 0n where a day does not list it),
 * then 'Everything else' completing each day's total: dailyStack with the models chosen elsewhere (the
 * top of another window, say). A permaslug listed twice gets one series.
 */
export function stackOf(history: ModelHistory, range: Range, permaslugs: readonly string[]): StackedSeries {
  const days = daysIn(history, range);
  const listed = [...new Set(permaslugs)];
  const column = new Map(listed.map((permaslug, index) => [permaslug, index]));
  const series = listed.map((permaslug) => ({ key: permaslug, label: permaslug, values: new Array<bigint>(days.length).fill(0n) }));
  const rest: bigint[] = [];

  days.forEach((day, dayIndex) => {
    let remaining = day.total;
    for (const model of day.models) {
      const index = column.get(model.permaslug);
      if (index === undefined) continue;
      series[index]!.values[dayIndex] = model.tokens;
      remaining -= model.tokens;
    }
    rest.push(remaining);
  });

  return {
    dates: days.map((day) => day.date),
    series: [...series, { key: OTHER_SERIES_KEY, label: OTHER_SERIES_LABEL, values: rest }],
  };
}

/** Per day: top-50 tokens, total (incl. other) and the top 50's share in basis points. */
export function top50SharePerDay(history: ModelHistory, range: Range): { date: string; top50: bigint; total: bigint; shareBp: number }[] {
  return daysIn(history, range).map((day) => {
    const top50 = day.total - day.other;
    return { date: day.date, top50, total: day.total, shareBp: shareBasisPoints(top50, day.total) };
  });
}

/** Tokens by author over the range, descending (ties by author), then the summed `other` as a final entry. */
export function authorShares(history: ModelHistory, range: Range): { author: string; tokens: bigint }[] {
  const byAuthor = new Map<string, bigint>();
  let other = 0n;
  for (const day of daysIn(history, range)) {
    other += day.other;
    for (const model of day.models) {
      const author = authorOf(model.permaslug);
      byAuthor.set(author, (byAuthor.get(author) ?? 0n) + model.tokens);
    }
  }
  const authors = Array.from(byAuthor, ([author, tokens]) => ({ author, tokens })).sort((a, b) => {
    if (a.tokens !== b.tokens) return a.tokens > b.tokens ? -1 : 1;
    return a.author < b.author ? -1 : a.author > b.author ? 1 : 0;
  });
  return [...authors, { author: OTHER_AUTHOR, tokens: other }];
}

/** Total tokens (incl. other) over the range. */
export function totalTokens(history: ModelHistory, range: Range): bigint {
  return daysIn(history, range).reduce((sum, day) => sum + day.total, 0n);
}

/** Ranges longer than a quarter chart by week: daily points are too dense for a phone and too heavy for its page. */
export const WEEKLY_AFTER_DAYS = 92;

/**
 * Consecutive days in 7-day buckets, the last ending on the last date (the first may be shorter): the
 * indexes of each bucket's days. Long ranges chart by week: 52 points a year rather than 365.
 */
export function weekBuckets(dates: readonly string[]): number[][] {
  const buckets: number[][] = [];
  for (let end = dates.length; end > 0; end -= 7) buckets.unshift(Array.from({ length: Math.min(7, end) }, (_, i) => end - Math.min(7, end) + i));
  return buckets;
}

/** A stack summed by week; each week is dated by its last day. */
export function weeklyStack(stack: StackedSeries): StackedSeries {
  const buckets = weekBuckets(stack.dates);
  return {
    dates: buckets.map((bucket) => stack.dates[bucket.at(-1)!]!),
    series: stack.series.map((s) => ({ ...s, values: buckets.map((bucket) => bucket.reduce((sum, i) => sum + s.values[i]!, 0n)) })),
  };
}

/** Top-50 share per week (top-50 tokens over all tokens of the week), each week dated by its last day. */
export function top50SharePerWeek(history: ModelHistory, range: Range): { date: string; top50: bigint; total: bigint; shareBp: number }[] {
  const days = top50SharePerDay(history, range);
  return weekBuckets(days.map((day) => day.date)).map((bucket) => {
    const top50 = bucket.reduce((sum, i) => sum + days[i]!.top50, 0n);
    const total = bucket.reduce((sum, i) => sum + days[i]!.total, 0n);
    return { date: days[bucket.at(-1)!]!.date, top50, total, shareBp: shareBasisPoints(top50, total) };
  });
}
