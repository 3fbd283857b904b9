import { APP_SORTS, type AppCategory, type AppSort, type AppSubcategory } from '../../datasets/endpoints/app-rankings/values';
import { refuse } from '../../query';
import { DEFAULT_EMBED, embedLayout, oneOf, setLayoutParams, type Board, type EmbedTheme, type EmbedValues, type ExplorerWindow } from '../board';
import { validateAppsQuery } from './query';
import { APPS_WINDOWS, type AppsWindow } from './types';
import { appsDownloadSearch, type AppsDownloadView } from './url';

/** The app rankings: every sort, window and marketplace category the upstream publishes. */

export interface AppsDownloadQuery {
  table: 'apps';
  view: AppsDownloadView;
}

export interface AppsEmbed {
  kind: 'apps';
  sort: AppSort;
  window: AppsWindow;
  top: number;
  theme: EmbedTheme;
}

// Paging belongs to the pages: a download holds every rank of the view.
const PAGING = 'is not a parameter of a download: the file holds every rank of the view (up to 200)';

/** A widget's values (from its public query or its page's path segments) as the widget, or null for any value the site does not publish. */
export function appsEmbedOf(values: EmbedValues): AppsEmbed | null {
  const sort = oneOf(APP_SORTS, values.sort ?? DEFAULT_EMBED.sort);
  const window = oneOf(APPS_WINDOWS, values.window ?? DEFAULT_EMBED.window);
  const layout = embedLayout(values);
  return sort && window && layout ? { kind: 'apps', sort, window, ...layout } : null;
}

/** Any window of the app rankings, with the public views' filters, for the staff explorer. */
export interface AppsExplorerQuery extends ExplorerWindow {
  dataset: 'apps';
  sort: AppSort;
  /** Always set when `subcategory` is (its parent category). */
  category?: AppCategory;
  subcategory?: AppSubcategory;
}

const EXPLORER_FILTERS = ['sort', 'category', 'subcategory'] as const;

export const appsBoard: Board<AppsDownloadQuery, AppsEmbed, AppsExplorerQuery, (typeof EXPLORER_FILTERS)[number]> = {
  id: 'apps',
  endpoint: 'app-rankings',
  download: {
    params: ['sort', 'window', 'category', 'subcategory'],
    refusedParams: { page: `page ${PAGING}`, pageSize: `pageSize ${PAGING}` },
    read: (values) => {
      const result = validateAppsQuery(values);
      if (!result.ok) return refuse(result.param, result.message);
      const { sort, window, category, subcategory } = result.query;
      return { ok: true, query: { table: 'apps', view: { sort, window, category, subcategory } } };
    },
    fileParts: ({ view }, dataDay) => ['apps', view.sort, view.window, view.subcategory ?? view.category ?? 'all', dataDay],
    fields: ({ view: { sort, window, category, subcategory } }) => ({ sort, window, category, subcategory }),
    search: ({ view }) => appsDownloadSearch(view),
  },
  embed: {
    path: '/embed/apps',
    of: appsEmbedOf,
    pagePath: (embed) => `/embed/v/apps/${embed.sort}/${embed.window}/${embed.top}/${embed.theme}`,
    search: (embed) => {
      const params = new URLSearchParams();
      if (embed.sort !== DEFAULT_EMBED.sort) params.set('sort', embed.sort);
      if (embed.window !== DEFAULT_EMBED.window) params.set('window', embed.window);
      return setLayoutParams(params, embed);
    },
  },
  explorer: {
    filters: { sort: 'popular', category: '', subcategory: '' },
    // The public views' own rules (query.ts), on the values given.
    read: (window, values) => {
      const given = Object.fromEntries(EXPLORER_FILTERS.filter((name) => values[name]).map((name) => [name, values[name]]));
      const result = validateAppsQuery(given);
      if (!result.ok) return refuse(result.param, `${result.message}.`);
      const { sort, category, subcategory } = result.query;
      return { ok: true, query: { dataset: 'apps', ...window, sort, ...(category ? { category } : {}), ...(subcategory ? { subcategory } : {}) } };
    },
    filterValues: (query) => ({ sort: query.sort, category: query.category ?? '', subcategory: query.subcategory ?? '' }),
    fileParts: (query) => [query.sort, query.subcategory ?? query.category ?? 'all'],
    describe: (query) => {
      const filter = query.subcategory ? `${query.category}/${query.subcategory}` : (query.category ?? 'all');
      return `app-rankings ${query.sort} ${filter} ${query.start}..${query.end}`;
    },
  },
};
