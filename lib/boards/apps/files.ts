import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { appsDownloadFile } from '../../export/download-files';
import { API_CACHE_CONTROL } from '../../http';
import type { ServedDownload } from '../server';
import type { AppsDownloadQuery } from './board';
import { getAppsRanking } from './view';

/** Every rank of the view (up to 200), from the same cached upstream pages as the view's pages. */
export async function serveAppsDownload({ view }: AppsDownloadQuery, format: DownloadFormat): Promise<ServedDownload> {
  const ranking = await getAppsRanking(view);
  return { ...appsDownloadFile(ranking, view, format), cacheControl: API_CACHE_CONTROL };
}
