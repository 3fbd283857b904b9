import { RANKINGS_PATH, sliceHref } from './board';
import { slicePath, type Slice } from './slices';
import { DEFAULT_SLICE_WINDOW, type SliceWindowName } from './windows';

/**
 * The slice boards' URLs beside their pages' (`sliceHref`, `slicesDownloadHref` in board.ts): the ISR
 * page a window renders at, the JSON API, a family's section of the hub.
 */

type SliceAddress = Pick<Slice, 'family' | 'slug'>;

/** The ISR page a board's window renders at (middleware.ts rewrites `sliceHref` to it). */
export function slicePagePath(slice: SliceAddress, window: SliceWindowName): string {
  return `${slicePath(slice)}/${window}`;
}

/** The JSON API of a board's window: every rank, tokens as exact decimal strings. */
export function sliceApiHref(slice: SliceAddress, window: SliceWindowName = DEFAULT_SLICE_WINDOW): string {
  return `/api${sliceHref(slice, window)}`;
}

/** A family's section of the hub: `/rankings#context`. */
export function familyHref(family: Slice['family']): string {
  return `${RANKINGS_PATH}#${family}`;
}
