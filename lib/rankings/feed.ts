import { addDays } from '../utc-day';
import type { ModelHistory } from './history';

/**
 * What changed each data day, for the Atom feed. Pure: the history in, one entry per day out.
 *
 * Definitions (day D against the calendar day before it, D-1, when the history holds D-1):
 * - rank: position in the day's top 50 (tokens descending, ties by permaslug, as `buildHistory` orders);
 * - new #1: the day's rank-1 model is not D-1's rank-1 model;
 * - new entrants: in D's top 50 and not in D-1's, in D's rank order;
 * - movers: models in both days' top 50, by rank change `previousRank - rank` (a rank, not a token
 *   change, so a model's move does not depend on how busy the day was); up = positive changes, largest
 *   first; down = negative, largest fall first; ties by D's rank; at most `moversLimit` each.
 * Without D-1 (the first day of the history, or a day the upstream did not report) nothing is compared.
 */

export const FEED_DAYS = 30;
export const FEED_MOVERS = 5;

export interface FeedModel {
  permaslug: string;
  rank: number;
  tokens: bigint;
}

export interface FeedMover extends FeedModel {
  previousRank: number;
  /** previousRank - rank: positive = moved up. */
  movement: number;
}

export interface DailyFeedEntry {
  date: string;
  /** The day's #1, null when the day ranked no model. */
  leader: FeedModel | null;
  /** All tokens of the day, `other` included. */
  total: bigint;
  /** The calendar day before, when the history holds it: every comparison below needs it. */
  previous: { date: string; leader: string | null } | null;
  /** The #1 differs from the previous day's (false when there is no previous day). */
  leaderChanged: boolean;
  entrants: FeedModel[];
  up: FeedMover[];
  down: FeedMover[];
}

/** One entry per day of the history up to `dataDay`, the last `days` of them, newest first. */
export function dailyFeedEntries(history: ModelHistory, dataDay: string, days = FEED_DAYS, moversLimit = FEED_MOVERS): DailyFeedEntry[] {
  const byDate = new Map(history.days.map((day) => [day.date, day]));
  const published = history.days.filter((day) => day.date <= dataDay);
  return published
    .slice(Math.max(0, published.length - days))
    .reverse()
    .map((day): DailyFeedEntry => {
      const models = day.models.map((model, index): FeedModel => ({ permaslug: model.permaslug, rank: index + 1, tokens: model.tokens }));
      const leader = models[0] ?? null;
      const before = byDate.get(addDays(day.date, -1));
      if (!before) return { date: day.date, leader, total: day.total, previous: null, leaderChanged: false, entrants: [], up: [], down: [] };

      const previousRanks = new Map(before.models.map((model, index) => [model.permaslug, index + 1]));
      const previousLeader = before.models[0]?.permaslug ?? null;
      const movers: FeedMover[] = [];
      const entrants: FeedModel[] = [];
      for (const model of models) {
        const previousRank = previousRanks.get(model.permaslug);
        if (previousRank === undefined) entrants.push(model);
        else movers.push({ ...model, previousRank, movement: previousRank - model.rank });
      }
      const limit = Math.max(0, moversLimit);
      return {
        date: day.date,
        leader,
        total: day.total,
        previous: { date: before.date, leader: previousLeader },
        leaderChanged: (leader?.permaslug ?? null) !== previousLeader,
        entrants,
        up: movers
          .filter((m) => m.movement > 0)
          .sort((a, b) => b.movement - a.movement || a.rank - b.rank)
          .slice(0, limit),
        down: movers
          .filter((m) => m.movement < 0)
          .sort((a, b) => a.movement - b.movement || a.rank - b.rank)
          .slice(0, limit),
      };
    });
}
