import 'server-only';
import { attribution } from '../../attribution';
import { getDatasets, type Dataset } from '../../data-layer';
import type { AppRanking } from '../../datasets/endpoints';
import type { BudgetPartition } from '../budget';
import { tagPageData } from '../../page-tags';
import type { DateRange } from '../../utc-day';
import { buildAppsRows, pageBounds } from './rows';
import { APPS_MAX_RANKS, type AppsQuery, type AppsRanking, type AppsView } from './types';
import { appsUpstreamRequest, appsViewWindows, partitionFor, UPSTREAM_PAGE } from './view-requests';

/**
 * Up to 200 ranks of one view: upstream offset 0 (limit 100), then offset 100 only when the first page
 * was full. Each is one cached, coalesced request, so a view costs at most 2 upstream calls a data day.
 */
export async function loadAppRanks(
  q: Pick<AppsQuery, 'sort' | 'category' | 'subcategory'>,
  range: Pick<DateRange, 'start' | 'end'>,
  partition: BudgetPartition,
): Promise<{ rows: AppRanking[]; first: Dataset<AppRanking> }> {
  const request = (offset: number) => appsUpstreamRequest(q, range, offset);
  const options = { partition };
  const first = await getDatasets().get('app-rankings', request(0), options);
  if (first.rows.length < UPSTREAM_PAGE) {
    // The last page: a slot middleware reserved for the page after it (lib/view-admission.ts) is not needed.
    getDatasets().release('app-rankings', request(UPSTREAM_PAGE));
    return { rows: first.rows, first };
  }
  const second = await getDatasets().get('app-rankings', request(UPSTREAM_PAGE), options);
  return { rows: [...first.rows, ...second.rows].slice(0, APPS_MAX_RANKS), first };
}

/** Every rank of a view (up to 200) with its comparison; getAppsView is one page of it. */
export async function getAppsRanking(query: Pick<AppsQuery, 'sort' | 'window' | 'category' | 'subcategory'>): Promise<AppsRanking> {
  const datasets = getDatasets();
  const dataDay = datasets.dataDay();
  // The same windows middleware admits the view for (view-requests.ts): the previous one only when compared.
  const [range, previousRange] = appsViewWindows(query, dataDay);
  const comparable = query.category === null;
  const [current, previous] = await Promise.all([
    loadAppRanks(query, range, partitionFor(query)),
    previousRange ? loadAppRanks(query, previousRange, partitionFor(query)) : Promise.resolve(null),
  ]);
  const { rows, listedTotal } = buildAppsRows(current.rows, comparable ? (previous?.rows ?? []) : null);
  const { meta, source } = current.first;
  await tagPageData(dataDay, ['app-rankings']);
  return { dataDay, range: { start: range.start, end: range.end }, asOf: meta.asOf, source, listedTotal: listedTotal.toString(), comparable, rows };
}

/** One page of an app-ranking view, shaped for publishing (what /api/apps returns and pages render). */
export async function getAppsView(query: AppsQuery): Promise<AppsView> {
  const { rows, ...ranking } = await getAppsRanking(query);
  const { from, to } = pageBounds(query.page, query.pageSize);
  return {
    query,
    dataDay: ranking.dataDay,
    range: ranking.range,
    asOf: ranking.asOf,
    source: ranking.source,
    ...attribution('app-rankings', ranking.source, ranking.asOf),
    totalRanked: rows.length,
    pageCount: Math.max(1, Math.ceil(rows.length / query.pageSize)),
    listedTotal: ranking.listedTotal,
    comparable: ranking.comparable,
    rows: rows.slice(from, to),
  };
}
