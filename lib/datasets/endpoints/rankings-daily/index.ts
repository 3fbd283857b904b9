import { z } from 'zod';
import { definedOnly, isoDate, metaSchema, parseWith, resolveWindow, tokenCount, type EndpointSpec, type ResolvedWindow } from '../shared';
import { demoRankingsDaily } from './demo';

/** `GET /datasets/rankings-daily`: the top 50 models of each UTC day plus an `other` row, ≤ 366 days a call. */

export const OTHER_PERMASLUG = 'other';

export const rankingsDailyQuerySchema = z.strictObject({
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
});

export type RankingsDailyQuery = z.input<typeof rankingsDailyQuerySchema>;
export type ResolvedRankingsDailyQuery = ResolvedWindow;

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
  date: string;
  permaslug: string;
  totalTokens: bigint;
  /** The aggregated long tail outside the day's top 50 (permaslug `other`). */
  isOther: boolean;
}

export function resolveRankingsDailyQuery(input: unknown, defaultEnd: string, now: Date): ResolvedRankingsDailyQuery {
  const q = parseWith(rankingsDailyQuerySchema, input);
  return resolveWindow(q.startDate, q.endDate, defaultEnd, now);
}

export function rankingsDailyUpstreamQuery(q: ResolvedRankingsDailyQuery): Record<string, string> {
  return { end_date: q.endDate, start_date: q.startDate };
}

export function reshapeRankingsDaily(raw: RawRankingsDailyResponse): ModelDay[] {
  return raw.data.map((row) => ({
    date: row.date,
    permaslug: row.model_permaslug,
    totalTokens: BigInt(row.total_tokens),
    isOther: row.model_permaslug === OTHER_PERMASLUG,
  }));
}

export const rankingsDaily: EndpointSpec<ResolvedRankingsDailyQuery, RawRankingsDailyResponse, ModelDay> = {
  path: '/datasets/rankings-daily',
  citation: 'openrouter.ai/rankings',
  resolve: resolveRankingsDailyQuery,
  upstreamQuery: rankingsDailyUpstreamQuery,
  fromUpstreamQuery: (query) => definedOnly({ startDate: query.start_date, endDate: query.end_date }),
  response: rankingsDailyResponseSchema,
  reshape: reshapeRankingsDaily,
  demo: (q) => demoRankingsDaily(q.startDate, q.endDate),
};
