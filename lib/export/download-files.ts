import type { AppsRanking } from '../boards/apps/types';
import type { DataSource } from '../datasets/client';
import { DOWNLOAD_CONTENT_TYPES, type AppsDownloadView, type DownloadFormat, type ModelsDownloadPeriod } from '../downloads';
import { shareBasisPoints, type Leaderboard } from '../rankings/leaderboard';
import type { ModelProfile } from '../rankings/model-profile';
import { exportFileName } from './csv';
import type { DownloadQuery } from './download-query';
import {
  APP_COLUMNS,
  APP_MOVEMENT_COLUMNS,
  exportAttribution,
  exportTable,
  jsonFile,
  LEADERBOARD_COLUMNS,
  MODEL_HISTORY_COLUMNS,
  tableCsv,
  type ExportAttribution,
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
export interface DownloadJsonHead extends ExportAttribution {
  source: DataSource;
  dataDay: string;
  asOf: string;
  query: Readonly<Record<string, string | null>>;
}

/** `tokenboard-models-week-2026-11-29`, `tokenboard-models-2025-03`, `tokenboard-apps-trending-week-coding-2026-11-29`, `tokenboard-model-openai-gpt-4o-2026-11-29`. */
export function downloadFileName(query: DownloadQuery, dataDay: string, format: DownloadFormat): string {
  if (query.table === 'models') {
    const { period } = query;
    return exportFileName('month' in period ? ['models', period.month] : ['models', period.window, dataDay], format);
  }
  if (query.table === 'apps') {
    const { sort, window, category, subcategory } = query.view;
    return exportFileName(['apps', sort, window, subcategory ?? category ?? 'all', dataDay], format);
  }
  return exportFileName(['model', query.permaslug, dataDay], format);
}

function file(
  query: DownloadQuery,
  provenance: Provenance,
  attribution: ExportAttribution,
  table: ExportTable,
  fields: Readonly<Record<string, unknown>>,
  format: DownloadFormat,
): DownloadFile {
  const fileName = downloadFileName(query, provenance.dataDay, format);
  if (format === 'csv') return { body: tableCsv(table, attribution), contentType: DOWNLOAD_CONTENT_TYPES.csv, fileName };
  const head: DownloadJsonHead = { ...attribution, source: provenance.source, dataDay: provenance.dataDay, asOf: provenance.asOf, query: queryFields(query) };
  return { body: jsonFile({ ...head, ...fields, rows: table.rows }), contentType: DOWNLOAD_CONTENT_TYPES.json, fileName };
}

/** The query as resolved (defaults filled in), echoed in JSON so a file says what it holds. */
function queryFields(query: DownloadQuery): Record<string, string | null> {
  if (query.table === 'models') return 'month' in query.period ? { month: query.period.month } : { window: query.period.window };
  if (query.table === 'apps') {
    const { sort, window, category, subcategory } = query.view;
    return { sort, window, category, subcategory };
  }
  return { id: query.permaslug };
}

/** Every row of a model leaderboard with its share of all tokens and its change against the period before. */
export function modelsDownloadFile(board: Leaderboard, period: ModelsDownloadPeriod, provenance: Provenance, format: DownloadFormat): DownloadFile {
  const rows = board.rows.map((row) => ({ ...row, shareBp: shareBasisPoints(row.tokens, board.total) }));
  const range = (r: Leaderboard['range']) => ({ start: r.start, end: r.end });
  return file(
    { table: 'models', period },
    provenance,
    exportAttribution('models', provenance.source, provenance.asOf),
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
    exportAttribution('apps', ranking.source, ranking.asOf),
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
    exportAttribution('models', provenance.source, provenance.asOf),
    exportTable(MODEL_HISTORY_COLUMNS, profile.points),
    { permaslug: profile.permaslug, author: profile.author },
    format,
  );
}
