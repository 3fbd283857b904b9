import { sharePercent, type ExportColumn } from '../../export/tables';

// The columns of the models board's downloads and of its staff explorer exports.

/** A model's tokens over a period and its share of all tokens; the `other` row has no rank or author. */
export interface ModelShareRow {
  rank: number | null;
  permaslug: string;
  author: string | null;
  tokens: bigint;
  shareBp: number;
}

export const MODEL_COLUMNS: readonly ExportColumn<ModelShareRow>[] = [
  { name: 'rank', value: (row) => row.rank },
  { name: 'model_permaslug', value: (row) => row.permaslug },
  { name: 'author', value: (row) => row.author },
  { name: 'total_tokens', value: (row) => row.tokens.toString() },
  { name: 'share_percent', value: (row) => sharePercent(row.shareBp) },
];

/** A leaderboard row with its comparison against the previous equal period. */
export interface LeaderboardExportRow extends ModelShareRow {
  previousTokens: bigint;
  changePct: number | null;
  previousRank: number | null;
  movement: number | null;
  isNew: boolean;
}

export const LEADERBOARD_COLUMNS: readonly ExportColumn<LeaderboardExportRow>[] = [
  ...MODEL_COLUMNS,
  { name: 'previous_total_tokens', value: (row) => row.previousTokens.toString() },
  { name: 'change_percent', value: (row) => row.changePct },
  { name: 'previous_rank', value: (row) => row.previousRank },
  { name: 'movement', value: (row) => row.movement },
  { name: 'is_new', value: (row) => row.isNew },
];
