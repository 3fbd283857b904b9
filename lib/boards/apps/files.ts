import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { boardFile, type DownloadFile } from '../../export/download-files';
import { exportTable } from '../../export/tables';
import { API_CACHE_CONTROL } from '../../http';
import type { ServedDownload } from '../server';
import type { AppsDownloadQuery } from './board';
import { APP_COLUMNS, APP_MOVEMENT_COLUMNS } from './columns';
import type { AppsRanking } from './types';
import type { AppsDownloadView } from './url';
import { getAppsRanking } from './view';

/** Every rank of the view (up to 200), from the same cached upstream pages as the view's pages. */
export async function serveAppsDownload({ view }: AppsDownloadQuery, format: DownloadFormat): Promise<ServedDownload> {
  const ranking = await getAppsRanking(view);
  return { ...appsDownloadFile(ranking, view, format), cacheControl: API_CACHE_CONTROL };
}

/** Every rank of an app view (up to 200), with rank movement where the page shows it. */
export function appsDownloadFile(ranking: AppsRanking, view: AppsDownloadView, format: DownloadFormat): DownloadFile {
  return boardFile(
    { table: 'apps', view },
    ranking,
    exportTable(ranking.comparable ? APP_MOVEMENT_COLUMNS : APP_COLUMNS, ranking.rows),
    { range: ranking.range, listedTotal: ranking.listedTotal, comparable: ranking.comparable },
    format,
  );
}
