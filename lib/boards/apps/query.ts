import { refuse, type Parsed } from '../../query';
import { APP_CATEGORIES, isAppCategory, isAppSubcategory, categoryOf } from '../../datasets/endpoints/app-rankings/values';
import { APP_SORTS } from '../../datasets/endpoints/app-rankings/values';
import { maxPage } from './rows';
import { APPS_PAGE_SIZES, APPS_WINDOWS, DEFAULT_APPS_QUERY, type AppsPageSize, type AppsQuery } from './types';

/**
 * The one validator of app-ranking views, for GET /api/apps and the pages alike. Strict: every value
 * must be one the site publishes, or the request is refused before anything is fetched.
 */
export type AppsQueryResult = Parsed<AppsQuery>;

const fail = (param: string, message: string): AppsQueryResult => refuse(param, `${param} ${message}`);

/** The parameters of GET /api/apps: a view and one of its pages (the pages' URLs carry the same). */
export const APPS_API_PARAMS = ['sort', 'window', 'category', 'subcategory', 'page', 'pageSize'] as const satisfies readonly (keyof AppsQuery)[];

const WHOLE = /^[1-9]\d{0,2}$/;

export function validateAppsQuery(values: Partial<Record<keyof AppsQuery, string>>): AppsQueryResult {
  const q: AppsQuery = { ...DEFAULT_APPS_QUERY };
  if (values.sort !== undefined) {
    if (!(APP_SORTS as readonly string[]).includes(values.sort)) return fail('sort', `must be one of ${APP_SORTS.join(', ')}`);
    q.sort = values.sort as AppsQuery['sort'];
  }
  if (values.window !== undefined) {
    if (!(APPS_WINDOWS as readonly string[]).includes(values.window)) return fail('window', `must be one of ${APPS_WINDOWS.join(', ')}`);
    q.window = values.window as AppsQuery['window'];
  }
  if (values.category !== undefined) {
    if (!isAppCategory(values.category)) return fail('category', `must be one of ${Object.keys(APP_CATEGORIES).join(', ')}`);
    q.category = values.category;
  }
  if (values.subcategory !== undefined) {
    if (!isAppSubcategory(values.subcategory)) return fail('subcategory', 'is not a known subcategory');
    if (q.category && categoryOf(values.subcategory) !== q.category) {
      return fail('subcategory', `${values.subcategory} is not in category ${q.category}`);
    }
    q.subcategory = values.subcategory;
    q.category = categoryOf(values.subcategory);
  }
  if (values.pageSize !== undefined) {
    const size = Number(values.pageSize);
    if (!WHOLE.test(values.pageSize) || !(APPS_PAGE_SIZES as readonly number[]).includes(size)) {
      return fail('pageSize', `must be one of ${APPS_PAGE_SIZES.join(', ')}`);
    }
    q.pageSize = size as AppsPageSize;
  }
  if (values.page !== undefined) {
    const page = Number(values.page);
    if (!WHOLE.test(values.page) || page > maxPage(q.pageSize)) {
      return fail('page', `must be a whole number from 1 to ${maxPage(q.pageSize)} (at most 200 ranks are published)`);
    }
    q.page = page;
  }
  return { ok: true, query: q };
}
