import 'server-only';
import type { DownloadFormat } from '../downloads';
import type { DownloadFile } from '../export/download-files';
import { serveAppsDownload } from './apps/files';
import type { BoardId, DownloadQuery } from './index';
import { serveModelDownload } from './model/files';
import { serveModelsDownload } from './models/files';

/** The server half of the registry (lib/boards/index.ts): what each board loads to answer a download. */

export interface ServedDownload extends DownloadFile {
  cacheControl: string;
}

type Serve<Q> = (query: Q, format: DownloadFormat) => Promise<ServedDownload | null>;

const DOWNLOADS: { [Id in BoardId]: Serve<Extract<DownloadQuery, { table: Id }>> } = {
  models: serveModelsDownload,
  apps: serveAppsDownload,
  model: serveModelDownload,
};

/**
 * Loads a validated download's figures through the governed data layer (the same cached requests as the
 * pages) and renders its file; null when what it names is not in the data (a model the history does not
 * hold). Throws the data layer's typed errors.
 */
export function serveDownload(query: DownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  return (DOWNLOADS[query.table] as Serve<DownloadQuery>)(query, format);
}
