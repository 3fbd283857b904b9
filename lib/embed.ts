import { APPS_WINDOWS, type AppsWindow } from './boards/apps/types';
import { APP_SORTS, type AppSort } from './datasets/endpoints/app-rankings/values';
import { WINDOW_NAMES, type WindowName } from './utc-day';

/**
 * The iframe widgets: `/embed/models?window=&top=&theme=` and `/embed/apps?sort=&window=&top=&theme=`.
 * Like /models and /apps, the public URL carries a query and middleware.ts rewrites it to a path
 * (`/embed/v/…`), so each widget is one ISR page. Both spellings are validated here, strictly: an unknown
 * value is a 404, never a default, and nothing reaches the path that was not checked.
 */

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const EMBED_MAX_TOP = 50;

export interface ModelsEmbed {
  kind: 'models';
  window: WindowName;
  top: number;
  theme: EmbedTheme;
}

export interface AppsEmbed {
  kind: 'apps';
  sort: AppSort;
  window: AppsWindow;
  top: number;
  theme: EmbedTheme;
}

export type Embed = ModelsEmbed | AppsEmbed;

export const DEFAULT_EMBED = { sort: 'popular', window: 'month', top: 10, theme: 'auto' } as const;

/** Raw values, from the query (null: absent, so the default) or from the path segments. */
type Values<K extends string> = Partial<Record<K, string | null>>;

function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** `1`–`50`, plain decimal only (not `01`, `1.0` or `1e1`). */
function topOf(value: string): number | null {
  return /^[1-9]\d?$/.test(value) && Number(value) <= EMBED_MAX_TOP ? Number(value) : null;
}

export function modelsEmbedOf(values: Values<'window' | 'top' | 'theme'>): ModelsEmbed | null {
  const window = oneOf(WINDOW_NAMES, values.window ?? DEFAULT_EMBED.window);
  const top = topOf(values.top ?? String(DEFAULT_EMBED.top));
  const theme = oneOf(EMBED_THEMES, values.theme ?? DEFAULT_EMBED.theme);
  return window && top && theme ? { kind: 'models', window, top, theme } : null;
}

export function appsEmbedOf(values: Values<'sort' | 'window' | 'top' | 'theme'>): AppsEmbed | null {
  const sort = oneOf(APP_SORTS, values.sort ?? DEFAULT_EMBED.sort);
  const window = oneOf(APPS_WINDOWS, values.window ?? DEFAULT_EMBED.window);
  const top = topOf(values.top ?? String(DEFAULT_EMBED.top));
  const theme = oneOf(EMBED_THEMES, values.theme ?? DEFAULT_EMBED.theme);
  return sort && window && top && theme ? { kind: 'apps', sort, window, top, theme } : null;
}

/** A public embed URL (`/embed/models` or `/embed/apps` plus query) as the widget it names, or null. */
export function embedOfUrl(pathname: string, searchParams: URLSearchParams): Embed | null {
  const values = { sort: searchParams.get('sort'), window: searchParams.get('window'), top: searchParams.get('top'), theme: searchParams.get('theme') };
  if (pathname === '/embed/models') return modelsEmbedOf(values);
  if (pathname === '/embed/apps') return appsEmbedOf(values);
  return null;
}

/** The ISR page a widget renders at (every value spelled out). */
export function embedPagePath(embed: Embed): string {
  return embed.kind === 'models'
    ? `/embed/v/models/${embed.window}/${embed.top}/${embed.theme}`
    : `/embed/v/apps/${embed.sort}/${embed.window}/${embed.top}/${embed.theme}`;
}

/** The public URL of a widget, defaults dropped and parameters in a fixed order: the one to paste into an iframe. */
export function embedHref(embed: Embed): string {
  const params = new URLSearchParams();
  if (embed.kind === 'apps' && embed.sort !== DEFAULT_EMBED.sort) params.set('sort', embed.sort);
  if (embed.window !== DEFAULT_EMBED.window) params.set('window', embed.window);
  if (embed.top !== DEFAULT_EMBED.top) params.set('top', String(embed.top));
  if (embed.theme !== DEFAULT_EMBED.theme) params.set('theme', embed.theme);
  const search = params.toString();
  return `/embed/${embed.kind}${search ? `?${search}` : ''}`;
}
