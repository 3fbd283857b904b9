import { sharePercent, type ExportColumn } from '../../export/tables';
import { MODEL_COLUMNS, type ModelShareRow } from '../models/columns';
import type { SliceLeaderboard, SliceLeaderboardRow } from './rows';

// The columns of a slice board's downloads and of its staff explorer exports.

/** A row of a slice board's file: the leaderboard's, and whether its figures are estimates. */
export interface SliceExportRow extends SliceLeaderboardRow {
  estimated: boolean;
  /** Change, previous rank, movement and NEW are shown only when the previous period lies inside the data. */
  comparable: boolean;
}

const whenComparable =
  <T>(value: (row: SliceExportRow) => T) =>
  (row: SliceExportRow): T | null =>
    row.comparable ? value(row) : null;

export const SLICE_COLUMNS: readonly ExportColumn<SliceExportRow>[] = [
  { name: 'rank', value: (row) => row.rank },
  { name: 'model_permaslug', value: (row) => row.permaslug },
  { name: 'author', value: (row) => row.author },
  { name: 'total_tokens', value: (row) => row.tokens.toString() },
  { name: 'share_percent', value: (row) => sharePercent(row.shareBp) },
  { name: 'previous_total_tokens', value: whenComparable((row) => row.previousTokens.toString()) },
  { name: 'change_percent', value: whenComparable((row) => row.changePct) },
  { name: 'previous_rank', value: whenComparable((row) => row.previousRank) },
  { name: 'movement', value: whenComparable((row) => row.movement) },
  { name: 'is_new', value: whenComparable((row) => row.isNew) },
  { name: 'estimated', value: (row) => row.estimated },
];

/** A board's rows as its file's: every row says whether it is an estimate and whether it is compared. */
export function sliceExportRows(board: Pick<SliceLeaderboard, 'rows' | 'estimated' | 'comparable'>): SliceExportRow[] {
  return board.rows.map((row) => ({ ...row, estimated: board.estimated, comparable: board.comparable }));
}

/** A model's tokens over a staff explorer window of a slice; the `other` row has no rank or author. */
export interface SliceTotalRow extends ModelShareRow {
  estimated: boolean;
}

export const SLICE_EXPLORER_COLUMNS: readonly ExportColumn<SliceTotalRow>[] = [...MODEL_COLUMNS, { name: 'estimated', value: (row) => row.estimated }];
