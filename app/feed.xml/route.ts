import { getConfig } from '@/lib/env';
import { renderAtom } from '@/lib/feed/atom';
import { modelFeed } from '@/lib/feed/model-feed';
import { getModelHistory } from '@/lib/boards/models/history';
import { dailyFeedEntries } from '@/lib/rankings/feed';

// An ISR route like the pages: a revalidation within a data day re-reads the data layer's cache only.
// Data errors throw, so the last good feed keeps being served.
export const revalidate = 60;

/** The daily model rankings as Atom 1.0: one entry per data day, the last 30, newest first. */
export async function GET(): Promise<Response> {
  const { siteUrl, siteName } = getConfig();
  const { history, asOf, dataDay, source } = await getModelHistory();
  const feed = modelFeed({ entries: dailyFeedEntries(history, dataDay), siteUrl, siteName, source, asOf, dataDay });
  return new Response(renderAtom(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
