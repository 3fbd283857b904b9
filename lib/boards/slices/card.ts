import 'server-only';
import { cardAlt, CARD_ROWS, rangeSubtitle, type RankingCardData } from '../../og/card-data';
import { getSliceHistory } from './history';
import { sliceLeaderboard, type SliceLeaderboard } from './rows';
import { FAMILY_LABELS, type Slice } from './slices';
import { DEFAULT_SLICE_WINDOW, SLICE_WINDOW_LABELS, sliceWindow } from './windows';

/**
 * A slice board's social card: its top models over its last completed week (the default window), read
 * through the data layer like the board's page and tagged like it. Sampled slices say their figures are
 * estimates, in the card and in its alt text.
 */

export function sliceCardTitle(slice: Slice): string {
  return `${FAMILY_LABELS[slice.family].singular}: ${slice.label}`;
}

/** The card of a board's window (null: no completed week in the data yet, an empty card). */
export function sliceCard(slice: Slice, board: SliceLeaderboard | null, demo: boolean): RankingCardData {
  const phrase = SLICE_WINDOW_LABELS[DEFAULT_SLICE_WINDOW].long.replace(/^the l/, 'L');
  const label = slice.sampled ? `Estimated tokens · ${phrase}` : phrase;
  return {
    title: sliceCardTitle(slice),
    subtitle: board ? rangeSubtitle(label, board.range) : label,
    rows: (board?.rows ?? []).slice(0, CARD_ROWS).map((row) => ({ name: row.permaslug, tokens: row.tokens.toString() })),
    demo,
  };
}

export async function sliceWeekCard(slice: Slice): Promise<RankingCardData> {
  const { history, dataDay, source } = await getSliceHistory(slice);
  const window = sliceWindow(slice, DEFAULT_SLICE_WINDOW, dataDay);
  return sliceCard(slice, window ? sliceLeaderboard(history, window) : null, source === 'demo');
}

/** The card as text, for the board page's og:image:alt and twitter:image:alt (every window of a board shares the card). */
export async function sliceCardAlt(slice: Slice): Promise<string> {
  return cardAlt(await sliceWeekCard(slice));
}
