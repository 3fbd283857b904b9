import { DEFAULT_APPS_QUERY, type AppsQuery } from './boards/apps/types';
import { DEFAULT_MODELS_WINDOW } from './routes';
import type { WindowName } from './utc-day';

/**
 * The one spelling of every public download URL (`/download/<table>.<format>?…`), for the pages' links,
 * the apps island (which rebuilds them as its view changes), JSON-LD and the sitemap. Defaults are dropped
 * and parameters come in a fixed order, so each file has one URL. No server-only imports: the browser
 * runs this too.
 */

export const DOWNLOAD_FORMATS = ['csv', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

export const DOWNLOAD_TABLES = ['models', 'apps', 'model'] as const;
export type DownloadTable = (typeof DOWNLOAD_TABLES)[number];

export const DOWNLOAD_CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The model leaderboard of a named window, or of a complete calendar month (`YYYY-MM`) of the archive. */
export type ModelsDownloadPeriod = { window: WindowName } | { month: string };

export type AppsDownloadView = Pick<AppsQuery, 'sort' | 'window' | 'category' | 'subcategory'>;

/** `models.csv` → `{ table: 'models', format: 'csv' }`; null for any other file name. */
export function parseDownloadFile(file: string): { table: DownloadTable; format: DownloadFormat } | null {
  const match = /^(models|apps|model)\.(csv|json)$/.exec(file);
  if (!match) return null;
  return { table: match[1] as DownloadTable, format: match[2] as DownloadFormat };
}

function downloadPath(table: DownloadTable, format: DownloadFormat, params: URLSearchParams): string {
  const search = params.toString();
  return `/download/${table}.${format}${search ? `?${search}` : ''}`;
}

/** `/download/models.csv` (30 days), `/download/models.json?window=week`, `/download/models.csv?month=2025-03`. */
export function modelsDownloadHref(period: ModelsDownloadPeriod, format: DownloadFormat): string {
  const params = new URLSearchParams();
  if ('month' in period) params.set('month', period.month);
  else if (period.window !== DEFAULT_MODELS_WINDOW) params.set('window', period.window);
  return downloadPath('models', format, params);
}

/** Every rank of an app view: `/download/apps.csv?sort=trending&window=week&category=coding`, defaults dropped. */
export function appsDownloadHref(view: AppsDownloadView, format: DownloadFormat): string {
  const params = new URLSearchParams();
  if (view.sort !== DEFAULT_APPS_QUERY.sort) params.set('sort', view.sort);
  if (view.window !== DEFAULT_APPS_QUERY.window) params.set('window', view.window);
  if (view.category) params.set('category', view.category);
  if (view.subcategory) params.set('subcategory', view.subcategory);
  return downloadPath('apps', format, params);
}

/** A model's full daily history: `/download/model.csv?id=deepseek%2Fdeepseek-chat-v3.1%3Afree`. */
export function modelDownloadHref(permaslug: string, format: DownloadFormat): string {
  return downloadPath('model', format, new URLSearchParams({ id: permaslug }));
}

export type DownloadHrefs = Record<DownloadFormat, string>;

/** Both formats of one file, for `<DownloadLinks>`: `downloadHrefs((format) => modelDownloadHref(slug, format))`. */
export function downloadHrefs(href: (format: DownloadFormat) => string): DownloadHrefs {
  return { csv: href('csv'), json: href('json') };
}
