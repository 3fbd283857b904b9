import 'server-only';
import { loadModelsFeed } from '../boards/models/feed';
import { loadSliceFeedEntries } from '../boards/slices/feed';
import { withEntries, type AtomFeed } from './atom';

/** What `/feed.xml` holds, before its attribution. */
export const SITE_FEED_SUMMARY =
  "The #1 AI model by tokens each UTC day, new entrants to the top 50 and the biggest movers; and each slice board's new #1 of its last completed week (use cases, languages, context lengths, modalities).";

/**
 * The site's feed: the daily model entries (the last 30 data days) and the slice boards' new leaders
 * of the last completed week, newest first. Each part reads what its pages read; data errors throw.
 */
export async function loadSiteFeed(site: { siteUrl: string; siteName: string }): Promise<AtomFeed> {
  const [models, slices] = await Promise.all([loadModelsFeed(site), loadSliceFeedEntries(site)]);
  return { ...withEntries(models, slices), subtitle: `${SITE_FEED_SUMMARY} ${models.rights ?? ''}`.trim() };
}
