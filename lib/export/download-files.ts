import { attribution, type Attribution } from '../attribution';
import type { AppsRanking } from '../boards/apps/types';
import type { DataSource } from '../datasets/client';
import { BOARDS, downloadSpecOf, type DownloadQuery } from '../boards';
import type { AppsDownloadView } from '../boards/apps/url';
import type { ModelsDownloadPeriod } from '../boards/models/board';
import { DOWNLOAD_CONTENT_TYPES, type DownloadFormat } from '../downloads';
import { shareBasisPoints, type Leaderboard } from '../rankings/leaderboard';
import type { ModelProfile } from '../rankings/model-profile';
import { exportFileName } from './csv';
import {
  APP_COLUMNS,
  APP_MOVEMENT_COLUMNS,
  exportTable,
  jsonFile,
  LEADERBOARD_COLUMNS,
  MODEL_HISTORY_COLUMNS,
  tableCsv,
  type ExportTable,
} from './tables';

/**
 * The files behind `/download/*`: each public table as CSV (citation and licence heading the file) or
 * JSON (the same rows, with the attribution as fields). Pure: the route handler loads the data.
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
function file(query: DownloadQuery, provenance: Provenance, table: ExportTable, fields: Readonly<Record<string, unknown>>, format: DownloadFormat): DownloadFile {
  const cited = attribution(BOARDS[query.table].endpoint, provenance.source, provenance.asOf);
  const fileName = downloadFileName(query, provenance.dataDay, format);
  if (format === 'csv') return { body: tableCsv(table, cited), contentType: DOWNLOAD_CONTENT_TYPES.csv, fileName };
  const head: DownloadJsonHead = { ...cited, source: provenance.source, dataDay: provenance.dataDay, asOf: provenance.asOf, query: downloadSpecOf(query).fields(query) };
  return { body: jsonFile({ ...head, ...fields, rows: table.rows }), contentType: DOWNLOAD_CONTENT_TYPES.json, fileName };
}

/** Every row of a model leaderboard with its share of all tokens and its change against the period before. */
export function modelsDownloadFile(board: Leaderboard, period: ModelsDownloadPeriod, provenance: Provenance, format: DownloadFormat): DownloadFile {
  const rows = board.rows.map((row) => ({ ...row, shareBp: shareBasisPoints(row.tokens, board.total) }));
  const range = (r: Leaderboard['range']) => ({ start: r.start, end: r.end });
  return file(
    { table: 'models', period },
    provenance,
    exportTable(LEADERBOARD_COLUMNS, rows),
    {
      range: range(board.range),
      previousRange: range(board.previousRange),
      daysCovered: board.daysCovered,
      total: board.total.toString(),
      other: board.other.toString(),
      previousTotal: board.previousTotal.toString(),
    },
    format,
  );
}

/** Every rank of an app view (up to 200), with rank movement where the page shows it. */
export function appsDownloadFile(ranking: AppsRanking, view: AppsDownloadView, format: DownloadFormat): DownloadFile {
  return file(
    { table: 'apps', view },
    ranking,
    exportTable(ranking.comparable ? APP_MOVEMENT_COLUMNS : APP_COLUMNS, ranking.rows),
    { range: ranking.range, listedTotal: ranking.listedTotal, comparable: ranking.comparable },
    format,
  );
}

/** A model's every day from its first day in a top 50 to the data day, oldest first. */
export function modelHistoryDownloadFile(profile: ModelProfile, provenance: Provenance, format: DownloadFormat): DownloadFile {
  return file(
    { table: 'model', permaslug: profile.permaslug },
    provenance,
    exportTable(MODEL_HISTORY_COLUMNS, profile.points),
    { permaslug: profile.permaslug, author: profile.author },
    format,
  );
}
