import 'server-only';
import type { DownloadFormat } from '../downloads';
import type { DownloadFile } from '../export/download-files';
import { serveAppsDownload } from './apps/files';
import type { ExportTable } from '../export/tables';
import { appsExplorerTable, exploreApps, type AppsExplorerResult } from './apps/explore';
import { appsSitemap } from './apps/page';
import { BOARD_IDS, type BoardId, type DownloadQuery, type ExplorerDataset, type ExplorerQuery } from './index';
import { exploreModels, modelsExplorerTable, type ModelsExplorerResult } from './models/explore';
import { serveModelDownload } from './model/files';
import { modelSitemap } from './model/page';
import { serveModelsDownload } from './models/files';
import { modelsSitemap } from './models/page';
import { exploreSlices, slicesExplorerTable, type SlicesExplorerResult } from './slices/explore';
import { serveSlicesDownload } from './slices/files';
import { slicesSitemap } from './slices/sitemap';

/** The server half of the registry (lib/boards/index.ts): what each board loads for a download, the staff explorer and the sitemap. */

export interface ServedDownload extends DownloadFile {
  cacheControl: string;
}

type Serve<Q> = (query: Q, format: DownloadFormat) => Promise<ServedDownload | null>;

const DOWNLOADS: { [Id in BoardId]: Serve<Extract<DownloadQuery, { table: Id }>> } = {
  models: serveModelsDownload,
  apps: serveAppsDownload,
  model: serveModelDownload,
  slices: serveSlicesDownload,
};

/**
 * Loads a validated download's figures through the governed data layer (the same cached requests as the
 * pages) and renders its file; null when what it names is not in the data (a model the history does not
 * hold, a slice window before its first completed week). Throws the data layer's typed errors.
 */
export function serveDownload(query: DownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  return (DOWNLOADS[query.table] as Serve<DownloadQuery>)(query, format);
}

/** What the staff explorer shows and exports for a query of each board that has one. */
export type ExplorerResult = ModelsExplorerResult | AppsExplorerResult | SlicesExplorerResult;

interface Explorer<Q, R> {
  /** Fetches (or reads from cache) the query's figures on the staff budget; throws the data layer's typed errors. */
  run(query: Q): Promise<R>;
  /** Flat rows for CSV and JSON, tokens as exact decimal strings. */
  table(result: R): ExportTable;
}

const EXPLORERS: { [Id in ExplorerDataset]: Explorer<Extract<ExplorerQuery, { dataset: Id }>, Extract<ExplorerResult, { dataset: Id }>> } = {
  models: { run: exploreModels, table: modelsExplorerTable },
  apps: { run: exploreApps, table: appsExplorerTable },
  slices: { run: exploreSlices, table: slicesExplorerTable },
};

const explorerOf = (dataset: ExplorerDataset) => EXPLORERS[dataset] as Explorer<ExplorerQuery, ExplorerResult>;

export function runExplorer(query: ExplorerQuery): Promise<ExplorerResult> {
  return explorerOf(query.dataset).run(query);
}

export function explorerTable(result: ExplorerResult): ExportTable {
  return explorerOf(result.dataset).table(result);
}

/** A public page for the sitemap, dated by the data day it last changed in substance. */
export interface SitemapPage {
  path: string;
  lastModified: string;
}

const SITEMAPS: Record<BoardId, () => Promise<SitemapPage[]>> = {
  models: modelsSitemap,
  apps: appsSitemap,
  model: modelSitemap,
  slices: slicesSitemap,
};

/** Every board's public pages, in the registry's order. */
export async function boardSitemaps(): Promise<SitemapPage[]> {
  return (await Promise.all(BOARD_IDS.map((id) => SITEMAPS[id]()))).flat();
}
