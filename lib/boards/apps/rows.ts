import type { AppRanking } from '../../datasets/endpoints';
import { APPS_MAX_RANKS, type AppsPageSize, type AppsViewRow } from './types';
import { shareBasisPoints } from '../../rankings/leaderboard';

/** Pages a view can have at most: the upstream lets anyone reach 200 ranks. */
export function maxPage(pageSize: AppsPageSize): number {
  return APPS_MAX_RANKS / pageSize;
}

/** Zero-based, end-exclusive positions of a page in the view's list. */
export function pageBounds(page: number, pageSize: AppsPageSize): { from: number; to: number } {
  return { from: (page - 1) * pageSize, to: page * pageSize };
}

/**
 * Which upstream page (limit 100) holds a view page. Page sizes divide 100, so a view page never
 * straddles two upstream pages.
 */
export function upstreamOffsetFor(page: number, pageSize: AppsPageSize): 0 | 100 {
  return pageBounds(page, pageSize).from < 100 ? 0 : 100;
}

/** Tokens per request, rounded half up to a whole token; null without requests. */
export function tokensPerRequest(tokens: bigint, requests: number): bigint | null {
  if (requests <= 0) return null;
  const r = BigInt(requests);
  return (tokens * 2n + r) / (2n * r);
}

/**
 * Publishes a view's rows: shares of the listed total, tokens per request, and — when a previous
 * window's list is given — rank movement and NEW (absent from that list).
 */
export function buildAppsRows(rows: readonly AppRanking[], previous: readonly AppRanking[] | null): { rows: AppsViewRow[]; listedTotal: bigint } {
  const listedTotal = rows.reduce((sum, row) => sum + row.totalTokens, 0n);
  const previousRank = new Map(previous?.map((row) => [row.appId, row.rank]));
  return {
    listedTotal,
    rows: rows.map((row) => {
      const before = previousRank.get(row.appId);
      const perRequest = tokensPerRequest(row.totalTokens, row.totalRequests);
      return {
        rank: row.rank,
        appId: row.appId,
        appName: row.appName,
        tokens: row.totalTokens.toString(),
        requests: row.totalRequests,
        tokensPerRequest: perRequest === null ? null : perRequest.toString(),
        shareBp: shareBasisPoints(row.totalTokens, listedTotal),
        movement: previous && before !== undefined ? before - row.rank : null,
        isNew: previous !== null && before === undefined,
      };
    }),
  };
}
