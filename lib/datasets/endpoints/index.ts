import { appRankings } from './app-rankings';
import { rankingsDaily } from './rankings-daily';

/**
 * Every upstream operation the site calls, one spec each. A new operation is a new folder here and a
 * line in this record; the client, the transports, cache keys and the attempt log take it from there.
 */
export const ENDPOINTS = {
  'app-rankings': appRankings,
  'rankings-daily': rankingsDaily,
} as const;

export type Endpoint = keyof typeof ENDPOINTS;
type Spec<E extends Endpoint> = (typeof ENDPOINTS)[E];
/** The app row an operation's responses reshape to. */
export type RowOf<E extends Endpoint> = ReturnType<Spec<E>['reshape']>[number];
/** A request to an operation, in the camelCase the site writes. */
export type InputOf<E extends Endpoint> = Parameters<Spec<E>['resolve']>[0];

export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as Endpoint[];

export function isEndpoint(value: string): value is Endpoint {
  return Object.hasOwn(ENDPOINTS, value);
}

export type { DatasetMeta, ResolvedWindow } from './shared';
export { OTHER_PERMASLUG, type ModelDay, type RankingsDailyQuery } from './rankings-daily';
export type { AppRanking, AppRankingsQuery } from './app-rankings';
