import { WINDOW_NAMES, windowRange, type WindowName } from '../utc-day';
import { authorOf, type ModelHistory } from './history';
import { shareBasisPoints } from './leaderboard';
import { weekBuckets } from './series';

export interface ModelDayPoint {
  date: string;
  tokens: bigint;
  /** null on a day the model was outside the top 50 (its tokens are then inside `other`, so 0n here). */
  rank: number | null;
  dayTotal: bigint;
  shareBp: number;
}

export interface ModelProfile {
  permaslug: string;
  author: string;
  /** Every history day from the first day it appeared in a top 50 to the data day (days after it are ignored). */
  points: ModelDayPoint[];
  /** Earliest date on ties. */
  bestRank: { rank: number; date: string };
  firstSeen: string;
  lastSeen: string;
  daysInTop50: number;
  /** Tokens per window ending on the data day. */
  windows: Record<WindowName, bigint>;
  /** Total since first seen. */
  allTime: bigint;
  /** Other permaslugs sharing the same base (`x/y` and `x/y:free`), sorted; excludes itself. */
  siblings: string[];
}

/** The permaslug without its `:variant` suffix. */
function baseOf(permaslug: string): string {
  const colon = permaslug.indexOf(':', permaslug.indexOf('/') + 1);
  return colon === -1 ? permaslug : permaslug.slice(0, colon);
}

/** null when the permaslug never appears in the history up to `dataDay`, the last day windows end on. */
export function modelProfile(history: ModelHistory, permaslug: string, dataDay: string): ModelProfile | null {
  const days = history.days.filter((day) => day.date <= dataDay);
  const points: ModelDayPoint[] = [];
  let best: { rank: number; date: string } | null = null;
  let lastSeen = '';
  let daysInTop50 = 0;

  for (const day of days) {
    const index = day.models.findIndex((model) => model.permaslug === permaslug);
    if (index === -1) {
      if (points.length > 0) points.push({ date: day.date, tokens: 0n, rank: null, dayTotal: day.total, shareBp: 0 });
      continue;
    }
    const rank = index + 1;
    const tokens = day.models[index]!.tokens;
    points.push({ date: day.date, tokens, rank, dayTotal: day.total, shareBp: shareBasisPoints(tokens, day.total) });
    if (best === null || rank < best.rank) best = { rank, date: day.date };
    lastSeen = day.date;
    daysInTop50 += 1;
  }

  const first = points[0];
  if (first === undefined || best === null) return null;

  const windows = {} as Record<WindowName, bigint>;
  for (const name of WINDOW_NAMES) {
    const range = windowRange(name, dataDay);
    windows[name] = points.reduce((sum, point) => (point.date >= range.start && point.date <= range.end ? sum + point.tokens : sum), 0n);
  }

  const base = baseOf(permaslug);
  const siblings = knownPermaslugs({ days }).filter((other) => other !== permaslug && baseOf(other) === base);

  return {
    permaslug,
    author: authorOf(permaslug),
    points,
    bestRank: best,
    firstSeen: first.date,
    lastSeen,
    daysInTop50,
    windows,
    allTime: points.reduce((sum, point) => sum + point.tokens, 0n),
    siblings,
  };
}

/** Every permaslug that appears anywhere in the history, sorted (for sitemaps and lookups). */
export function knownPermaslugs(history: ModelHistory): string[] {
  const seen = new Set<string>();
  for (const day of history.days) for (const model of day.models) seen.add(model.permaslug);
  return [...seen].sort();
}

/**
 * A model's days summed by week, each dated by its last day: tokens and the week's total summed (so the
 * share is of the week's tokens), and the best rank of the week (null if it never made the top 50).
 */
export function weeklyPoints(points: readonly ModelDayPoint[]): ModelDayPoint[] {
  return weekBuckets(points.map((point) => point.date)).map((bucket) => {
    const days = bucket.map((i) => points[i]!);
    const tokens = days.reduce((sum, day) => sum + day.tokens, 0n);
    const dayTotal = days.reduce((sum, day) => sum + day.dayTotal, 0n);
    const ranks = days.flatMap((day) => (day.rank === null ? [] : [day.rank]));
    return { date: days.at(-1)!.date, tokens, rank: ranks.length ? Math.min(...ranks) : null, dayTotal, shareBp: shareBasisPoints(tokens, dayTotal) };
  });
}
