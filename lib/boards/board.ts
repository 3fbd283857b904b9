import type { Endpoint } from '../datasets/endpoints';
import type { Parsed } from '../query';

/**
 * What a board (one ranking: its pages, JSON, downloads, widgets) tells the rest of the site, so that
 * downloads, widgets, citations and page tags iterate the registry (lib/boards/index.ts) instead of
 * asking which board they serve. Browser-safe: no server-only module, no zod.
 */
export interface Board<
  DownloadQ extends { table: string },
  EmbedQ extends { kind: string } = never,
  ExplorerQ extends ExplorerQuery = never,
  Filter extends string = never,
> {
  /** The board's name in URLs: `/download/<id>.csv`, `/embed/<id>`. */
  id: DownloadQ['table'];
  /** The upstream operation its figures come from: the citation and the cache tags follow from it. */
  endpoint: Endpoint;
  download: DownloadSpec<DownloadQ>;
  embed?: EmbedSpec<EmbedQ>;
  /** Any window of the board's operation, for the staff explorer (lib/staff/explorer). */
  explorer?: ExplorerSpec<ExplorerQ, Filter>;
}


export interface DownloadSpec<Q> {
  /** The query parameters a download accepts; any other is a 400 naming it. */
  params: readonly string[];
  /** Parameters a reader might expect (a page's), refused with a message of their own. */
  refusedParams?: Readonly<Record<string, string>>;
  /** Reads the single values of the allowed parameters; `dataDay` is the clock's current data day. */
  read(values: Readonly<Record<string, string>>, dataDay: string): Parsed<Q>;
  /** The file name's parts after `tokenboard-`, the last one dating it. */
  fileParts(query: Q, dataDay: string): string[];
  /** The query as resolved (defaults filled in), echoed in a JSON file so it says what it holds. */
  fields(query: Q): Readonly<Record<string, string | null>>;
  /** The canonical query string of a download (defaults dropped, fixed order). */
  search(query: Q): URLSearchParams;
  /** Why a validated download can still be a 404 (its figures are not in the data), for the message. */
  missing?(query: Q): string;
}

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const EMBED_MAX_TOP = 50;
export const DEFAULT_EMBED = { sort: 'popular', window: 'month', top: 10, theme: 'auto' } as const;

export function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** `1`–`50`, plain decimal only (not `01`, `1.0` or `1e1`). */
export function topOf(value: string): number | null {
  return /^[1-9]\d?$/.test(value) && Number(value) <= EMBED_MAX_TOP ? Number(value) : null;
}

/** The rows and colours every widget takes, with their defaults: `null` when a value is not one the site publishes. */
export function embedLayout(values: EmbedValues): { top: number; theme: EmbedTheme } | null {
  const top = topOf(values.top ?? String(DEFAULT_EMBED.top));
  const theme = oneOf(EMBED_THEMES, values.theme ?? DEFAULT_EMBED.theme);
  return top && theme ? { top, theme } : null;
}

/** Sets `top` and `theme` when they differ from the defaults (every widget's last two parameters). */
export function setLayoutParams(params: URLSearchParams, embed: { top: number; theme: EmbedTheme }): URLSearchParams {
  if (embed.top !== DEFAULT_EMBED.top) params.set('top', String(embed.top));
  if (embed.theme !== DEFAULT_EMBED.theme) params.set('theme', embed.theme);
  return params;
}

/** Raw widget values, from the public query (null: absent, so the default) or from the page's path segments. */
export type EmbedValues = Partial<Record<string, string | null>>;

export interface EmbedSpec<E> {
  /** The widget's public URL, before its query: `/embed/models`. */
  path: string;
  /** The widget's own parameters, in URL order (top and theme are every widget's). */
  of(values: EmbedValues): E | null;
  /** The ISR page the widget renders at (every value spelled out). */
  pagePath(embed: E): string;
  /** The public query of a widget, defaults dropped, in a fixed order. */
  search(embed: E): URLSearchParams;
}

/** Settled UTC days, first and last inclusive (YYYY-MM-DD): every explorer query's window. */
export interface ExplorerWindow {
  start: string;
  end: string;
}

export interface ExplorerQuery extends ExplorerWindow {
  dataset: string;
}

export interface ExplorerSpec<Q extends ExplorerQuery, Filter extends string> {
  /** The board's parameters beyond the window, in URL order, each with the form's default value. */
  filters: Readonly<Record<Filter, string>>;
  /**
   * The query for a validated window and the submitted values (an empty value is "not set": a GET form
   * sends every field). Every board reads its own filters whichever dataset is asked, so a bad value is
   * refused either way.
   */
  read(window: ExplorerWindow, values: Readonly<Record<string, string>>): Parsed<Q>;
  /** The query's filters as the form shows them and the URL spells them ('' when not set). */
  filterValues(query: Q): Readonly<Partial<Record<Filter, string>>>;
  /** The file name's parts after the dataset and the window. */
  fileParts(query: Q): string[];
  /** The query in words, for the audit trail: `app-rankings trending coding/cli-agent 2026-10-01..2026-10-07`. */
  describe(query: Q): string;
}
