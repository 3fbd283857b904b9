import { rankingCardImage } from '@/components/og/ranking-card';
import { modelPageCard } from '@/lib/boards/model/card';
import { decodeSegment } from '@/lib/routes';

// The card of a model page, drawn on its first request and then served from the ISR cache like the page.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

// notFound() here would be cached with no revalidation at all, so a model that appears tomorrow would keep
// its 404: a plain 404 is cached for the minute like everything else.
const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ permaslug: string[] }> }) {
  const segments = (await params).permaslug.map(decodeSegment);
  if (!segments.every((segment) => segment !== null)) return notFound();
  const card = await modelPageCard(segments.join('/'));
  return card ? rankingCardImage(card) : notFound();
}
