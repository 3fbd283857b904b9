import 'server-only';
import { getSliceHistory, getSliceWeeks, type SliceData } from './history';
import { boardSummary, sliceLeaderboard, sliceTrend, topPermaslugs, whereItRanks, type SliceLeaderboard, type SliceRank, type SliceTrend } from './rows';
import { SLICES, type Slice } from './slices';
import { sliceWindow, type SliceWindowName } from './windows';

/**
 * What a slice board shows, loaded once for its page, JSON API, downloads, social card and widget: the
 * window's leaderboard and the weekly trend of its first ranks. The hub and the model pages read every
 * slice's last completed week.
 */

/** Models a board's trend follows. */
export const TREND_MODELS = 8;
/** Weeks a board's trend covers: half a year of completed weeks. */
export const TREND_WEEKS = 26;

export interface SliceView extends Omit<SliceData, 'history'> {
  slice: Slice;
  board: SliceLeaderboard;
  trend: SliceTrend;
}

/**
 * A window of a slice; null when the slice does not offer that window (days on a sampled slice) or no
 * part of it lies inside the data yet. Throws the data layer's typed errors.
 */
export async function loadSliceView(slice: Slice, windowName: SliceWindowName): Promise<SliceView | null> {
  const { history, ...data } = await getSliceHistory(slice);
  const window = sliceWindow(slice, windowName, data.dataDay);
  if (!window) return null;
  const board = sliceLeaderboard(history, window);
  const trend = sliceTrend(history, topPermaslugs(board, TREND_MODELS), TREND_WEEKS);
  return { ...data, slice, board, trend };
}

export interface SliceWeeks {
  /** Every slice's last completed week, in slice order (null: no completed week in the data yet). */
  boards: { slice: Slice; board: SliceLeaderboard | null }[];
  asOf: string;
  dataDay: string;
  source: SliceData['source'];
}

/** Every slice's last completed week: the hub, and "Where it ranks" on a model page. */
export async function loadSliceWeeks(): Promise<SliceWeeks> {
  const all = await getSliceWeeks();
  const boards = SLICES.map((slice, i) => {
    const { history, dataDay } = all[i]!;
    const window = sliceWindow(slice, 'week', dataDay);
    return { slice, board: window ? sliceLeaderboard(history, window) : null };
  });
  const asOf = all.reduce((latest, d) => (d.asOf > latest ? d.asOf : latest), '');
  return { boards, asOf, dataDay: all[0]!.dataDay, source: all[0]!.source };
}

/** The hub's summary of each board: its leader and first five. */
export function hubSummaries(weeks: SliceWeeks) {
  return weeks.boards.map(({ slice, board }) => ({ slice, board, summary: board ? boardSummary(board, 5) : null }));
}

/** A model's rank and share in every slice's last completed week that ranks it. */
export function modelSliceRanks(permaslug: string, weeks: SliceWeeks): SliceRank[] {
  return whereItRanks(
    permaslug,
    weeks.boards.flatMap(({ board }) => (board ? [board] : [])),
  );
}
