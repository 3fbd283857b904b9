import 'server-only';
import { formatMonth } from '../../format';
import { CARD_ROWS, rangeSubtitle, windowPhrase, type RankingCardData } from '../../og/card-data';
import { isArchiveMonth, monthLeaderboard } from '../../rankings/archive';
import { computeLeaderboard, type Leaderboard } from '../../rankings/leaderboard';
import type { WindowName } from '../../utc-day';
import { getModelHistory } from './history';

/**
 * The social cards of the models board (home, windows, archive months): the figures read through the
 * data layer like the page each illustrates, and tagged with the data day like it, so a staff refresh
 * regenerates the card with the page.
 */

/** The top of a models leaderboard (a named window or any range, such as a calendar month). */
export function leaderboardCard(board: Leaderboard, title: string, label: string, demo: boolean): RankingCardData {
  return {
    title,
    subtitle: rangeSubtitle(label, board.range),
    rows: board.rows.slice(0, CARD_ROWS).map((row) => ({ name: row.permaslug, tokens: row.tokens.toString() })),
    demo,
  };
}

export async function homeCard(): Promise<RankingCardData> {
  const { history, dataDay, source } = await getModelHistory();
  return leaderboardCard(computeLeaderboard(history, 'month', dataDay), 'Which AI models use the most tokens', windowPhrase('month'), source === 'demo');
}

export async function modelsWindowCard(window: WindowName): Promise<RankingCardData> {
  const { history, dataDay, source } = await getModelHistory();
  return leaderboardCard(computeLeaderboard(history, window, dataDay), 'Top AI models by tokens', windowPhrase(window), source === 'demo');
}

/** null when the month is not a complete month of the archive (the page is a 404 too). */
export async function archiveMonthCard(month: string): Promise<RankingCardData | null> {
  const { history, dataDay, source } = await getModelHistory();
  if (!isArchiveMonth(month, dataDay)) return null;
  return leaderboardCard(monthLeaderboard(history, month), 'Top AI models by tokens', formatMonth(month), source === 'demo');
}
