import 'server-only';
import { formatDay } from '../../format';
import { windowPhrase, type RankingCardData } from '../../og/card-data';
import { modelProfile, type ModelProfile } from '../../rankings/model-profile';
import type { WindowName } from '../../utc-day';
import { getModelHistory } from '../models/history';

const MODEL_CARD_WINDOWS: readonly WindowName[] = ['day', 'week', 'month', 'year'];

/** One model: its tokens over the windows ending on the data day, and since it first ranked. */
export function modelCard(profile: ModelProfile, dataDay: string, demo: boolean): RankingCardData {
  return {
    title: profile.permaslug,
    subtitle: `by ${profile.author} · best rank #${profile.bestRank.rank} · tokens to ${formatDay(dataDay)} (UTC)`,
    rows: [
      ...MODEL_CARD_WINDOWS.map((window) => ({ name: windowPhrase(window), tokens: profile.windows[window].toString() })),
      { name: `Since ${formatDay(profile.firstSeen)}`, tokens: profile.allTime.toString() },
    ],
    demo,
    ranked: false,
  };
}

/** null when the model is not in the history (the page is a 404 too). */
export async function modelPageCard(permaslug: string): Promise<RankingCardData | null> {
  const { history, dataDay, source } = await getModelHistory();
  const profile = modelProfile(history, permaslug, dataDay);
  if (!profile) return null;
  return modelCard(profile, dataDay, source === 'demo');
}
