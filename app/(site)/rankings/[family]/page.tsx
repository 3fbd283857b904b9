import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HubBoards } from '@/components/rankings/hub-boards';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { HUB_TITLE, hubMetadata, loadHubPage } from '@/lib/boards/slices/page';
import { formatRange } from '@/lib/format';
import { addDays } from '@/lib/utc-day';

// The hub, `/rankings`: middleware.ts rewrites it here (`/rankings/all`, every family). A dynamic segment
// with no static params renders on first visit, then from the ISR cache, so a build makes no upstream call for it.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

interface PageProps {
  params: Promise<{ family: string }>;
}

async function hubOf(params: PageProps['params']): Promise<void> {
  if ((await params).family !== 'all') notFound();
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await hubOf(params);
  return hubMetadata();
}

export default async function RankingsHub({ params }: PageProps) {
  await hubOf(params);
  const { summaries, asOf, dataDay, source, structured, boards } = await loadHubPage();
  const week = boards.find((b) => b.board)?.board?.range;
  return (
    <>
      <JsonLd nodes={structured} />
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Rankings', path: '/rankings' },
        ]}
      />
      <h1>{HUB_TITLE}</h1>
      <p>
        The AI models that used the most tokens on OpenRouter in each slice of its traffic
        {week ? <>, for the last completed week ({formatRange(week.start, addDays(week.start, 6))}, Monday to Sunday UTC)</> : null}.
        Shares are of each slice&apos;s own total. Use cases and languages are{' '}
        <strong>weekly estimates</strong> upsampled from a sample of requests; context lengths and modalities are exact counts.
      </p>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <HubBoards boards={summaries} />
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
    </>
  );
}
