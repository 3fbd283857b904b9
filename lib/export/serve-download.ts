import 'server-only';
import { getAppsRanking } from '../boards/apps/view';
import type { DownloadFormat } from '../downloads';
import { API_CACHE_CONTROL } from '../http';
import { getModelHistory } from '../boards/models/history';
import { computeLeaderboard, rangeLeaderboard } from '../rankings/leaderboard';
import { modelProfile } from '../rankings/model-profile';
import { completeMonths, monthRange, previousMonth } from '../utc-day';
import { appsDownloadFile, modelHistoryDownloadFile, modelsDownloadFile, type DownloadFile } from './download-files';
import type { DownloadQuery } from './download-query';

/** A complete month's figures are final: a shared cache may keep its file for a day. */
export const FINAL_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800';

export interface ServedDownload extends DownloadFile {
  cacheControl: string;
}

/**
 * Loads a validated download's figures through the governed data layer (the same cached requests as the
 * pages) and renders its file; null when the model asked for is not in the history. Throws the data
 * layer's typed errors.
 */
export async function serveDownload(query: DownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  if (query.table === 'apps') {
    const ranking = await getAppsRanking(query.view);
    return { ...appsDownloadFile(ranking, query.view, format), cacheControl: API_CACHE_CONTROL };
  }
  const { history, asOf, dataDay, source } = await getModelHistory();
  const provenance = { source, asOf, dataDay };
  if (query.table === 'model') {
    const profile = modelProfile(history, query.permaslug, dataDay);
    return profile ? { ...modelHistoryDownloadFile(profile, provenance, format), cacheControl: API_CACHE_CONTROL } : null;
  }
  const { period } = query;
  if ('window' in period) {
    return { ...modelsDownloadFile(computeLeaderboard(history, period.window, dataDay), period, provenance, format), cacheControl: API_CACHE_CONTROL };
  }
  const board = rangeLeaderboard(history, monthRange(period.month)!, monthRange(previousMonth(period.month))!);
  // Validated against the clock's data day; the history held may still be a day behind it.
  const final = completeMonths(dataDay).includes(period.month);
  return { ...modelsDownloadFile(board, period, provenance, format), cacheControl: final ? FINAL_CACHE_CONTROL : API_CACHE_CONTROL };
}
