import { loadModelsFeed } from '@/lib/boards/models/feed';
import { getConfig } from '@/lib/env';
import { renderAtom } from '@/lib/feed/atom';

// An ISR route like the pages: a revalidation within a data day re-reads the data layer's cache only.
// Data errors throw, so the last good feed keeps being served.
export const revalidate = 60;

/** The daily model rankings as Atom 1.0: one entry per data day, the last 30, newest first. */
export async function GET(): Promise<Response> {
  const feed = await loadModelsFeed(getConfig());
  return new Response(renderAtom(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
