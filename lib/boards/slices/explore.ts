import 'server-only';
import { getDatasets, type DataSource } from '../../data-layer';
import type { DatasetsClient } from '../../datasets/client';
import { OTHER_PERMASLUG } from '../../datasets/endpoints';
import { exportTable, type ExportTable } from '../../export/tables';
import { authorOf, daysIn } from '../../rankings/history';
import { rankedModelTotals, shareBasisPoints } from '../../rankings/leaderboard';
import type { ExplorerWindow } from '../board';
import type { ModelTotalRow } from '../models/explore';
import { wholeWeeksOf, type SlicesExplorerQuery } from './board';
import { SLICE_EXPLORER_COLUMNS, type SliceTotalRow } from './columns';
import { buildSliceHistory } from './rows';
import { sliceById, type Slice } from './slices';
import type { SliceQuery } from './windows';

/**
 * The staff explorer over one slice of the model rankings: any window, paid from the staff budget.
 * Exact slices are read per day over the window; sampled ones per week, over the whole ISO weeks inside
 * the window (the upstream refuses their days, and its trailing weekly bucket may run past the end date).
 */

export interface SlicesExplorerResult {
  dataset: 'slices';
  query: SlicesExplorerQuery;
  source: DataSource;
  asOf: string;
  dataDay: string;
  grain: 'day' | 'week';
  /** Upsampled weekly estimates (sampled slices): every figure shown or exported says so. */
  estimated: boolean;
  /** The days the figures cover: the window, or the whole weeks inside it. */
  range: ExplorerWindow;
  /** All tokens of the range, every bucket's `other` included: the denominator for shares. */
  total: bigint;
  other: bigint;
  otherShareBp: number;
  /** Days (or weeks) of the range the upstream reported. */
  bucketsCovered: number;
  rows: ModelTotalRow[];
}

/** The request of an explorer query: the window per day, or its whole weeks per week; null when a sampled window holds none. */
export function explorerRequest(slice: Slice, window: ExplorerWindow): { range: ExplorerWindow; query: SliceQuery } | null {
  const range = slice.sampled ? wholeWeeksOf(window) : window;
  if (!range) return null;
  return { range, query: { startDate: range.start, endDate: range.end, ...(slice.sampled ? { period: 'week' as const } : {}), ...slice.filter } };
}

export async function exploreSlices(query: SlicesExplorerQuery): Promise<SlicesExplorerResult> {
  return exploreSlicesWith(getDatasets(), query);
}

/** The explorer's figures through `client` (the data layer's, or a test's), on the staff partition. */
export async function exploreSlicesWith(client: Pick<DatasetsClient<'staff'>, 'get'>, query: SlicesExplorerQuery): Promise<SlicesExplorerResult> {
  const slice = sliceById(query.slice)!;
  // The query's reader refused a sampled window without a whole week.
  const request = explorerRequest(slice, query)!;
  const dataset = await client.get('rankings-daily', request.query, { partition: 'staff' });
  const history = buildSliceHistory(slice, dataset.rows, dataset.dataDay);
  const buckets = daysIn(history.buckets, request.range);
  let total = 0n;
  let other = 0n;
  for (const bucket of buckets) {
    total += bucket.total;
    other += bucket.other;
  }
  const rows = rankedModelTotals(buckets).map((model, index) => ({
    rank: index + 1,
    permaslug: model.permaslug,
    author: authorOf(model.permaslug),
    tokens: model.tokens,
    shareBp: shareBasisPoints(model.tokens, total),
  }));
  return {
    dataset: 'slices',
    query,
    source: dataset.source,
    asOf: dataset.meta.asOf,
    dataDay: dataset.dataDay,
    grain: history.grain,
    estimated: history.estimated,
    range: request.range,
    total,
    other,
    otherShareBp: shareBasisPoints(other, total),
    bucketsCovered: buckets.length,
    rows,
  };
}

/** Flat rows for CSV and JSON, `other` last so the rows sum to the total; each says whether it is an estimate. */
export function slicesExplorerTable(result: SlicesExplorerResult): ExportTable {
  const rows: SliceTotalRow[] = result.rows.map((row) => ({ ...row, estimated: result.estimated }));
  if (result.bucketsCovered > 0) {
    rows.push({ rank: null, permaslug: OTHER_PERMASLUG, author: null, tokens: result.other, shareBp: result.otherShareBp, estimated: result.estimated });
  }
  return exportTable(SLICE_EXPLORER_COLUMNS, rows);
}
