import type { Metadata } from 'next';
import { BoardFigures } from '@/components/models/board-figures';
import { DailyStackSection } from '@/components/models/model-charts';
import { MonthNav } from '@/components/models/month-nav';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { loadMonthPage, monthPageMetadata } from '@/lib/boards/models/archive-page';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { getDatasets } from '@/lib/data-layer';
import { downloadHrefs } from '@/lib/downloads';
import { formatDay } from '@/lib/format';
import { completeMonths } from '@/lib/utc-day';

/*
 * Caching. Months complete at build time are prerendered; a month that completes later is rendered on its
 * first request (dynamicParams) and kept like every ISR page. Every answer, a 404 included, is cached for
 * `revalidate` seconds only, never for good: a request for the month in progress caches a 404, and with
 * `revalidate = false` that 404 would outlive the month's end (as would a build-time list with
 * dynamicParams = false). Seen on next start 16.4.6: once the month completed, its cached 404 was served
 * STALE once and regenerated as a 200. A minute also lets the month just ended follow upstream restatements (the
 * history refetches it until the data day passes into the month after next). A regeneration re-reads the
 * data layer's cache, so a final month costs a render a minute at most while visited, and no upstream call.
 */
export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams() {
  return completeMonths(getDatasets().dataDay()).map((month) => ({ month }));
}

interface PageProps {
  params: Promise<{ month: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  return monthPageMetadata((await params).month);
}

export default async function ArchiveMonthPage({ params }: PageProps) {
  const { month, board, history, asOf, dataDay, source, name, period, previous, next, hasPrevious, hasNext, restatable, comparison, crumbs, structured } =
    await loadMonthPage((await params).month);
  return (
    <>
      <JsonLd nodes={structured} />
      <Breadcrumbs crumbs={crumbs} />
      <h1>Top AI models by tokens — {name}</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />
      {dataDay <= restatable ? (
        <p className="muted">
          {name} has ended recently: the source may still restate its figures until the data day passes{' '}
          <time dateTime={restatable}>{formatDay(restatable)}</time>.
        </p>
      ) : null}

      <section aria-labelledby="board-heading" className="section">
        <h2 id="board-heading">
          Leaderboard, {name} ({period})
        </h2>
        <BoardFigures board={board} caption={`Models by tokens, ${period} (UTC). Share of all tokens including models outside the daily top 50; change and rank movement ${comparison}.`} empty="No model figures are available for this month." />
        <DownloadLinks hrefs={downloadHrefs((format) => modelsDownloadHref({ month }, format))} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>

      <section aria-labelledby="stack-heading" className="section">
        <h2 id="stack-heading">Daily tokens, {period}</h2>
        <DailyStackSection history={history} range={board.range} topN={10} />
      </section>

      <MonthNav previous={hasPrevious ? previous : null} next={hasNext ? next : null} />
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
    </>
  );
}
