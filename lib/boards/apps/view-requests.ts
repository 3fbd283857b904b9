import { appRankingsUpstreamQuery, type AppRankingsQuery, type ResolvedAppRankingsQuery } from '../../datasets/endpoints/app-rankings';
import { requestKey } from '../../datasets/keys';
import type { BudgetPartition } from '../budget';
import { addDays, previousWindowRange, windowRange, type DateRange } from '../../utc-day';
import type { ViewRequests } from '../../view-admission';
import { DEFAULT_APPS_QUERY, type AppsQuery } from './types';

/** The upstream requests of an app-ranking view, as pure functions: view.ts loads them, middleware.ts admits them. */

export const UPSTREAM_PAGE = 100;

/**
 * The default view (and its comparison window) is what most visitors and the home page see: it is
 * core traffic. Every other sort/window/category combination is paid from the `apps` partition, which
 * can never eat into the core reserve.
 */
export function partitionFor(q: Pick<AppsQuery, 'sort' | 'window' | 'category'>): BudgetPartition {
  return q.sort === DEFAULT_APPS_QUERY.sort && q.window === DEFAULT_APPS_QUERY.window && q.category === null ? 'core' : 'apps';
}

/** One upstream page (limit 100) of a view's window. */
export function appsUpstreamRequest(q: Pick<AppsQuery, 'sort' | 'category' | 'subcategory'>, range: Pick<DateRange, 'start' | 'end'>, offset: number) {
  const filter = q.subcategory ? { subcategory: q.subcategory } : q.category ? { category: q.category } : {};
  return { sort: q.sort, ...filter, startDate: range.start, endDate: range.end, limit: UPSTREAM_PAGE, offset } satisfies AppRankingsQuery & ResolvedAppRankingsQuery;
}

/** The windows a view reads on `dataDay`: the current one, and the previous one when the view is compared (unfiltered). */
export function appsViewWindows(q: Pick<AppsQuery, 'window' | 'category'>, dataDay: string): [DateRange] | [DateRange, DateRange] {
  const previous = previousWindowRange(q.window, dataDay);
  return q.category === null && previous.days > 0 ? [windowRange(q.window, dataDay), previous] : [windowRange(q.window, dataDay)];
}

/** The request keys a view starts with on `dataDay` (see lib/view-admission.ts). */
export function appsViewRequests(q: Pick<AppsQuery, 'sort' | 'window' | 'category' | 'subcategory'>, dataDay: string): ViewRequests {
  const key = (range: DateRange, offset: number) => requestKey('app-rankings', appRankingsUpstreamQuery(appsUpstreamRequest(q, range, offset)));
  return {
    partition: partitionFor(q),
    calls: appsViewWindows(q, dataDay).map((range) => ({ first: key(range, 0), next: key(range, UPSTREAM_PAGE) })),
    full: q.category === null,
    before: appsViewWindows(q, addDays(dataDay, -1)).map((range) => key(range, 0)),
  };
}
