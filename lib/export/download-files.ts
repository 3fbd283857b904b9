import { attribution, type Attribution } from '../attribution';
import type { DataSource } from '../datasets/client';
import { BOARDS, downloadSpecOf, type DownloadQuery } from '../boards';
import { DOWNLOAD_CONTENT_TYPES, type DownloadFormat } from '../downloads';
import { exportFileName } from './csv';
import { jsonFile, tableCsv, type ExportTable } from './tables';

/**
 * The files behind `/download/*`: each public table as CSV (citation and licence heading the file) or
 * JSON (the same rows, with the attribution as fields). Pure: each board's `files.ts` loads its figures
 * and names its table and fields.
 */

export interface DownloadFile {
  body: string;
  contentType: string;
  fileName: string;
}

export interface Provenance {
  source: DataSource;
  asOf: string;
  /** The data day the figures were published on; it dates every file name but a month's. */
  dataDay: string;
}

/** What every JSON download starts with; the table's own fields and `rows` follow. */
export interface DownloadJsonHead extends Attribution {
  source: DataSource;
  dataDay: string;
  asOf: string;
  query: Readonly<Record<string, string | null>>;
}

/** `tokenboard-models-week-2026-11-29`, `tokenboard-models-2025-03`, `tokenboard-apps-trending-week-coding-2026-11-29`, `tokenboard-model-openai-gpt-4o-2026-11-29`. */
export function downloadFileName(query: DownloadQuery, dataDay: string, format: DownloadFormat): string {
  return exportFileName(downloadSpecOf(query).fileParts(query, dataDay), format);
}

/**
 * A board's file: CSV headed by the citation of the board's upstream operation and the licence, or JSON
 * with the attribution, provenance and the resolved query as fields, then the table's own `fields`, then
 * the rows.
 */
export function boardFile(query: DownloadQuery, provenance: Provenance, table: ExportTable, fields: Readonly<Record<string, unknown>>, format: DownloadFormat): DownloadFile {
  const cited = attribution(BOARDS[query.table].endpoint, provenance.source, provenance.asOf);
  const fileName = downloadFileName(query, provenance.dataDay, format);
  if (format === 'csv') return { body: tableCsv(table, cited), contentType: DOWNLOAD_CONTENT_TYPES.csv, fileName };
  const head: DownloadJsonHead = { ...cited, source: provenance.source, dataDay: provenance.dataDay, asOf: provenance.asOf, query: downloadSpecOf(query).fields(query) };
  return { body: jsonFile({ ...head, ...fields, rows: table.rows }), contentType: DOWNLOAD_CONTENT_TYPES.json, fileName };
}
