import { z } from 'zod';
import { addDays, DATASET_START, daysInclusive, isIsoDate, lastCompletedUtcDay, MAX_WINDOW_DAYS } from '../utc-day';
import { APP_CATEGORIES, CATEGORY_NAMES, SUBCATEGORY_NAMES, type AppCategory, type AppSubcategory } from './categories';
import { InvalidParamsError } from './errors';

/**
 * The Datasets API contract in code: what we may ask (validated before anything is sent, mirroring the
 * upstream's own rules) and what we accept back (validated strictly, then reshaped into app types once).
 */

// ---------------------------------------------------------------------------------------------------
// Requests

const isoDate = z.string().refine(isIsoDate, { message: 'must be a real calendar date written YYYY-MM-DD' });

export const APP_SORTS = ['popular', 'trending'] as const;
export type AppSort = (typeof APP_SORTS)[number];

export const appRankingsQuerySchema = z.strictObject({
  sort: z.enum(APP_SORTS).default('popular'),
  category: z.enum(CATEGORY_NAMES).optional(),
  subcategory: z.enum(SUBCATEGORY_NAMES).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100).default(0),
});

export const rankingsDailyQuerySchema = z.strictObject({
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
});

export type AppRankingsQuery = z.input<typeof appRankingsQuerySchema>;
export type RankingsDailyQuery = z.input<typeof rankingsDailyQuerySchema>;

export interface ResolvedWindow {
  startDate: string;
  endDate: string;
}

export interface ResolvedAppRankingsQuery extends ResolvedWindow {
  sort: AppSort;
  category?: AppCategory;
  subcategory?: AppSubcategory;
  limit: number;
  offset: number;
}

export type ResolvedRankingsDailyQuery = ResolvedWindow;

function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? 'query') : String(issue?.path[0] ?? 'query');
  const message = issue?.code === 'unrecognized_keys' ? 'is not a known parameter' : (issue?.message ?? 'is invalid');
  throw new InvalidParamsError(param, `${param} ${message}`);
}

/**
 * Applies the upstream's date rules with explicit values, so equal windows share one cache key:
 * end defaults to `defaultEnd` (the current data day) and may not pass the last completed UTC day;
 * start defaults to 30 days before end and is clamped forward to the dataset start.
 */
function resolveWindow(startDate: string | undefined, endDate: string | undefined, defaultEnd: string, now: Date): ResolvedWindow {
  const end = endDate ?? defaultEnd;
  if (end < DATASET_START) throw new InvalidParamsError('endDate', `endDate must be on or after ${DATASET_START}`);
  const lastCompleted = lastCompletedUtcDay(now);
  if (end > lastCompleted) {
    throw new InvalidParamsError('endDate', `endDate must be a completed UTC day (${lastCompleted} or earlier)`);
  }
  const requestedStart = startDate ?? addDays(end, -30);
  const start = requestedStart < DATASET_START ? DATASET_START : requestedStart;
  if (start > end) throw new InvalidParamsError('startDate', 'startDate must not be after endDate');
  if (daysInclusive(start, end) > MAX_WINDOW_DAYS) {
    throw new InvalidParamsError('startDate', `startDate is too early: a window may span at most ${MAX_WINDOW_DAYS} days`);
  }
  return { startDate: start, endDate: end };
}

export function resolveAppRankingsQuery(input: unknown, defaultEnd: string, now: Date): ResolvedAppRankingsQuery {
  const q = parseWith(appRankingsQuerySchema, input);
  if (q.category && q.subcategory && !(APP_CATEGORIES[q.category] as readonly string[]).includes(q.subcategory)) {
    throw new InvalidParamsError('subcategory', `subcategory ${q.subcategory} is not in category ${q.category}`);
  }
  const window = resolveWindow(q.startDate, q.endDate, defaultEnd, now);
  return {
    sort: q.sort,
    ...(q.category ? { category: q.category } : {}),
    ...(q.subcategory ? { subcategory: q.subcategory } : {}),
    ...window,
    limit: q.limit,
    offset: q.offset,
  };
}

export function resolveRankingsDailyQuery(input: unknown, defaultEnd: string, now: Date): ResolvedRankingsDailyQuery {
  const q = parseWith(rankingsDailyQuerySchema, input);
  return resolveWindow(q.startDate, q.endDate, defaultEnd, now);
}

/** The exact upstream query for a resolved request: snake_case, every parameter explicit, stable order. */
export function appRankingsUpstreamQuery(q: ResolvedAppRankingsQuery): Record<string, string> {
  return {
    ...(q.category ? { category: q.category } : {}),
    end_date: q.endDate,
    limit: String(q.limit),
    offset: String(q.offset),
    sort: q.sort,
    start_date: q.startDate,
    ...(q.subcategory ? { subcategory: q.subcategory } : {}),
  };
}

export function rankingsDailyUpstreamQuery(q: ResolvedRankingsDailyQuery): Record<string, string> {
  return { end_date: q.endDate, start_date: q.startDate };
}

// ---------------------------------------------------------------------------------------------------
// Responses

const tokenCount = z.string().regex(/^(0|[1-9]\d*)$/, { message: 'token totals must be decimal strings' });

const metaSchema = z.strictObject({
  as_of: z.iso.datetime({ offset: true }),
  start_date: isoDate,
  end_date: isoDate,
  version: z.literal('v1'),
});

export const appRankingsResponseSchema = z.object({
  data: z.array(
    z.object({
      app_id: z.number().int().nonnegative(),
      app_name: z.string(),
      rank: z.number().int().positive(),
      total_requests: z.number().int().nonnegative(),
      total_tokens: tokenCount,
    }),
  ),
  meta: metaSchema,
});

export const rankingsDailyResponseSchema = z.object({
  data: z.array(
    z.object({
      date: isoDate,
      model_permaslug: z.string().min(1),
      total_tokens: tokenCount,
    }),
  ),
  meta: metaSchema,
});

export type RawAppRankingsResponse = z.output<typeof appRankingsResponseSchema>;
export type RawRankingsDailyResponse = z.output<typeof rankingsDailyResponseSchema>;

// ---------------------------------------------------------------------------------------------------
// App types

export const OTHER_PERMASLUG = 'other';

export interface DatasetMeta {
  asOf: string;
  startDate: string;
  endDate: string;
  version: string;
}

export interface AppRanking {
  appId: number;
  appName: string;
  rank: number;
  totalRequests: number;
  totalTokens: bigint;
}

export interface ModelDay {
  date: string;
  permaslug: string;
  totalTokens: bigint;
  /** The aggregated long tail outside the day's top 50 (permaslug `other`). */
  isOther: boolean;
}

function reshapeMeta(meta: RawAppRankingsResponse['meta']): DatasetMeta {
  return { asOf: meta.as_of, startDate: meta.start_date, endDate: meta.end_date, version: meta.version };
}

export function reshapeAppRankings(raw: RawAppRankingsResponse): { rows: AppRanking[]; meta: DatasetMeta } {
  return {
    rows: raw.data.map((row) => ({
      appId: row.app_id,
      appName: row.app_name,
      rank: row.rank,
      totalRequests: row.total_requests,
      totalTokens: BigInt(row.total_tokens),
    })),
    meta: reshapeMeta(raw.meta),
  };
}

export function reshapeRankingsDaily(raw: RawRankingsDailyResponse): { rows: ModelDay[]; meta: DatasetMeta } {
  return {
    rows: raw.data.map((row) => ({
      date: row.date,
      permaslug: row.model_permaslug,
      totalTokens: BigInt(row.total_tokens),
      isOther: row.model_permaslug === OTHER_PERMASLUG,
    })),
    meta: reshapeMeta(raw.meta),
  };
}
