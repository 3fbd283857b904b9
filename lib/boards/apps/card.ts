import 'server-only';
import { CARD_ROWS, rangeSubtitle, windowPhrase, type RankingCardData } from '../../og/card-data';
import { CATEGORY_INFO, SUBCATEGORY_NAMES } from './labels';
import type { AppsQuery, AppsView } from './types';
import { getAppsView } from './view';

/** `All apps`, `Coding`, `Coding › CLI agents`. */
export function appsViewTitle(q: Pick<AppsQuery, 'category' | 'subcategory'>): string {
  if (q.subcategory && q.category) return `${CATEGORY_INFO[q.category].name} › ${SUBCATEGORY_NAMES[q.subcategory]}`;
  if (q.category) return CATEGORY_INFO[q.category].name;
  return 'All apps';
}

/** The first rows of an app-ranking view. */
export function appsCard(view: AppsView): RankingCardData {
  const q = view.query;
  return {
    title: `${appsViewTitle(q)}: ${q.sort === 'trending' ? 'trending apps' : 'top apps by tokens'}`,
    subtitle: rangeSubtitle(windowPhrase(q.window), view.range),
    rows: view.rows.slice(0, CARD_ROWS).map((row) => ({ name: row.appName, tokens: row.tokens })),
    demo: view.source === 'demo',
  };
}

/** The first page of the view, whatever page the shared URL was on: one card per view. */
export async function appsViewCard(q: Omit<AppsQuery, 'page' | 'pageSize'>): Promise<RankingCardData> {
  const view = await getAppsView({ ...q, page: 1, pageSize: 25 });
  return appsCard(view);
}
