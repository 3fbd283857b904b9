import { notFound } from 'next/navigation';
import { rankingCardImage } from '@/components/og/ranking-card';
import { modelsWindowCard } from '@/lib/boards/models/card';
import { isWindowName, WINDOW_NAMES } from '@/lib/utc-day';

// The card of /models?window=… (lib/routes.ts says why it lives here). Cached and regenerated like its
// page (ISR), so it is drawn once a minute at most, never per request; a failed regeneration keeps the last.
export const revalidate = 60;
export const dynamicParams = false;

export function generateStaticParams() {
  return WINDOW_NAMES.map((window) => ({ window }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ window: string }> }) {
  const { window } = await params;
  if (!isWindowName(window)) notFound();
  return rankingCardImage(await modelsWindowCard(window));
}
