import { rankingCardImage } from '@/components/og/ranking-card';
import { getDatasets } from '@/lib/data-layer';
import { archiveMonthCard } from '@/lib/boards/models/card';
import { isArchiveMonth } from '@/lib/rankings/archive';

// The card of /models/archive/<month>, cached and regenerated like its page (see that page on why every
// answer, a 404 included, is kept for the minute only: a month in progress completes later).
// Drawn on first request (none at build: 23 and counting, rarely all shared).
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  // A clock reading decides before anything is loaded, as on the page.
  if (!isArchiveMonth(month, getDatasets().dataDay())) return notFound();
  const card = await archiveMonthCard(month);
  return card ? rankingCardImage(card) : notFound();
}
