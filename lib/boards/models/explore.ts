import 'server-only';
import { getDatasets, type DataSource } from '../../data-layer';
import { OTHER_PERMASLUG } from '../../datasets/endpoints';
import { exportTable, type ExportTable } from '../../export/tables';
import { MODEL_COLUMNS, type ModelShareRow } from './columns';
import { authorOf, buildHistory, daysIn, type ModelHistory } from '../../rankings/history';
import { rankedModelTotals, shareBasisPoints } from '../../rankings/leaderboard';
import type { ModelsExplorerQuery } from './board';

/** The staff explorer over the daily rankings: any window, paid from the staff budget. */

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

export interface ModelsExplorerResult {
  dataset: 'models';
  query: ModelsExplorerQuery;
  source: DataSource;
  asOf: string;
  dataDay: string;
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

export async function exploreModels(query: ModelsExplorerQuery): Promise<ModelsExplorerResult> {
  const dataset = await getDatasets().get('rankings-daily', { startDate: query.start, endDate: query.end }, { partition: 'staff' });
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

/** Flat rows for CSV and JSON, `other` last so the rows sum to the total. */
export function modelsExplorerTable(result: ModelsExplorerResult): ExportTable {
  const rows: ModelShareRow[] = [...result.rows];
  if (result.daysCovered > 0) {
    rows.push({ rank: null, permaslug: OTHER_PERMASLUG, author: null, tokens: result.other, shareBp: result.otherShareBp });
  }
  return exportTable(MODEL_COLUMNS, rows);
}
