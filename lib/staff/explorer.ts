import 'server-only';
import { BOARDS } from '../boards';
import { validateAppsQuery } from '../boards/apps/query';
import type { AppsView, AppsViewRow } from '../boards/apps/types';
import { loadAppRanks } from '../boards/apps/view';
import { LICENSE_LINE, LICENSE_URL } from '../citation';
import { getDatasets, isDatasetsError, type DataSource, type FetchOptions } from '../datasets';
import type { AppCategory, AppSubcategory } from '../datasets/endpoints/app-rankings/values';
import { OTHER_PERMASLUG } from '../datasets/endpoints';
import type { AppSort } from '../datasets/endpoints/app-rankings/values';
import type { DatasetsErrorCode } from '../datasets/errors';
import { DOWNLOAD_CONTENT_TYPES } from '../downloads';
import { exportFileName } from '../export/csv';
import {
  APP_COLUMNS,
  attributionPreamble,
  exportAttribution,
  exportTable,
  jsonFile,
  MODEL_COLUMNS,
  tableCsv,
  type ExportAttribution,
  type ExportRow,
  type ExportTable,
  type ModelShareRow,
} from '../export/tables';
import { strictParams } from '../query';
import { buildAppsRows } from '../boards/apps/rows';
import { authorOf, buildHistory, daysIn, type ModelHistory } from '../rankings/history';
import { rankedModelTotals, shareBasisPoints } from '../rankings/leaderboard';
import { addDays, DATASET_START, daysInclusive, isIsoDate, MAX_WINDOW_DAYS } from '../utc-day';

/**
 * The staff explorer: any window of either dataset, validated here before anything is fetched, paid
 * from the staff budget, shaped for the page's tables and for CSV/JSON exports.
 */

export const EXPLORER_PATH = '/staff/explorer';

export const EXPLORER_DATASETS = ['models', 'apps'] as const;
export type ExplorerDataset = (typeof EXPLORER_DATASETS)[number];

export const EXPLORER_PARAMS = ['dataset', 'start', 'end', 'sort', 'category', 'subcategory'] as const;
export type ExplorerParam = (typeof EXPLORER_PARAMS)[number];

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface ExplorerWindow {
  /** First UTC day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Last UTC day, inclusive. */
  end: string;
}

export interface ModelsExplorerQuery extends ExplorerWindow {
  dataset: 'models';
}

export interface AppsExplorerQuery extends ExplorerWindow {
  dataset: 'apps';
  sort: AppSort;
  /** Always set when `subcategory` is (its parent category). */
  category?: AppCategory;
  subcategory?: AppSubcategory;
}

export type ExplorerQuery = ModelsExplorerQuery | AppsExplorerQuery;

export type ExplorerInput =
  | { ok: true; query: ExplorerQuery; params: Readonly<Record<string, string>> }
  | { ok: false; param: ExplorerParam | null; message: string };

// ---------------------------------------------------------------------------------------------------
// Input

type Failure = Extract<ExplorerInput, { ok: false }>;

const fail = (param: ExplorerParam | null, message: string): Failure => ({ ok: false, param, message });

function isExplorerDataset(value: string): value is ExplorerDataset {
  return (EXPLORER_DATASETS as readonly string[]).includes(value);
}

function validateWindow(start: string | undefined, end: string | undefined, dataDay: string): ExplorerWindow | Failure {
  if (!start) return fail('start', 'Start date is required (YYYY-MM-DD).');
  if (!end) return fail('end', 'End date is required (YYYY-MM-DD).');
  if (!isIsoDate(start)) return fail('start', 'Start date must be a real calendar date written YYYY-MM-DD.');
  if (!isIsoDate(end)) return fail('end', 'End date must be a real calendar date written YYYY-MM-DD.');
  if (start < DATASET_START) return fail('start', `Start date must be on or after ${DATASET_START}, the first day of the datasets.`);
  if (end > dataDay) return fail('end', `End date must be on or before ${dataDay}, the latest UTC day with settled figures.`);
  if (start > end) return fail('start', 'Start date must not be after the end date.');
  const days = daysInclusive(start, end);
  if (days > MAX_WINDOW_DAYS) return fail('start', `The window may span at most ${MAX_WINDOW_DAYS} days; this one spans ${days}.`);
  return { start, end };
}

interface AppFilters {
  sort: AppSort;
  category?: AppCategory;
  subcategory?: AppSubcategory;
}

// Empty values are "not set": a GET form sends every select, including "All categories". The rules are
// the public views' own (lib/boards/apps/query.ts).
function validateAppFilters(values: Readonly<Record<string, string>>): AppFilters | Failure {
  const given = Object.fromEntries((['sort', 'category', 'subcategory'] as const).filter((name) => values[name]).map((name) => [name, values[name]]));
  const result = validateAppsQuery(given);
  if (!result.ok) return fail(result.param as ExplorerParam, `${result.message}.`);
  const { sort, category, subcategory } = result.query;
  return { sort, ...(category ? { category } : {}), ...(subcategory ? { subcategory } : {}) };
}

/**
 * Reads an explorer query strictly: every parameter known and given once, a window of settled UTC days
 * (first day of the datasets to `dataDay`, at most 366 days). App filters are validated for either
 * dataset but only kept for apps. `extraParams` are accepted too and returned untouched in `params`.
 */
export function readExplorerQuery(search: URLSearchParams, dataDay: string, extraParams: readonly string[] = []): ExplorerInput {
  const parsed = strictParams(search, [...EXPLORER_PARAMS, ...extraParams]);
  if ('error' in parsed) return fail(null, `${parsed.error}.`);
  const { values } = parsed;
  const dataset = values.dataset ?? '';
  if (!isExplorerDataset(dataset)) return fail('dataset', `Dataset must be one of ${EXPLORER_DATASETS.join(', ')}.`);
  const window = validateWindow(values.start, values.end, dataDay);
  if ('ok' in window) return window;
  const filters = validateAppFilters(values);
  if ('ok' in filters) return filters;
  const query: ExplorerQuery = dataset === 'models' ? { dataset, ...window } : { dataset, ...window, ...filters };
  return { ok: true, query, params: values };
}

/** The canonical query string: fixed order, app filters only for apps, unset filters dropped. */
function explorerSearch(query: ExplorerQuery): URLSearchParams {
  const params = new URLSearchParams({ dataset: query.dataset, start: query.start, end: query.end });
  if (query.dataset === 'apps') {
    params.set('sort', query.sort);
    if (query.category) params.set('category', query.category);
    if (query.subcategory) params.set('subcategory', query.subcategory);
  }
  return params;
}

export function explorerHref(query: ExplorerQuery): string {
  return `${EXPLORER_PATH}?${explorerSearch(query)}`;
}

export function explorerExportHref(query: ExplorerQuery, format: ExportFormat): string {
  const params = explorerSearch(query);
  params.set('format', format);
  return `/api/staff/explorer?${params}`;
}

// ---------------------------------------------------------------------------------------------------
// Form values

/** What the explorer form's fields show, one string per parameter. */
export type ExplorerFormValues = Record<ExplorerParam, string>;

/** Repeated parameters stay repeated, so the strict reader can refuse them. */
export function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of [value ?? []].flat()) search.append(name, item);
  }
  return search;
}

export function defaultFormValues(dataDay: string): ExplorerFormValues {
  return { dataset: 'models', start: addDays(dataDay, -29), end: dataDay, sort: 'popular', category: '', subcategory: '' };
}

/** What was submitted, so a refused query can be corrected rather than typed again. */
export function submittedFormValues(search: URLSearchParams, dataDay: string): ExplorerFormValues {
  const defaults = defaultFormValues(dataDay);
  const value = (name: ExplorerParam) => search.get(name) ?? defaults[name];
  return {
    dataset: value('dataset'),
    start: value('start'),
    end: value('end'),
    sort: value('sort'),
    category: value('category'),
    subcategory: value('subcategory'),
  };
}

export function queryFormValues(query: ExplorerQuery, dataDay: string): ExplorerFormValues {
  const values = { ...defaultFormValues(dataDay), dataset: query.dataset, start: query.start, end: query.end };
  if (query.dataset === 'models') return values;
  return { ...values, sort: query.sort, category: query.category ?? '', subcategory: query.subcategory ?? '' };
}

// ---------------------------------------------------------------------------------------------------
// Results

interface Provenance {
  source: DataSource;
  asOf: string;
  dataDay: string;
}

export interface ModelTotalRow {
  /** 1..N by window tokens descending, ties by permaslug (the leaderboard's rule). */
  rank: number;
  permaslug: string;
  author: string;
  /** Sum over the window of the days the model was in that day's top 50. */
  tokens: bigint;
  /** Share of `total` (which includes `other`), in basis points. */
  shareBp: number;
}

export interface ModelsExplorerResult extends Provenance {
  dataset: 'models';
  query: ModelsExplorerQuery;
  /** All tokens of the window, including every day's `other`: the denominator for shares. */
  total: bigint;
  /** Every day's long tail outside its top 50, summed. */
  other: bigint;
  otherShareBp: number;
  /** Days of the window the upstream reported. */
  daysCovered: number;
  rows: ModelTotalRow[];
  /** The window's ranked days, for the daily chart. */
  history: ModelHistory;
}

export interface AppsExplorerResult extends Provenance {
  dataset: 'apps';
  query: AppsExplorerQuery;
  /** Sum of the listed apps' tokens: the denominator for their shares. */
  listedTotal: bigint;
  /** Up to 200 ranks, shaped like the public apps table's rows. */
  rows: AppsViewRow[];
}

export type ExplorerResult = ModelsExplorerResult | AppsExplorerResult;

const STAFF_BUDGET: FetchOptions = { partition: 'staff' };

async function exploreModels(query: ModelsExplorerQuery): Promise<ModelsExplorerResult> {
  const datasets = getDatasets();
  const dataset = await datasets.get('rankings-daily', { startDate: query.start, endDate: query.end }, STAFF_BUDGET);
  const history = buildHistory(dataset.rows);
  const days = daysIn(history, query);
  let total = 0n;
  let other = 0n;
  for (const day of days) {
    total += day.total;
    other += day.other;
  }
  const rows = rankedModelTotals(days).map((model, index) => ({
    rank: index + 1,
    permaslug: model.permaslug,
    author: authorOf(model.permaslug),
    tokens: model.tokens,
    shareBp: shareBasisPoints(model.tokens, total),
  }));
  return {
    dataset: 'models',
    query,
    source: dataset.source,
    asOf: dataset.meta.asOf,
    dataDay: dataset.dataDay,
    total,
    other,
    otherShareBp: shareBasisPoints(other, total),
    daysCovered: days.length,
    rows,
    history,
  };
}

/** Up to 200 ranks, fetched exactly as the public views fetch them, on the staff budget. */
async function exploreApps(query: AppsExplorerQuery): Promise<AppsExplorerResult> {
  const { rows: ranked, first } = await loadAppRanks(
    { sort: query.sort, category: query.category ?? null, subcategory: query.subcategory ?? null },
    { start: query.start, end: query.end },
    'staff',
  );
  const { rows, listedTotal } = buildAppsRows(ranked, null);
  return {
    dataset: 'apps',
    query,
    source: first.source,
    asOf: first.meta.asOf,
    dataDay: first.dataDay,
    listedTotal,
    rows,
  };
}

/** Fetches (or reads from cache) the query's figures on the staff budget. Throws the data layer's typed errors. */
export function runExplorer(query: ModelsExplorerQuery): Promise<ModelsExplorerResult>;
export function runExplorer(query: AppsExplorerQuery): Promise<AppsExplorerResult>;
export function runExplorer(query: ExplorerQuery): Promise<ExplorerResult>;
export function runExplorer(query: ExplorerQuery): Promise<ExplorerResult> {
  return query.dataset === 'models' ? exploreModels(query) : exploreApps(query);
}

/**
 * The result as the public apps table expects a view. The explorer's window is `range` (any dates), so
 * the view's named window is unused; page 1 of a single page makes the caption read "ranks 1–N of N".
 */
export function appsTableView(result: AppsExplorerResult): AppsView {
  const { query } = result;
  return {
    query: { sort: query.sort, window: 'month', category: query.category ?? null, subcategory: query.subcategory ?? null, page: 1, pageSize: 50 },
    dataDay: result.dataDay,
    range: { start: query.start, end: query.end },
    asOf: result.asOf,
    source: result.source,
    citation: explorerCitation(result).source,
    license: result.source === 'demo' ? null : { text: LICENSE_LINE, url: LICENSE_URL },
    totalRanked: result.rows.length,
    pageCount: 1,
    listedTotal: result.listedTotal.toString(),
    comparable: false,
    rows: result.rows,
  };
}

// ---------------------------------------------------------------------------------------------------
// Exports

export interface ExplorerCitation {
  /** The required citation line, or the demo label for synthetic figures. */
  source: string;
  /** OpenRouter's licence; null for demo figures, which are not OpenRouter's (as on the public pages). */
  license: 'CC BY 4.0' | null;
  licenseUrl: string | null;
  asOf: string;
}

function attributionOf(result: ExplorerResult): ExportAttribution {
  return exportAttribution(BOARDS[result.dataset].endpoint, result.source, result.asOf);
}

export function explorerCitation(result: ExplorerResult): ExplorerCitation {
  const { citation, license } = attributionOf(result);
  return { source: citation, license: license ? 'CC BY 4.0' : null, licenseUrl: license?.url ?? null, asOf: result.asOf };
}

/** The lines that head a CSV export: the citation and the licence with its URL, or the demo label. */
export function citationPreamble(result: ExplorerResult): string[] {
  return attributionPreamble(attributionOf(result));
}

/** Flat rows for CSV and JSON: tokens as exact decimal strings; for models, `other` last so the rows sum to the total. */
export function explorerRows(result: ExplorerResult): ExportTable {
  if (result.dataset === 'apps') return exportTable(APP_COLUMNS, result.rows);
  const rows: ModelShareRow[] = [...result.rows];
  if (result.daysCovered > 0) {
    rows.push({ rank: null, permaslug: OTHER_PERMASLUG, author: null, tokens: result.other, shareBp: result.otherShareBp });
  }
  return exportTable(MODEL_COLUMNS, rows);
}

export interface ExplorerJson {
  citation: ExplorerCitation;
  query: ExplorerQuery;
  rows: ExportRow[];
}

function jsonFrom(result: ExplorerResult, { rows }: ExportTable): ExplorerJson {
  return { citation: explorerCitation(result), query: result.query, rows };
}

export interface ExplorerDownload {
  body: string;
  contentType: string;
  fileName: string;
  rowCount: number;
}

/** The export file for a result: CSV with the citation preamble, or JSON carrying the citation as fields. */
export function explorerDownload(result: ExplorerResult, format: ExportFormat): ExplorerDownload {
  const rows = explorerRows(result);
  const fileName = exportFileName(exportFileParts(result.query), format);
  const body = format === 'csv' ? tableCsv(rows, attributionOf(result)) : jsonFile(jsonFrom(result, rows));
  return { body, contentType: DOWNLOAD_CONTENT_TYPES[format], fileName, rowCount: rows.rows.length };
}

export function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value);
}

/** `tokenboard-<dataset>-<start>-<end>[-<sort>-<filter>]` parts; the filter is the subcategory, the category or `all`. */
export function exportFileParts(query: ExplorerQuery): string[] {
  const parts = [query.dataset, query.start, query.end];
  if (query.dataset === 'apps') parts.push(query.sort, query.subcategory ?? query.category ?? 'all');
  return parts;
}

/** The query in words, for the audit trail: `app-rankings trending coding/cli-agent 2026-10-01..2026-10-07`. */
export function describeExplorerQuery(query: ExplorerQuery): string {
  const window = `${query.start}..${query.end}`;
  if (query.dataset === 'models') return `rankings-daily ${window}`;
  const filter = query.subcategory ? `${query.category}/${query.subcategory}` : (query.category ?? 'all');
  return `app-rankings ${query.sort} ${filter} ${window}`;
}

// ---------------------------------------------------------------------------------------------------
// Failures

export interface ExplorerFailure {
  message: string;
  /** When a retry can succeed, if the data layer knows. */
  retryAfterSeconds: number | null;
}

/** How long to wait, in the largest whole unit that keeps it readable: `45 s`, `12 min`, `3 h 5 min`. */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

const FAILURE_MESSAGES: Record<DatasetsErrorCode, string> = {
  invalid_params: 'The data layer refused the query',
  bad_request: 'OpenRouter rejected the query',
  unauthorized: 'OpenRouter refused the API key; check OPENROUTER_API_KEY',
  rate_limited: 'OpenRouter is rate-limiting our requests',
  budget_exhausted: 'The staff share of the upstream request budget is used up',
  circuit_open: 'Upstream calls are paused after repeated failures',
  upstream_error: 'OpenRouter answered with an error',
  timeout: 'OpenRouter did not answer in time',
  network: 'OpenRouter could not be reached',
  malformed: 'OpenRouter answered with data that does not match the contract',
  shared_state_unavailable: 'The shared state (Redis) is unreachable, so no upstream call can be counted',
};

/** A staff-readable account of a data-layer failure, or null when the error is not one (a bug to rethrow). */
export function explorerFailure(error: unknown): ExplorerFailure | null {
  if (!isDatasetsError(error)) return null;
  const retryAfterSeconds = error.retryAfterSeconds === undefined ? null : Math.max(1, error.retryAfterSeconds);
  const what = FAILURE_MESSAGES[error.code];
  // The query itself was refused: waiting will not help, the reason will.
  if (error.code === 'invalid_params' || error.code === 'bad_request') {
    return { message: `${what}: ${error.message.replace(/\.$/, '')}.`, retryAfterSeconds: null };
  }
  const when = retryAfterSeconds === null ? 'Please try again later.' : `Try again in ${formatWait(retryAfterSeconds)}.`;
  return { message: `${what}. ${when}`, retryAfterSeconds };
}
