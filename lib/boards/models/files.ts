import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { boardFile, type DownloadFile, type Provenance } from '../../export/download-files';
import { exportTable } from '../../export/tables';
import { API_CACHE_CONTROL } from '../../http';
import { computeLeaderboard, rangeLeaderboard, shareBasisPoints, type Leaderboard } from '../../rankings/leaderboard';
import { completeMonths, monthRange, previousMonth } from '../../utc-day';
import type { ServedDownload } from '../server';
import type { ModelsDownloadPeriod, ModelsDownloadQuery } from './board';
import { LEADERBOARD_COLUMNS } from './columns';
import { getModelHistory } from './history';

/** A complete month's figures are final: a shared cache may keep its file for a day. */
export const FINAL_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800';

/** The leaderboard of a named window, or of a complete month with its change against the month before. */
export async function serveModelsDownload({ period }: ModelsDownloadQuery, format: DownloadFormat): Promise<ServedDownload> {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const provenance = { source, asOf, dataDay };
  if ('window' in period) {
    return { ...modelsDownloadFile(computeLeaderboard(history, period.window, dataDay), period, provenance, format), cacheControl: API_CACHE_CONTROL };
  }
  const board = rangeLeaderboard(history, monthRange(period.month)!, monthRange(previousMonth(period.month))!);
  // Validated against the clock's data day; the history held may still be a day behind it.
  const final = completeMonths(dataDay).includes(period.month);
  return { ...modelsDownloadFile(board, period, provenance, format), cacheControl: final ? FINAL_CACHE_CONTROL : API_CACHE_CONTROL };
}

/** Every row of a model leaderboard with its share of all tokens and its change against the period before. */
export function modelsDownloadFile(board: Leaderboard, period: ModelsDownloadPeriod, provenance: Provenance, format: DownloadFormat): DownloadFile {
  const rows = board.rows.map((row) => ({ ...row, shareBp: shareBasisPoints(row.tokens, board.total) }));
  const range = (r: Leaderboard['range']) => ({ start: r.start, end: r.end });
  return boardFile(
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
