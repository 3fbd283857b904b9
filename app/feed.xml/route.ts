import { getConfig } from '@/lib/env';
import { renderAtom } from '@/lib/feed/atom';
import { loadSiteFeed } from '@/lib/feed/site';

// An ISR route like the pages: a revalidation within a data day re-reads the data layer's cache only.
// Data errors throw, so the last good feed keeps being served.
export const revalidate = 60;

/** The rankings as Atom 1.0: one entry per data day (the last 30), and each slice board's new #1 of its last completed week; newest first. */
export async function GET(): Promise<Response> {
  const feed = await loadSiteFeed(getConfig());
  return new Response(renderAtom(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
