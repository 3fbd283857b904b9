import type { AppsQuery } from './boards/apps/types';
import type { WindowName } from './utc-day';

/** Every internal URL is spelled here. Defaults are dropped so each view has one canonical URL. */
export const DEFAULT_MODELS_WINDOW: WindowName = 'month';

export function modelsHref(window: WindowName = DEFAULT_MODELS_WINDOW): string {
  return window === DEFAULT_MODELS_WINDOW ? '/models' : `/models?window=${window}`;
}

/** Where `/feed.xml` renders (`app/feed/[file]`; middleware.ts rewrites it there, so no build prerenders it). */
export const SITE_FEED_FILE = 'site.xml';

/** The JSON API of a models window: every rank the page shows and the rest. */
export function modelsApiHref(window: WindowName): string {
  return `/api/models?window=${window}`;
}

/** The monthly archive's index, or one month's page (`2026-11` → `/models/archive/2026-11`). */
export function archiveHref(month?: string): string {
  return month ? `/models/archive/${month}` : '/models/archive';
}

/** `deepseek/deepseek-chat-v3.1:free` → `/models/deepseek/deepseek-chat-v3.1:free` (a colon is valid in a path). */
export function modelHref(permaslug: string): string {
  return `/models/${permaslug
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':'))
    .join('/')}`;
}

/** A URL path segment decoded, or null when its percent-encoding is malformed (`%ZZ`): it names nothing. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/*
 * Social cards (og:image, twitter:image) live under `/og/`, not beside their pages: the pages render at
 * rewrite targets that robots.txt disallows (`/models/window/`, `/apps/v/`), and X's and LinkedIn's
 * crawlers honour robots.txt for image URLs too; a model page is a catch-all route, after which Next can
 * place no image route. One card per view: the page number and size of an apps view do not change it.
 */
export function modelsOgImageHref(window: WindowName): string {
  return `/og/models/window/${window}`;
}

export function modelOgImageHref(permaslug: string): string {
  return `/og${modelHref(permaslug)}`;
}

export function appsOgImageHref(q: Pick<AppsQuery, 'sort' | 'window' | 'category' | 'subcategory'>): string {
  const filter = q.category ? (q.subcategory ? `${q.category}.${q.subcategory}` : q.category) : 'all';
  return `/og/apps/${q.sort}/${q.window}/${filter}`;
}

export function archiveOgImageHref(month: string): string {
  return `/og${archiveHref(month)}`;
}
