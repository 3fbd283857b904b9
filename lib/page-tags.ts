import 'server-only';
import { unstable_cache } from 'next/cache';
import { TAGS } from './datasets/keys';
import type { Endpoint } from './datasets/endpoints';

/**
 * Tags the page being rendered with its data day and datasets, so one `revalidateTag` (the staff
 * refresh, a later issue) regenerates every page built from that day. The cached value is the day
 * itself: the figures stay in the data layer's own cache, where bigints need no JSON round trip.
 */
export async function tagPageData(dataDay: string, endpoints: readonly Endpoint[]): Promise<void> {
  const tags = [TAGS.dataDay(dataDay), ...endpoints.map(TAGS.dataset)];
  await unstable_cache(async () => dataDay, ['page-data', dataDay, ...endpoints], { tags })();
}
