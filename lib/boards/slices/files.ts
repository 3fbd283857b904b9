import 'server-only';
import type { DownloadFormat } from '../../downloads';
import { boardFile, type DownloadFile, type Provenance } from '../../export/download-files';
import { exportTable } from '../../export/tables';
import { API_CACHE_CONTROL } from '../../http';
import type { ServedDownload } from '../server';
import type { SlicesDownloadQuery } from './board';
import { SLICE_COLUMNS, sliceExportRows } from './columns';
import type { SliceLeaderboard } from './rows';
import { filterEntry, sliceById, type Slice } from './slices';
import { loadSliceView } from './view';

/** What a file of a sampled slice says about its figures, in its JSON fields (each CSV row says `estimated`). */
export const ESTIMATED_NOTICE =
  'Estimated: OpenRouter classifies a sample of the traffic and upsamples it, so these figures are weekly estimates, not counts.';

/** A window of a slice board; null when no part of the window lies inside the data yet. */
export async function serveSlicesDownload(query: SlicesDownloadQuery, format: DownloadFormat): Promise<ServedDownload | null> {
  // Validated against the registry's slices: the id names one.
  const slice = sliceById(query.slice)!;
  const view = await loadSliceView(slice, query.window);
  if (!view) return null;
  const { asOf, dataDay, source } = view;
  return { ...slicesDownloadFile(slice, view.board, { source, asOf, dataDay }, format), cacheControl: API_CACHE_CONTROL };
}

/** Every row of a slice board's window with its share of the slice and, when comparable, its change against the period before. */
export function slicesDownloadFile(slice: Slice, board: SliceLeaderboard, provenance: Provenance, format: DownloadFormat): DownloadFile {
  const range = (r: SliceLeaderboard['range']) => ({ start: r.start, end: r.end });
  const [filter, value] = filterEntry(slice);
  return boardFile(
    { table: 'slices', slice: slice.id, window: board.window },
    provenance,
    exportTable(SLICE_COLUMNS, sliceExportRows(board)),
    {
      label: slice.label,
      meaning: slice.meaning,
      filter: { [filter]: value },
      grain: board.grain,
      estimated: board.estimated,
      notice: board.estimated ? ESTIMATED_NOTICE : null,
      range: range(board.range),
      previousRange: range(board.previousRange),
      comparable: board.comparable,
      coverage: board.coverage,
      total: board.total.toString(),
      other: board.other.toString(),
      previousTotal: board.comparable ? board.previousTotal.toString() : null,
    },
    format,
  );
}
