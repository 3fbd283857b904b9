import { addDays, completeMonths, monthRange, previousMonth } from '../utc-day';
import type { ModelHistory } from './history';
import { rangeLeaderboard, type Leaderboard, type LeaderboardRow } from './leaderboard';

/**
 * The monthly archive: one leaderboard per complete UTC calendar month since January 2025, each compared
 * with the month before it. Months are `YYYY-MM` strings.
 */

/** `2026-11` → `2026-12`. */
export function nextMonth(month: string): string {
  return addDays(`${month}-01`, 32).slice(0, 7);
}

/**
 * True for a month the archive publishes: `YYYY-MM`, from January 2025, ending on or before the data day.
 * `abc`, `2024-12`, `2026-13` and the month in progress are false.
 */
export function isArchiveMonth(month: string, dataDay: string): boolean {
  return completeMonths(dataDay).includes(month);
}

/**
 * The last data day on which the month's figures may still change: the upstream can restate the previous
 * month, so lib/boards/models/fetch-plan.ts refetches it until the data day passes into the month after next.
 */
export function restatableThrough(month: string): string {
  return addDays(`${nextMonth(nextMonth(month))}-01`, -1);
}

/**
 * The sitemap's lastmod of a month page: the month's figures (restatements) and its "next month" link both
 * change for the last time on `restatableThrough`, so the page is unchanged in substance after that day.
 */
export function archiveLastModified(month: string, dataDay: string): string {
  const last = restatableThrough(month);
  return dataDay < last ? dataDay : last;
}

/** The month's leaderboard, with change and rank movement vs the previous calendar month (none before 2025-01). */
export function monthLeaderboard(history: ModelHistory, month: string): Leaderboard {
  const range = monthRange(month);
  const previousRange = monthRange(previousMonth(month));
  if (!range || !previousRange) throw new RangeError(`not a month: ${month}`);
  return rangeLeaderboard(history, range, previousRange);
}

export interface ArchiveMonthSummary {
  month: string;
  /** The month's #1, null when the history holds no ranked model for it. */
  leader: LeaderboardRow | null;
  /** All tokens of the month, `other` included. */
  total: bigint;
  modelsRanked: number;
}

/** Every complete month, newest first, with its #1 and total. */
export function archiveSummaries(history: ModelHistory, dataDay: string): ArchiveMonthSummary[] {
  return completeMonths(dataDay)
    .reverse()
    .map((month) => {
      const board = monthLeaderboard(history, month);
      return { month, leader: board.rows[0] ?? null, total: board.total, modelsRanked: board.rows.length };
    });
}
