import type { ModelDay } from '../datasets/endpoints';
import type { DateRange } from '../utc-day';

/** One UTC day of the model rankings: the ranked top 50 and the long tail. */
export interface DayRecord {
  date: string;
  /** Ranked: tokens descending, ties by permaslug (the upstream's order); rank = index + 1. */
  models: readonly { permaslug: string; tokens: bigint }[];
  /** The `other` row: every model outside that day's top 50. */
  other: bigint;
  /** All tokens of the day: top 50 plus `other`. */
  total: bigint;
}

/** The full daily history, ascending by date, one record per day the upstream reported. */
export interface ModelHistory {
  days: readonly DayRecord[];
}

/** The permaslug's prefix: `openai/gpt-4o` → `openai`. */
export function authorOf(permaslug: string): string {
  const slash = permaslug.indexOf('/');
  return slash > 0 ? permaslug.slice(0, slash) : permaslug;
}

/** Tokens descending, ties by permaslug ascending (code-unit order, like the upstream): every model ranking's order. */
export function compareModelTotals(a: { permaslug: string; tokens: bigint }, b: { permaslug: string; tokens: bigint }): number {
  if (a.tokens !== b.tokens) return a.tokens > b.tokens ? -1 : 1;
  return a.permaslug < b.permaslug ? -1 : a.permaslug > b.permaslug ? 1 : 0;
}

/** Groups upstream rows (any order) into ranked days. */
export function buildHistory(rows: readonly ModelDay[]): ModelHistory {
  const byDate = new Map<string, { models: { permaslug: string; tokens: bigint }[]; other: bigint }>();
  for (const row of rows) {
    let day = byDate.get(row.date);
    if (!day) {
      day = { models: [], other: 0n };
      byDate.set(row.date, day);
    }
    if (row.isOther) day.other += row.totalTokens;
    else day.models.push({ permaslug: row.permaslug, tokens: row.totalTokens });
  }
  const days = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]) => {
      const models = day.models.sort(compareModelTotals);
      const top = models.reduce((sum, m) => sum + m.tokens, 0n);
      return { date, models, other: day.other, total: top + day.other };
    });
  return { days };
}

/** The days of `range` that the history holds (inclusive). */
export function daysIn(history: ModelHistory, range: Pick<DateRange, 'start' | 'end'>): readonly DayRecord[] {
  return history.days.filter((day) => day.date >= range.start && day.date <= range.end);
}

/**
 * The history summed into coarser buckets (`bucketOf` maps a day to its bucket's date: an ISO week's
 * Monday, a month's 1st), each bucket ranked like a day. A model's bucket figure is the sum of the days
 * it made the day's top 50; the rest of its traffic stays in `other`, so totals are unchanged.
 */
export function rollUpHistory(history: ModelHistory, bucketOf: (date: string) => string): ModelHistory {
  // buildHistory takes one row per model and bucket: sum each model's days first.
  const sums = new Map<string, Map<string, bigint>>();
  const others = new Map<string, bigint>();
  for (const day of history.days) {
    const date = bucketOf(day.date);
    let models = sums.get(date);
    if (!models) sums.set(date, (models = new Map()));
    for (const model of day.models) models.set(model.permaslug, (models.get(model.permaslug) ?? 0n) + model.tokens);
    others.set(date, (others.get(date) ?? 0n) + day.other);
  }
  return buildHistory(
    [...sums].flatMap(([date, models]) => [
      ...Array.from(models, ([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false })),
      { date, permaslug: 'other', totalTokens: others.get(date)!, isOther: true },
    ]),
  );
}
