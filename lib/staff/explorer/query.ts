import { EXPLORER_DATASETS, explorerSpecOf, type ExplorerDataset, type ExplorerFilter, type ExplorerQuery } from '../../boards';
import type { ExplorerWindow } from '../../boards/board';
import { refuse, strictParams, type Refusal } from '../../query';
import { addDays, DATASET_START, daysInclusive, isIsoDate, MAX_WINDOW_DAYS } from '../../utc-day';

/**
 * The staff explorer's queries: any window of any board that offers one (lib/boards: each board's
 * `explorer` spec reads its own filters), validated here before anything is fetched; the canonical URL;
 * what the form shows.
 */

export const EXPLORER_PATH = '/staff/explorer';

export type { ExplorerDataset, ExplorerQuery } from '../../boards';

/** Every board's filters, once each, in the registry's order. */
const FILTERS = [...new Set(EXPLORER_DATASETS.flatMap((dataset) => Object.keys(explorerSpecOf(dataset).filters) as ExplorerFilter[]))];

export const EXPLORER_PARAMS = ['dataset', 'start', 'end', ...FILTERS] as const;
export type ExplorerParam = 'dataset' | 'start' | 'end' | ExplorerFilter;

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExplorerInput = { ok: true; query: ExplorerQuery; params: Readonly<Record<string, string>> } | Refusal;

function isExplorerDataset(value: string): value is ExplorerDataset {
  return (EXPLORER_DATASETS as readonly string[]).includes(value);
}

function validateWindow(start: string | undefined, end: string | undefined, dataDay: string): ExplorerWindow | Refusal {
  if (!start) return refuse('start', 'Start date is required (YYYY-MM-DD).');
  if (!end) return refuse('end', 'End date is required (YYYY-MM-DD).');
  if (!isIsoDate(start)) return refuse('start', 'Start date must be a real calendar date written YYYY-MM-DD.');
  if (!isIsoDate(end)) return refuse('end', 'End date must be a real calendar date written YYYY-MM-DD.');
  if (start < DATASET_START) return refuse('start', `Start date must be on or after ${DATASET_START}, the first day of the datasets.`);
  if (end > dataDay) return refuse('end', `End date must be on or before ${dataDay}, the latest UTC day with settled figures.`);
  if (start > end) return refuse('start', 'Start date must not be after the end date.');
  const days = daysInclusive(start, end);
  if (days > MAX_WINDOW_DAYS) return refuse('start', `The window may span at most ${MAX_WINDOW_DAYS} days; this one spans ${days}.`);
  return { start, end };
}

/**
 * Reads an explorer query strictly: every parameter known and given once, a window of settled UTC days
 * (first day of the datasets to `dataDay`, at most 366 days). Every board's filters are validated whichever
 * dataset is asked, and only the asked board's kept. `extraParams` are accepted too and returned untouched.
 */
export function readExplorerQuery(search: URLSearchParams, dataDay: string, extraParams: readonly string[] = []): ExplorerInput {
  const parsed = strictParams(search, [...EXPLORER_PARAMS, ...extraParams]);
  if ('error' in parsed) return refuse(null, `${parsed.error}.`);
  const { values } = parsed;
  const dataset = values.dataset ?? '';
  if (!isExplorerDataset(dataset)) return refuse('dataset', `Dataset must be one of ${EXPLORER_DATASETS.join(', ')}.`);
  const window = validateWindow(values.start, values.end, dataDay);
  if ('ok' in window) return window;
  let query: ExplorerQuery | undefined;
  for (const id of EXPLORER_DATASETS) {
    const read = explorerSpecOf(id).read(window, values);
    if (!read.ok) return read;
    if (id === dataset) query = read.query;
  }
  return { ok: true, query: query!, params: values };
}

/** The canonical query string: fixed order, the board's filters only, unset filters dropped. */
function explorerSearch(query: ExplorerQuery): URLSearchParams {
  const params = new URLSearchParams({ dataset: query.dataset, start: query.start, end: query.end });
  for (const [name, value] of Object.entries(explorerSpecOf(query.dataset).filterValues(query))) if (value) params.set(name, value);
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

/** The query in words, for the audit trail: `app-rankings trending coding/cli-agent 2026-10-01..2026-10-07`. */
export function describeExplorerQuery(query: ExplorerQuery): string {
  return explorerSpecOf(query.dataset).describe(query);
}

/** `tokenboard-<dataset>-<start>-<end>[-<board's parts>]`, e.g. `…-apps-…-trending-coding`. */
export function exportFileParts(query: ExplorerQuery): string[] {
  return [query.dataset, query.start, query.end, ...explorerSpecOf(query.dataset).fileParts(query)];
}

export function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value);
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
  const filters = Object.assign({}, ...EXPLORER_DATASETS.map((dataset) => explorerSpecOf(dataset).filters)) as Record<ExplorerFilter, string>;
  return { dataset: EXPLORER_DATASETS[0]!, start: addDays(dataDay, -29), end: dataDay, ...filters };
}

/** What was submitted, so a refused query can be corrected rather than typed again. */
export function submittedFormValues(search: URLSearchParams, dataDay: string): ExplorerFormValues {
  const defaults = defaultFormValues(dataDay);
  return Object.fromEntries(EXPLORER_PARAMS.map((name) => [name, search.get(name) ?? defaults[name]])) as ExplorerFormValues;
}

export function queryFormValues(query: ExplorerQuery, dataDay: string): ExplorerFormValues {
  return { ...defaultFormValues(dataDay), dataset: query.dataset, start: query.start, end: query.end, ...explorerSpecOf(query.dataset).filterValues(query) };
}
