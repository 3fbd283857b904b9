import type { AppCategory, AppSubcategory } from '../../datasets/endpoints/app-rankings/values';
import { formatDay, WINDOW_LABELS } from '../../format';
import type { AppsQuery } from './types';

/** Names and one-line descriptions for the marketplace groups: each category page is its own SEO page. */
export const CATEGORY_INFO: Record<AppCategory, { name: string; description: string }> = {
  coding: { name: 'Coding', description: 'coding agents, IDE extensions and app builders' },
  creative: { name: 'Creative', description: 'writing, image, video and audio generation apps' },
  productivity: { name: 'Productivity', description: 'chat, writing assistants, personal agents and legal tools' },
  entertainment: { name: 'Entertainment', description: 'roleplay and game apps' },
};

export const SUBCATEGORY_NAMES: Record<AppSubcategory, string> = {
  'cli-agent': 'CLI agents',
  'ide-extension': 'IDE extensions',
  'cloud-agent': 'Cloud agents',
  'programming-app': 'Programming apps',
  'native-app-builder': 'Native app builders',
  'creative-writing': 'Creative writing',
  'video-gen': 'Video generation',
  'image-gen': 'Image generation',
  'audio-gen': 'Audio generation',
  'writing-assistant': 'Writing assistants',
  'general-chat': 'General chat',
  'personal-agent': 'Personal agents',
  legal: 'Legal',
  roleplay: 'Roleplay',
  game: 'Games',
};

export function viewName(q: Pick<AppsQuery, 'category' | 'subcategory'>): string {
  if (q.subcategory) return `${SUBCATEGORY_NAMES[q.subcategory]} apps`;
  if (q.category) return `${CATEGORY_INFO[q.category].name} apps`;
  return 'Apps';
}

export function viewBasePath(q: Pick<AppsQuery, 'category' | 'subcategory'>): string {
  if (q.subcategory) return `/apps/${q.category}/${q.subcategory}`;
  if (q.category) return `/apps/${q.category}`;
  return '/apps';
}

/** The group a view shows, as a heading starts: "All apps", "Coding", "Coding › CLI agents". */
export function groupTitle(q: Pick<AppsQuery, 'category' | 'subcategory'>): string {
  if (q.subcategory && q.category) return `${CATEGORY_INFO[q.category].name} › ${SUBCATEGORY_NAMES[q.subcategory]}`;
  if (q.category) return CATEGORY_INFO[q.category].name;
  return 'All apps';
}

/** The page's h1, which follows the sort: "Coding: top apps by tokens" / "Coding: trending apps". */
export function appsHeading(q: Pick<AppsQuery, 'category' | 'subcategory' | 'sort'>): string {
  return `${groupTitle(q)}: ${q.sort === 'trending' ? 'trending apps, by token growth' : 'top apps by tokens'}`;
}

/** The document title of a view (before the site name), on the server and after in-place changes alike. */
export function appsTitle(q: AppsQuery, dataDay: string): string {
  const what = q.category ? `${groupTitle(q)} apps` : 'apps';
  const pageNote = q.page > 1 ? `, page ${q.page}` : '';
  const lead = q.sort === 'trending' ? `Trending ${what}, by token growth` : `Top ${what} by tokens`;
  return `${lead} — ${WINDOW_LABELS[q.window].short} to ${formatDay(dataDay)}${pageNote}`;
}
