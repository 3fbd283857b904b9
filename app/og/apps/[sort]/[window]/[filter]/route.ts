import { rankingCardImage } from '@/components/og/ranking-card';
import { appsViewCard } from '@/lib/boards/apps/card';
import { appsQueryOf } from '@/lib/boards/apps/page';

// The card of an apps view (`filter`: all, <category> or <category>.<subcategory>, as in /apps/v/…), one
// for every page of the view. Cached and regenerated like the page (ISR); invalid values are a 404 before
// anything is fetched.
export const revalidate = 60;

export function generateStaticParams() {
  return [{ sort: 'popular', window: 'month', filter: 'all' }];
}

interface RouteProps {
  params: Promise<{ sort: string; window: string; filter: string }>;
}

export async function GET(_request: Request, { params }: RouteProps) {
  return rankingCardImage(await appsViewCard(appsQueryOf(await params)));
}
