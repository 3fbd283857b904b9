import { validateAppsQuery } from '../boards/apps/query';
import type { AppsDownloadView, DownloadTable, ModelsDownloadPeriod } from '../downloads';
import { strictParams } from '../http';
import { DEFAULT_MODELS_WINDOW } from '../routes';
import { completeMonths, isWindowName, MONTH_PATTERN, WINDOW_NAMES } from '../utc-day';

/**
 * Reads the query string of a public download strictly, before anything is fetched: every parameter
 * known and given once, every value one the site publishes. Messages name the parameter at fault.
 */

export type DownloadQuery =
  | { table: 'models'; period: ModelsDownloadPeriod }
  | { table: 'apps'; view: AppsDownloadView }
  | { table: 'model'; permaslug: string };

export type DownloadQueryResult = { ok: true; query: DownloadQuery } | { ok: false; param: string; message: string };

const fail = (param: string, message: string): DownloadQueryResult => ({ ok: false, param, message });

const PARAMS: Record<DownloadTable, readonly string[]> = {
  models: ['window', 'month'],
  apps: ['sort', 'window', 'category', 'subcategory'],
  model: ['id'],
};

// Paging belongs to the pages: a download holds every rank of the view.
const PAGE_PARAMS = ['page', 'pageSize'];

const MAX_PERMASLUG_LENGTH = 300;

function readModels(values: Record<string, string>, dataDay: string): DownloadQueryResult {
  const { window, month } = values;
  if (window !== undefined && month !== undefined) {
    return fail('month', 'window and month cannot be combined: give a window (the last days) or a month (a calendar month), not both');
  }
  if (month !== undefined) {
    if (!MONTH_PATTERN.test(month)) return fail('month', 'month must be a calendar month written YYYY-MM, such as 2025-03');
    const months = completeMonths(dataDay);
    if (!months.includes(month)) {
      const span = months.length > 0 ? `from ${months[0]} to ${months.at(-1)}` : 'once the first one has ended';
      return fail('month', `month must be a complete calendar month of the datasets, ${span}`);
    }
    return { ok: true, query: { table: 'models', period: { month } } };
  }
  const name = window ?? DEFAULT_MODELS_WINDOW;
  if (!isWindowName(name)) return fail('window', `window must be one of ${WINDOW_NAMES.join(', ')}`);
  return { ok: true, query: { table: 'models', period: { window: name } } };
}

function readApps(values: Record<string, string>): DownloadQueryResult {
  const result = validateAppsQuery(values);
  if (!result.ok) return fail(result.param, result.message);
  const { sort, window, category, subcategory } = result.query;
  return { ok: true, query: { table: 'apps', view: { sort, window, category, subcategory } } };
}

function readModel(values: Record<string, string>): DownloadQueryResult {
  const { id } = values;
  if (id === undefined || id === '') return fail('id', 'id is required: the model permaslug, such as deepseek/deepseek-chat-v3.1');
  // A permaslug is printable text; anything longer or with control characters names no model.
  if (id.length > MAX_PERMASLUG_LENGTH || /\p{Cc}/u.test(id)) {
    return fail('id', `id must be a model permaslug of at most ${MAX_PERMASLUG_LENGTH} printable characters`);
  }
  return { ok: true, query: { table: 'model', permaslug: id } };
}

/** `dataDay` is the current data day (a clock reading, not a data call): it bounds the complete months. */
export function readDownloadQuery(table: DownloadTable, search: URLSearchParams, dataDay: string): DownloadQueryResult {
  if (table === 'apps') {
    const paging = [...search.keys()].find((name) => PAGE_PARAMS.includes(name));
    if (paging) return fail(paging, `${paging} is not a parameter of a download: the file holds every rank of the view (up to 200)`);
  }
  const parsed = strictParams(search, PARAMS[table]);
  if ('error' in parsed) return fail(parsed.param, parsed.error);
  if (table === 'models') return readModels(parsed.values, dataDay);
  if (table === 'apps') return readApps(parsed.values);
  return readModel(parsed.values);
}
