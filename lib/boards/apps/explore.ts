import 'server-only';
import { attribution } from '../../attribution';
import type { DataSource } from '../../data-layer';
import { exportTable, type ExportTable } from '../../export/tables';
import { APP_COLUMNS } from './columns';
import type { AppsExplorerQuery } from './board';
import { buildAppsRows } from './rows';
import type { AppsView, AppsViewRow } from './types';
import { loadAppRanks } from './view';

/** The staff explorer over the app rankings: any window, the public views' filters, the staff budget. */

export interface AppsExplorerResult {
  dataset: 'apps';
  query: AppsExplorerQuery;
  source: DataSource;
  asOf: string;
  dataDay: string;
  /** Sum of the listed apps' tokens: the denominator for their shares. */
  listedTotal: bigint;
  /** Up to 200 ranks, shaped like the public apps table's rows. */
  rows: AppsViewRow[];
}

/** Up to 200 ranks, fetched exactly as the public views fetch them, on the staff budget. */
export async function exploreApps(query: AppsExplorerQuery): Promise<AppsExplorerResult> {
  const { rows: ranked, first } = await loadAppRanks(
    { sort: query.sort, category: query.category ?? null, subcategory: query.subcategory ?? null },
    { start: query.start, end: query.end },
    'staff',
  );
  const { rows, listedTotal } = buildAppsRows(ranked, null);
  return { dataset: 'apps', query, source: first.source, asOf: first.meta.asOf, dataDay: first.dataDay, listedTotal, rows };
}

export function appsExplorerTable(result: AppsExplorerResult): ExportTable {
  return exportTable(APP_COLUMNS, result.rows);
}

/**
 * The result as the public apps table expects a view. The explorer's window is `range` (any dates), so
 * the view's named window is unused; page 1 of a single page makes the caption read "ranks 1–N of N".
 */
export function appsTableView(result: AppsExplorerResult): AppsView {
  const { query } = result;
  const { citation, license } = attribution('app-rankings', result.source, result.asOf);
  return {
    query: { sort: query.sort, window: 'month', category: query.category ?? null, subcategory: query.subcategory ?? null, page: 1, pageSize: 50 },
    dataDay: result.dataDay,
    range: { start: query.start, end: query.end },
    asOf: result.asOf,
    source: result.source,
    citation,
    license,
    totalRanked: result.rows.length,
    pageCount: 1,
    listedTotal: result.listedTotal.toString(),
    comparable: false,
    rows: result.rows,
  };
}
