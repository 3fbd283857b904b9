import { rankingCardImage } from '@/components/og/ranking-card';
import { sliceWeekCard } from '@/lib/boards/slices/card';
import { sliceOf } from '@/lib/boards/slices/slices';

// The card of a slice board, /rankings/<family>/<slug> (lib/routes.ts says why cards live under /og/):
// one per slice, its last completed week, whichever window the page shows. Cached and regenerated like
// the page (ISR); a failed regeneration keeps the last.
export const revalidate = 60;

// Drawn on first request, not at build: 24 cards would fetch every slice's history during the build.
export function generateStaticParams() {
  return [];
}

// Any path that names no slice is a 404 before anything is fetched; notFound() here would be cached with
// no revalidation at all, a plain 404 for the minute like everything else.
const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ family: string; slug: string }> }) {
  const { family, slug } = await params;
  const slice = sliceOf(family, slug);
  if (!slice) return notFound();
  return rankingCardImage(await sliceWeekCard(slice));
}
