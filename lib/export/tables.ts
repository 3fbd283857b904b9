import type { AppsViewRow } from '../boards/apps/types';
import type { Attribution } from '../attribution';
import type { ModelDayPoint } from '../rankings/model-profile';
import { toCsv, type CsvColumn } from './csv';

/**
 * The columns of every exported table (staff explorer exports and public downloads), and the attribution
 * each file carries. Tokens are exact decimal strings; shares and changes are plain numbers without `%`
 * or grouping, so spreadsheets and scripts read them as numbers.
 */

export type ExportValue = string | number | boolean | null;
export type ExportRow = Readonly<Record<string, ExportValue>>;

export interface ExportColumn<T> {
  name: string;
  value: (row: T) => ExportValue;
}

export interface ExportTable {
  /** Column names in order; every row has exactly these keys. */
  columns: readonly string[];
  rows: ExportRow[];
}

export function exportTable<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): ExportTable {
  return {
    columns: columns.map((column) => column.name),
    rows: rows.map((row) => Object.fromEntries(columns.map((column) => [column.name, column.value(row)]))),
  };
}

/** Basis points as a percentage with two decimals: 1234 → `12.34`. */
export function sharePercent(shareBp: number): string {
  return (shareBp / 100).toFixed(2);
}

// ---------------------------------------------------------------------------------------------------
// Models

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

/** One day of a model's history; tokens and share are empty on days outside the top 50 (they are inside `other` then). */
export const MODEL_HISTORY_COLUMNS: readonly ExportColumn<ModelDayPoint>[] = [
  { name: 'date', value: (point) => point.date },
  { name: 'rank', value: (point) => point.rank },
  { name: 'total_tokens', value: (point) => (point.rank === null ? null : point.tokens.toString()) },
  { name: 'share_percent', value: (point) => (point.rank === null ? null : sharePercent(point.shareBp)) },
  { name: 'day_total_tokens', value: (point) => point.dayTotal.toString() },
];

// ---------------------------------------------------------------------------------------------------
// Apps

export const APP_COLUMNS: readonly ExportColumn<AppsViewRow>[] = [
  { name: 'rank', value: (row) => row.rank },
  { name: 'app_id', value: (row) => row.appId },
  { name: 'app_name', value: (row) => row.appName },
  { name: 'total_tokens', value: (row) => row.tokens },
  { name: 'total_requests', value: (row) => row.requests },
  { name: 'tokens_per_request', value: (row) => row.tokensPerRequest },
  { name: 'share_percent', value: (row) => sharePercent(row.shareBp) },
];

/** For views compared with the previous window (unfiltered ones), as the public table shows them. */
export const APP_MOVEMENT_COLUMNS: readonly ExportColumn<AppsViewRow>[] = [
  ...APP_COLUMNS,
  { name: 'movement', value: (row) => row.movement },
  { name: 'is_new', value: (row) => row.isNew },
];

// ---------------------------------------------------------------------------------------------------
// Attribution and rendering

/** The lines that head a CSV file: the citation and the licence with its URL, or the demo label alone. */
export function attributionPreamble({ citation, license }: Attribution): string[] {
  return license ? [citation, `${license.text} ${license.url}`] : [citation];
}

function exportCell(value: ExportValue): string {
  return value === null ? '' : String(value);
}

/** The table as a CSV file (BOM, CRLF, formula guard), headed by the attribution. */
export function tableCsv({ columns, rows }: ExportTable, attribution: Attribution): string {
  const csvColumns: CsvColumn<ExportRow>[] = columns.map((name) => ({ header: name, value: (row) => exportCell(row[name] ?? null) }));
  return toCsv(csvColumns, rows, attributionPreamble(attribution));
}

/** Pretty-printed with a final newline, as a file should be. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
