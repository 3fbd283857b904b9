import { DEFAULT_MODELS_WINDOW } from '../../routes';
import { completeMonths, isWindowName, MONTH_PATTERN, WINDOW_NAMES, type WindowName } from '../../utc-day';
import { downloadHref, type DownloadFormat } from '../../downloads';
import { refuse, type Parsed } from '../../query';
import { DEFAULT_EMBED, embedLayout, oneOf, setLayoutParams, type Board, type EmbedTheme, type EmbedValues, type ExplorerWindow } from '../board';

/** The model leaderboard: a named window ending on the data day, or a complete calendar month of the archive. */

/** The model leaderboard of a named window, or of a complete calendar month (`YYYY-MM`) of the archive. */
export type ModelsDownloadPeriod = { window: WindowName } | { month: string };

export interface ModelsDownloadQuery {
  table: 'models';
  period: ModelsDownloadPeriod;
}

export interface ModelsEmbed {
  kind: 'models';
  window: WindowName;
  top: number;
  theme: EmbedTheme;
}

function readPeriod(values: Readonly<Record<string, string>>, dataDay: string): Parsed<ModelsDownloadQuery> {
  const { window, month } = values;
  if (window !== undefined && month !== undefined) {
    return refuse('month', 'window and month cannot be combined: give a window (the last days) or a month (a calendar month), not both');
  }
  if (month !== undefined) {
    if (!MONTH_PATTERN.test(month)) return refuse('month', 'month must be a calendar month written YYYY-MM, such as 2025-03');
    const months = completeMonths(dataDay);
    if (!months.includes(month)) {
      const span = months.length > 0 ? `from ${months[0]} to ${months.at(-1)}` : 'once the first one has ended';
      return refuse('month', `month must be a complete calendar month of the datasets, ${span}`);
    }
    return { ok: true, query: { table: 'models', period: { month } } };
  }
  const name = window ?? DEFAULT_MODELS_WINDOW;
  if (!isWindowName(name)) return refuse('window', `window must be one of ${WINDOW_NAMES.join(', ')}`);
  return { ok: true, query: { table: 'models', period: { window: name } } };
}

/** A widget's values (from its public query or its page's path segments) as the widget, or null for any value the site does not publish. */
export function modelsEmbedOf(values: EmbedValues): ModelsEmbed | null {
  const window = oneOf(WINDOW_NAMES, values.window ?? DEFAULT_EMBED.window);
  const layout = embedLayout(values);
  return window && layout ? { kind: 'models', window, ...layout } : null;
}

/** Any window of the daily rankings, for the staff explorer. */
export interface ModelsExplorerQuery extends ExplorerWindow {
  dataset: 'models';
}

export const modelsBoard: Board<ModelsDownloadQuery, ModelsEmbed, ModelsExplorerQuery> = {
  id: 'models',
  endpoint: 'rankings-daily',
  download: {
    params: ['window', 'month'],
    read: readPeriod,
    fileParts: ({ period }, dataDay) => ('month' in period ? ['models', period.month] : ['models', period.window, dataDay]),
    fields: ({ period }): Record<string, string> => ('month' in period ? { month: period.month } : { window: period.window }),
    search: ({ period }) => {
      const params = new URLSearchParams();
      if ('month' in period) params.set('month', period.month);
      else if (period.window !== DEFAULT_MODELS_WINDOW) params.set('window', period.window);
      return params;
    },
  },
  embed: {
    path: '/embed/models',
    of: modelsEmbedOf,
    pagePath: (embed) => `/embed/v/models/${embed.window}/${embed.top}/${embed.theme}`,
    search: (embed) => {
      const params = new URLSearchParams();
      if (embed.window !== DEFAULT_EMBED.window) params.set('window', embed.window);
      return setLayoutParams(params, embed);
    },
  },
  explorer: {
    filters: {},
    read: (window) => ({ ok: true, query: { dataset: 'models', ...window } }),
    filterValues: () => ({}),
    fileParts: () => [],
    describe: (query) => `rankings-daily ${query.start}..${query.end}`,
  },
};

/** `/download/models.csv` (30 days), `/download/models.json?window=week`, `/download/models.csv?month=2025-03`. */
export function modelsDownloadHref(period: ModelsDownloadPeriod, format: DownloadFormat): string {
  return downloadHref('models', format, modelsBoard.download.search({ table: 'models', period }));
}
