import { z } from 'zod';
import { InvalidParamsError } from '../../errors';
import { definedOnly, isoDate, metaSchema, parseWith, resolveWindow, tokenCount, type EndpointSpec, type ResolvedWindow } from '../shared';
import { demoRankingsDaily, demoRankingsDailySlice } from './demo';
import {
  CATEGORIES,
  CONTEXT_BUCKETS,
  LANGUAGE_TYPES,
  MODALITIES,
  PERIODS,
  type Category,
  type ContextBucket,
  type LanguageType,
  type Modality,
  type Period,
} from './values';

/**
 * `GET /datasets/rankings-daily`: the top 50 models of each UTC day plus an `other` row, ≤ 366 days a call;
 * optionally per week or month (top 50 + `other` per bucket) and for one slice of the traffic.
 */

export const OTHER_PERMASLUG = 'other';

export const rankingsDailyQuerySchema = z.strictObject({
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  period: z.enum(PERIODS).optional(),
  modality: z.enum(MODALITIES).optional(),
  contextBucket: z.enum(CONTEXT_BUCKETS).optional(),
  category: z.enum(CATEGORIES).optional(),
  languageType: z.enum(LANGUAGE_TYPES).optional(),
});

export type RankingsDailyQuery = z.input<typeof rankingsDailyQuerySchema>;

/**
 * Daily figures leave `period` out: `day` is the upstream's default and was never sent, so an unfiltered
 * request keeps the key it always had. A sampled filter always resolves to an explicit `week` or `month`.
 */
export interface ResolvedRankingsDailyQuery extends ResolvedWindow {
  period?: Exclude<Period, 'day'>;
  modality?: Modality;
  contextBucket?: ContextBucket;
  category?: Category;
  languageType?: LanguageType;
}

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

export type RawRankingsDailyResponse = z.output<typeof rankingsDailyResponseSchema>;
export type RawModelDayRow = RawRankingsDailyResponse['data'][number];

export interface ModelDay {
  /** The UTC day, or with `period` the first day of the week (a Monday) or month, which may precede the window. */
  date: string;
  permaslug: string;
  totalTokens: bigint;
  /** The aggregated long tail outside the bucket's top 50 (permaslug `other`). */
  isOther: boolean;
  /** Only on weekly or monthly figures; daily rows carry no period. */
  period?: Exclude<Period, 'day'>;
  /** Only on the sampled slices (category, languageType): upsampled weekly estimates, not counts. */
  estimated?: true;
}

/** What a request's figures are: their grain, and whether they are exact counts or estimates. */
export interface RankingsDailyGrain {
  period: Period;
  estimated: boolean;
}

export function resolveRankingsDailyQuery(input: unknown, defaultEnd: string, now: Date): ResolvedRankingsDailyQuery {
  const q = parseWith(rankingsDailyQuerySchema, input);
  if (q.category && q.languageType) {
    throw new InvalidParamsError('languageType', 'languageType cannot be combined with category: pick one sampled slice');
  }
  const sampled = q.category ? 'category' : q.languageType ? 'languageType' : undefined;
  if (sampled) {
    const exact = q.modality ? 'modality' : q.contextBucket ? 'contextBucket' : undefined;
    if (exact) {
      throw new InvalidParamsError(exact, `${exact} cannot be combined with ${sampled}: ${sampled} slices the sampled weekly dataset, ${exact} the exact one`);
    }
    if (q.period === 'day') {
      throw new InvalidParamsError('period', `period day is not available with ${sampled}: its figures are weekly estimates (use week or month)`);
    }
  }
  const window = resolveWindow(q.startDate, q.endDate, defaultEnd, now);
  const period = q.period ?? (sampled ? 'week' : 'day');
  return {
    ...window,
    ...(period !== 'day' ? { period } : {}),
    ...(q.modality ? { modality: q.modality } : {}),
    ...(q.contextBucket ? { contextBucket: q.contextBucket } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.languageType ? { languageType: q.languageType } : {}),
  };
}

export function rankingsDailyUpstreamQuery(q: ResolvedRankingsDailyQuery): Record<string, string> {
  return {
    ...(q.category ? { category: q.category } : {}),
    ...(q.contextBucket ? { context_bucket: q.contextBucket } : {}),
    end_date: q.endDate,
    ...(q.languageType ? { language_type: q.languageType } : {}),
    ...(q.modality ? { modality: q.modality } : {}),
    ...(q.period ? { period: q.period } : {}),
    start_date: q.startDate,
  };
}

export function rankingsDailyFromUpstreamQuery(query: Readonly<Record<string, string>>): Partial<Record<keyof RankingsDailyQuery, string>> {
  return definedOnly({
    startDate: query.start_date,
    endDate: query.end_date,
    period: query.period,
    modality: query.modality,
    contextBucket: query.context_bucket,
    category: query.category,
    languageType: query.language_type,
  });
}

/** The grain of a resolved request. */
export function rankingsDailyGrain(q: ResolvedRankingsDailyQuery): RankingsDailyGrain {
  return { period: q.period ?? 'day', estimated: q.category !== undefined || q.languageType !== undefined };
}

/** The request every page made before the slices: all traffic, per day. */
function isPlainDaily(q: ResolvedRankingsDailyQuery): boolean {
  return !q.period && !q.modality && !q.contextBucket && !q.category && !q.languageType;
}

/** The grain of an upstream query as sent (or as held in the cache), by the upstream's own defaults. */
export function upstreamQueryGrain(query: Readonly<Record<string, string>>): RankingsDailyGrain {
  const estimated = query.category !== undefined || query.language_type !== undefined;
  const period = query.period === 'week' || query.period === 'month' ? query.period : estimated ? 'week' : 'day';
  return { period, estimated };
}

/** `query`: the upstream query the body answered, which says the rows' grain (the body does not). */
export function reshapeRankingsDaily(raw: RawRankingsDailyResponse, query: Readonly<Record<string, string>> = {}): ModelDay[] {
  const { period, estimated } = upstreamQueryGrain(query);
  const grain = { ...(period !== 'day' ? { period } : {}), ...(estimated ? { estimated: true as const } : {}) };
  return raw.data.map((row) => ({
    date: row.date,
    permaslug: row.model_permaslug,
    totalTokens: BigInt(row.total_tokens),
    isOther: row.model_permaslug === OTHER_PERMASLUG,
    ...grain,
  }));
}

export const rankingsDaily: EndpointSpec<ResolvedRankingsDailyQuery, RawRankingsDailyResponse, ModelDay> = {
  path: '/datasets/rankings-daily',
  citation: 'openrouter.ai/rankings',
  resolve: resolveRankingsDailyQuery,
  upstreamQuery: rankingsDailyUpstreamQuery,
  fromUpstreamQuery: rankingsDailyFromUpstreamQuery,
  response: rankingsDailyResponseSchema,
  reshape: reshapeRankingsDaily,
  demo: (q, lastCompleted) => (isPlainDaily(q) ? demoRankingsDaily(q.startDate, q.endDate) : demoRankingsDailySlice(q, lastCompleted)),
};
