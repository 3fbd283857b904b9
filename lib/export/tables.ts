import type { Attribution } from '../attribution';
import { toCsv, type CsvColumn } from './csv';

/**
 * Exported tables (staff explorer exports and public downloads) and the attribution each file carries.
 * Each board's columns are in its folder (`lib/boards/<board>/columns.ts`). Tokens are exact decimal
 * strings; shares and changes are plain numbers without `%` or grouping, so spreadsheets and scripts
 * read them as numbers.
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
