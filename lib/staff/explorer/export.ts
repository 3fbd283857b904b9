import 'server-only';
import { attribution, type Attribution } from '../../attribution';
import { BOARDS } from '../../boards';
import { explorerTable, type ExplorerResult } from '../../boards/server';
import { DOWNLOAD_CONTENT_TYPES } from '../../downloads';
import { exportFileName } from '../../export/csv';
import { attributionPreamble, jsonFile, tableCsv, type ExportRow } from '../../export/tables';
import { exportFileParts, type ExplorerQuery, type ExportFormat } from './query';

/** The explorer's exports: the citation its figures carry, and CSV or JSON files of its rows. */

export interface ExplorerCitation {
  /** The required citation line, or the demo label for synthetic figures. */
  source: string;
  /** OpenRouter's licence; null for demo figures, which are not OpenRouter's (as on the public pages). */
  license: 'CC BY 4.0' | null;
  licenseUrl: string | null;
  asOf: string;
}

function attributionOf(result: ExplorerResult): Attribution {
  return attribution(BOARDS[result.dataset].endpoint, result.source, result.asOf);
}

export function explorerCitation(result: ExplorerResult): ExplorerCitation {
  const { citation, license } = attributionOf(result);
  return { source: citation, license: license ? 'CC BY 4.0' : null, licenseUrl: license?.url ?? null, asOf: result.asOf };
}

/** The lines that head a CSV export: the citation and the licence with its URL, or the demo label. */
export function citationPreamble(result: ExplorerResult): string[] {
  return attributionPreamble(attributionOf(result));
}

export interface ExplorerJson {
  citation: ExplorerCitation;
  query: ExplorerQuery;
  rows: ExportRow[];
}

export interface ExplorerDownload {
  body: string;
  contentType: string;
  fileName: string;
  rowCount: number;
}

/** The export file for a result: CSV with the citation preamble, or JSON carrying the citation as fields. */
export function explorerDownload(result: ExplorerResult, format: ExportFormat): ExplorerDownload {
  // Flat rows, tokens as exact decimal strings: each board's table (lib/boards/server.ts).
  const table = explorerTable(result);
  const fileName = exportFileName(exportFileParts(result.query), format);
  const json: ExplorerJson = { citation: explorerCitation(result), query: result.query, rows: table.rows };
  const body = format === 'csv' ? tableCsv(table, attributionOf(result)) : jsonFile(json);
  return { body, contentType: DOWNLOAD_CONTENT_TYPES[format], fileName, rowCount: table.rows.length };
}
