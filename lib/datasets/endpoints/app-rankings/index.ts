import { z } from 'zod';
import { definedOnly, isoDate, metaSchema, parseWith, resolveWindow, tokenCount, type EndpointSpec, type ResolvedWindow } from '../shared';
import { InvalidParamsError } from '../../errors';
import { demoAppRankings } from './demo';
import { APP_CATEGORIES, APP_SORTS, CATEGORY_NAMES, SUBCATEGORY_NAMES, type AppCategory, type AppSort, type AppSubcategory } from './values';

/** `GET /datasets/app-rankings`: public apps by tokens (or token growth) over a window, 100 ranks a page. */

export const appRankingsQuerySchema = z.strictObject({
  sort: z.enum(APP_SORTS).default('popular'),
  category: z.enum(CATEGORY_NAMES).optional(),
  subcategory: z.enum(SUBCATEGORY_NAMES).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100).default(0),
});

export type AppRankingsQuery = z.input<typeof appRankingsQuerySchema>;

export interface ResolvedAppRankingsQuery extends ResolvedWindow {
  sort: AppSort;
  category?: AppCategory;
  subcategory?: AppSubcategory;
  limit: number;
  offset: number;
}

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

export type RawAppRankingsResponse = z.output<typeof appRankingsResponseSchema>;
export type RawAppRow = RawAppRankingsResponse['data'][number];

export interface AppRanking {
  appId: number;
  appName: string;
  rank: number;
  totalRequests: number;
  totalTokens: bigint;
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

export function reshapeAppRankings(raw: RawAppRankingsResponse): AppRanking[] {
  return raw.data.map((row) => ({
    appId: row.app_id,
    appName: row.app_name,
    rank: row.rank,
    totalRequests: row.total_requests,
    totalTokens: BigInt(row.total_tokens),
  }));
}

const count = (value: string | undefined) => (value === undefined ? undefined : Number(value));

export const appRankings: EndpointSpec<ResolvedAppRankingsQuery, RawAppRankingsResponse, AppRanking> = {
  path: '/datasets/app-rankings',
  citation: 'openrouter.ai/apps',
  resolve: resolveAppRankingsQuery,
  upstreamQuery: appRankingsUpstreamQuery,
  fromUpstreamQuery: (query) =>
    definedOnly({
      startDate: query.start_date,
      endDate: query.end_date,
      sort: query.sort,
      category: query.category,
      subcategory: query.subcategory,
      limit: count(query.limit),
      offset: count(query.offset),
    }),
  response: appRankingsResponseSchema,
  reshape: reshapeAppRankings,
  demo: demoAppRankings,
};
