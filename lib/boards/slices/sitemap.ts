import 'server-only';
import { getDatasets } from '../../data-layer';
import type { SitemapPage } from '../server';
import { RANKINGS_PATH, sliceHref } from './board';
import { SLICES, type Slice } from './slices';
import { lastCompletedWeekEnd, windowNamesOf } from './windows';

/**
 * The hub and every slice board's windows, dated without an upstream call (the clock's data day): a
 * sampled slice changes only when a week completes, so its pages are dated by that week's Sunday.
 */
export function slicesSitemapPages(dataDay: string, slices: readonly Slice[] = SLICES): SitemapPage[] {
  return [
    { path: RANKINGS_PATH, lastModified: dataDay },
    ...slices.flatMap((slice) => {
      const lastModified = slice.sampled ? lastCompletedWeekEnd(dataDay) : dataDay;
      return windowNamesOf(slice).map((window) => ({ path: sliceHref(slice, window), lastModified }));
    }),
  ];
}

export async function slicesSitemap(): Promise<SitemapPage[]> {
  return slicesSitemapPages(getDatasets().dataDay());
}
