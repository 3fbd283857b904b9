import 'server-only';
import { unstable_cache } from 'next/cache';
import { TAGS } from './datasets/keys';
import type { Endpoint } from './datasets/endpoints';

/**
 * Tags the page, card, widget or file being rendered with its data day and upstream operations, so one
 * `revalidateTag` (the staff console's refresh, lib/staff/refresh.ts) regenerates everything built from
 * them. Boards' loaders call it (getModelHistory, getAppsRanking): pages never tag themselves. The cached
 * value is the day itself: the figures stay in the data layer's own cache, where bigints need no JSON
 * round trip.
 */
export async function tagPageData(dataDay: string, endpoints: readonly Endpoint[]): Promise<void> {
  const tags = [TAGS.dataDay(dataDay), ...endpoints.map(TAGS.dataset)];
  await unstable_cache(async () => dataDay, ['page-data', dataDay, ...endpoints], { tags })();
}
