import { downloadHref, type DownloadFormat } from '../../downloads';
import { refuse, type Parsed } from '../../query';
import { addDays } from '../../utc-day';
import { DEFAULT_EMBED, embedLayout, setLayoutParams, type Board, type EmbedTheme, type EmbedValues, type ExplorerWindow } from '../board';
import { SLICES, sliceById, slicePath, type Slice, type SliceId } from './slices';
import { DEFAULT_SLICE_WINDOW, isoWeekStart, isSliceWindowName, lastCompletedWeekEnd, readSliceWindow, windowNamesOf, type SliceWindowName } from './windows';

/**
 * The slice boards (issue 16): the use-case, language, context-length and modality rankings, one board
 * per slice and window. Their pages are `/rankings/<family>/<slug>?window=`; downloads, the social card,
 * the widget, the feed, the sitemap and the staff explorer follow from this spec. Browser-safe.
 */

export interface SlicesDownloadQuery {
  table: 'slices';
  slice: SliceId;
  window: SliceWindowName;
}

export interface SlicesEmbed {
  kind: 'slices';
  slice: SliceId;
  window: SliceWindowName;
  top: number;
  theme: EmbedTheme;
}

/** Any window of one slice, for the staff explorer: daily counts (exact slices) or the whole ISO weeks inside it (sampled ones). */
export interface SlicesExplorerQuery extends ExplorerWindow {
  dataset: 'slices';
  slice: SliceId;
}

/** The hub of the slice boards. */
export const RANKINGS_PATH = '/rankings';
/** The public URL of the slice widgets (`/embed/rankings?slice=use-case/programming`). */
export const SLICES_EMBED_PATH = '/embed/rankings';

const SLICE_EXAMPLE = 'such as use-case/programming or context/1m';

/** A slice's id, or why it is not one. */
function readSlice(value: string | undefined | null): Parsed<Slice> {
  if (value === undefined || value === null || value === '') return refuse('slice', `slice is required: a slice board's family and slug, ${SLICE_EXAMPLE}`);
  const slice = sliceById(value);
  return slice ? { ok: true, query: slice } : refuse('slice', `slice must name one of the ${SLICES.length} slice boards, ${SLICE_EXAMPLE}`);
}

function readDownload(values: Readonly<Record<string, string>>): Parsed<SlicesDownloadQuery> {
  const slice = readSlice(values.slice);
  if (!slice.ok) return slice;
  const window = readSliceWindow(slice.query, values.window);
  if (!window.ok) return window;
  return { ok: true, query: { table: 'slices', slice: slice.query.id, window: window.query } };
}

/** A widget's values (from its public query or its page's path segments) as the widget, or null for any value the site does not publish. */
export function slicesEmbedOf(values: EmbedValues): SlicesEmbed | null {
  const slice = sliceById(values.slice ?? '');
  if (!slice) return null;
  const name = values.window ?? DEFAULT_SLICE_WINDOW;
  const window = isSliceWindowName(name) && windowNamesOf(slice).includes(name) ? name : null;
  const layout = embedLayout(values);
  return window && layout ? { kind: 'slices', slice: slice.id, window, ...layout } : null;
}

/**
 * The weekly requests a sampled slice's explorer window holds: its whole ISO weeks (the upstream's
 * weekly buckets start on a Monday and its trailing one may run past the end date); null when no whole
 * week lies inside it.
 */
export function wholeWeeksOf(window: ExplorerWindow): ExplorerWindow | null {
  const monday = isoWeekStart(window.start);
  const start = monday === window.start ? monday : addDays(monday, 7);
  const end = lastCompletedWeekEnd(window.end);
  return start <= end ? { start, end } : null;
}

function readExplorer(window: ExplorerWindow, values: Readonly<Record<string, string>>): Parsed<SlicesExplorerQuery> {
  const slice = readSlice(values.slice || EXPLORER_DEFAULT_SLICE);
  if (!slice.ok) return refuse('slice', `${slice.message}.`);
  // Only when the slices dataset is asked: the window is every board's, the weeks rule this board's.
  if (values.dataset === 'slices' && slice.query.sampled && !wholeWeeksOf(window)) {
    return refuse('start', `${slice.query.label} is a weekly estimate: the window must hold at least one whole ISO week, Monday to Sunday.`);
  }
  return { ok: true, query: { dataset: 'slices', ...window, slice: slice.query.id } };
}

const EXPLORER_DEFAULT_SLICE: SliceId = SLICES[0]!.id;

export const slicesBoard: Board<SlicesDownloadQuery, SlicesEmbed, SlicesExplorerQuery, 'slice'> = {
  id: 'slices',
  endpoint: 'rankings-daily',
  download: {
    params: ['slice', 'window'],
    read: readDownload,
    fileParts: ({ slice, window }, dataDay) => ['slices', ...slice.split('/'), window, dataDay],
    fields: ({ slice, window }) => ({ slice, window }),
    search: ({ slice, window }) => {
      const params = new URLSearchParams({ slice });
      if (window !== DEFAULT_SLICE_WINDOW) params.set('window', window);
      return params;
    },
    missing: ({ slice, window }) => `slice ${slice} has no figures for its ${window} window yet.`,
  },
  embed: {
    path: SLICES_EMBED_PATH,
    of: slicesEmbedOf,
    pagePath: (embed) => `/embed/v/rankings/${embed.slice}/${embed.window}/${embed.top}/${embed.theme}`,
    search: (embed) => {
      const params = new URLSearchParams({ slice: embed.slice });
      if (embed.window !== DEFAULT_SLICE_WINDOW) params.set('window', embed.window);
      return setLayoutParams(params, embed);
    },
  },
  explorer: {
    filters: { slice: EXPLORER_DEFAULT_SLICE },
    read: readExplorer,
    filterValues: (query) => ({ slice: query.slice }),
    fileParts: (query) => query.slice.split('/'),
    describe: (query) => {
      const slice = sliceById(query.slice)!;
      const weeks = slice.sampled ? wholeWeeksOf(query) : null;
      return `rankings-daily ${query.slice}${weeks ? ` weeks ${weeks.start}..${weeks.end} of` : ''} ${query.start}..${query.end}`;
    },
  },
};

/** `/download/slices.csv?slice=use-case%2Fprogramming`, `/download/slices.json?slice=context%2F1m&window=30-days`. */
export function slicesDownloadHref({ slice, window }: { slice: SliceId; window: SliceWindowName }, format: DownloadFormat): string {
  return downloadHref('slices', format, slicesBoard.download.search({ table: 'slices', slice, window }));
}

/** A board's page: `/rankings/use-case/programming`, `/rankings/context/1m?window=30-days` (the default window dropped). */
export function sliceHref(slice: Pick<Slice, 'family' | 'slug'>, window: SliceWindowName = DEFAULT_SLICE_WINDOW): string {
  return window === DEFAULT_SLICE_WINDOW ? slicePath(slice) : `${slicePath(slice)}?window=${window}`;
}

/** The board's social card (one per slice: its last completed week), under `/og/` like every card (lib/routes.ts says why). */
export function sliceOgImageHref(slice: Pick<Slice, 'family' | 'slug'>): string {
  return `/og${slicePath(slice)}`;
}

/** The widget of a slice: `/embed/rankings?slice=use-case%2Fprogramming&top=5`. */
export function sliceEmbedHref(embed: Omit<SlicesEmbed, 'kind' | 'top' | 'theme'> & Partial<Pick<SlicesEmbed, 'top' | 'theme'>>): string {
  const search = slicesBoard.embed!.search({ kind: 'slices', top: DEFAULT_EMBED.top, theme: DEFAULT_EMBED.theme, ...embed }).toString();
  return `${SLICES_EMBED_PATH}?${search}`;
}
