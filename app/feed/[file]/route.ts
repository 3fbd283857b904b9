import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/env';
import { renderAtom } from '@/lib/feed/atom';
import { loadSiteFeed } from '@/lib/feed/site';
import { SITE_FEED_FILE } from '@/lib/routes';

// `/feed.xml`, rewritten here by middleware.ts: a dynamic segment with no static params renders on first
// request, then from the ISR cache like the pages, so `next build` makes no upstream call for it (the feed
// reads every slice board's last week). A revalidation within a data day re-reads the data layer's cache
// only; data errors throw, so the last good feed keeps being served.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

/** The rankings as Atom 1.0: one entry per data day (the last 30), and each slice board's new #1 of its last completed week; newest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  if ((await params).file !== SITE_FEED_FILE) notFound();
  const feed = await loadSiteFeed(getConfig());
  return new Response(renderAtom(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
