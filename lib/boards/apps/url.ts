import type { AppSort } from '../../datasets/endpoints/app-rankings/values';
import { downloadHref, type DownloadFormat } from '../../downloads';
import { APPS_MAX_RANKS, APPS_PAGE_SIZES, APPS_WINDOWS, DEFAULT_APPS_QUERY, type AppsQuery } from './types';

/**
 * The one spelling of every app-ranking URL, shared by the server pages, the route handler's callers and
 * the client island: defaults dropped and parameters in a fixed order, so each view has exactly one URL
 * (one cache entry, one crawlable page).
 */

// A record rather than values.ts's APP_SORTS, which would bring the category lists into the apps island's
// bundle. Keyed by AppSort, so a new sort upstream fails the type check here instead of being read as a default.
const SORTS: Record<AppSort, true> = { popular: true, trending: true };
const SORT_NAMES = Object.keys(SORTS) as AppSort[];

type ViewParams = Pick<AppsQuery, 'sort' | 'window' | 'page' | 'pageSize'>;

function withSearch(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function setViewParams(params: URLSearchParams, q: ViewParams, filter?: Pick<AppsQuery, 'category' | 'subcategory'>): void {
  if (q.sort !== DEFAULT_APPS_QUERY.sort) params.set('sort', q.sort);
  if (q.window !== DEFAULT_APPS_QUERY.window) params.set('window', q.window);
  if (filter?.category) params.set('category', filter.category);
  if (filter?.subcategory) params.set('subcategory', filter.subcategory);
  if (q.page !== DEFAULT_APPS_QUERY.page) params.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_APPS_QUERY.pageSize) params.set('pageSize', String(q.pageSize));
}

/** Public URL of a view: basePath is '/apps', '/apps/<category>' or '/apps/<category>/<subcategory>'. Defaults are dropped (sort popular, window month, page 1, pageSize 25) and the order is fixed (sort, window, page, pageSize), so each view has exactly one URL. */
export function appsHref(basePath: string, q: ViewParams): string {
  const params = new URLSearchParams();
  setViewParams(params, q);
  return withSearch(basePath, params);
}

/** The JSON route for a query: `/api/apps?sort=…&window=…&category=…&subcategory=…&page=…&pageSize=…` — same canonical rules: defaults dropped, fixed order, category/subcategory included only when set. */
export function appsApiHref(q: AppsQuery): string {
  const params = new URLSearchParams();
  setViewParams(params, q, q);
  return withSearch('/api/apps', params);
}

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads sort/window/page/pageSize from a URL search string leniently for the browser's back/forward (unknown or invalid values → defaults); category/subcategory come from `fixed`. */
export function appsQueryFromSearch(search: string, fixed: Pick<AppsQuery, 'category' | 'subcategory'>): AppsQuery {
  const params = new URLSearchParams(search);
  const pageSizeText = params.get('pageSize');
  const pageSize = APPS_PAGE_SIZES.find((size) => String(size) === pageSizeText) ?? DEFAULT_APPS_QUERY.pageSize;
  const pageText = params.get('page') ?? '';
  // Plain decimal only ("2", not "2.0", "02" or "1e1"), and no page that could never hold a rank.
  const page = /^[1-9]\d*$/.test(pageText) ? Number(pageText) : DEFAULT_APPS_QUERY.page;
  return {
    sort: pick(SORT_NAMES, params.get('sort'), DEFAULT_APPS_QUERY.sort),
    window: pick(APPS_WINDOWS, params.get('window'), DEFAULT_APPS_QUERY.window),
    category: fixed.category,
    subcategory: fixed.subcategory,
    page: page <= Math.ceil(APPS_MAX_RANKS / pageSize) ? page : DEFAULT_APPS_QUERY.page,
    pageSize,
  };
}

/** What a download of a view holds: every rank, so no page or page size. */
export type AppsDownloadView = Pick<AppsQuery, 'sort' | 'window' | 'category' | 'subcategory'>;

export function appsDownloadSearch(view: AppsDownloadView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort !== DEFAULT_APPS_QUERY.sort) params.set('sort', view.sort);
  if (view.window !== DEFAULT_APPS_QUERY.window) params.set('window', view.window);
  if (view.category) params.set('category', view.category);
  if (view.subcategory) params.set('subcategory', view.subcategory);
  return params;
}

/** Every rank of an app view: `/download/apps.csv?sort=trending&window=week&category=coding`, defaults dropped. */
export function appsDownloadHref(view: AppsDownloadView, format: DownloadFormat): string {
  return downloadHref('apps', format, appsDownloadSearch(view));
}
