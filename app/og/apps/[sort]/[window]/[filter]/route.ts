import { notFound } from 'next/navigation';
import { rankingCardImage } from '@/components/og/ranking-card';
import { validateAppsQuery } from '@/lib/boards/apps/query';
import { appsViewCard } from '@/lib/og/cards';
import { decodeSegment } from '@/lib/routes';

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
  const { sort, window, filter } = await params;
  const decoded = filter === 'all' ? '' : decodeSegment(filter);
  if (decoded === null) notFound();
  const [category, subcategory, ...rest] = decoded === '' ? [] : decoded.split('.');
  if (rest.length > 0 || category === '') notFound();
  const result = validateAppsQuery({ sort, window, category, subcategory });
  if (!result.ok) notFound();
  return rankingCardImage(await appsViewCard(result.query));
}
