import 'server-only';
import { getAppsView } from '../boards/apps/view';
import type { AppsQuery } from '../boards/apps/types';
import { getModelHistory } from '../boards/models/history';
import { isArchiveMonth, monthLeaderboard } from '../rankings/archive';
import { computeLeaderboard } from '../rankings/leaderboard';
import { modelProfile } from '../rankings/model-profile';
import { formatMonth } from '../format';
import type { WindowName } from '../utc-day';
import { appsCard, leaderboardCard, modelCard, windowPhrase, type RankingCardData } from './card-data';

/**
 * The figures of each social card, read through the data layer like the page it illustrates, and tagged
 * with the data day like it, so a staff refresh regenerates the card with the page.
 */

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

/** null when the model is not in the history (the page is a 404 too). */
export async function modelPageCard(permaslug: string): Promise<RankingCardData | null> {
  const { history, dataDay, source } = await getModelHistory();
  const profile = modelProfile(history, permaslug, dataDay);
  if (!profile) return null;
  return modelCard(profile, dataDay, source === 'demo');
}

/** The first page of the view, whatever page the shared URL was on: one card per view. */
export async function appsViewCard(q: Omit<AppsQuery, 'page' | 'pageSize'>): Promise<RankingCardData> {
  const view = await getAppsView({ ...q, page: 1, pageSize: 25 });
  return appsCard(view);
}
