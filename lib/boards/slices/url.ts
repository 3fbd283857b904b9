import { downloadHref, type DownloadFormat } from '../../downloads';
import { slicePath, type Slice } from './slices';
import { DEFAULT_SLICE_WINDOW, type SliceWindowName } from './windows';

/**
 * The one spelling of every slice board URL: the default window dropped, so each view has one URL (one
 * cache entry, one crawlable page). The window lives in the query, as on `/models`; middleware.ts rewrites
 * it to the ISR page `/rankings/<family>/<slug>/<window>`.
 */

/** The hub of every slice board. */
export const RANKINGS_HUB = '/rankings';

type SliceAddress = Pick<Slice, 'family' | 'slug'>;

/** `/rankings/use-case/marketing-seo`, `/rankings/context/1m?window=30-days`. */
export function sliceHref(slice: SliceAddress, window: SliceWindowName = DEFAULT_SLICE_WINDOW): string {
  const path = slicePath(slice);
  return window === DEFAULT_SLICE_WINDOW ? path : `${path}?window=${window}`;
}

/** The ISR page a board's window renders at. */
export function slicePagePath(slice: SliceAddress, window: SliceWindowName): string {
  return `${slicePath(slice)}/${window}`;
}

/** The JSON API of a board's window: every rank, tokens as exact decimal strings. */
export function sliceApiHref(slice: SliceAddress, window: SliceWindowName = DEFAULT_SLICE_WINDOW): string {
  const path = `/api${slicePath(slice)}`;
  return window === DEFAULT_SLICE_WINDOW ? path : `${path}?window=${window}`;
}

/** A family's section of the hub: `/rankings#context`. */
export function familyHref(family: Slice['family']): string {
  return `${RANKINGS_HUB}#${family}`;
}

/** A board window's CSV or JSON: `/download/slices.csv?slice=context/1m&window=30-days`. */
export function sliceDownloadHref(slice: Pick<Slice, 'id'>, window: SliceWindowName, format: DownloadFormat): string {
  const params = new URLSearchParams({ slice: slice.id });
  if (window !== DEFAULT_SLICE_WINDOW) params.set('window', window);
  return downloadHref('slices', format, params);
}
