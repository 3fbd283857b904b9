import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BoardFigures } from '@/components/models/board-figures';
import { DailyStackSection } from '@/components/models/model-charts';
import { MonthNav } from '@/components/models/month-nav';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { getDatasets } from '@/lib/datasets';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { downloadHrefs } from '@/lib/downloads';
import { getConfig } from '@/lib/env';
import { formatDay, formatMonth, formatRange, formatShare } from '@/lib/format';
import { getModelHistory } from '@/lib/boards/models/history';
import { isArchiveMonth, monthLeaderboard, nextMonth, restatableThrough } from '@/lib/rankings/archive';
import { cardAlt, leaderboardCard } from '@/lib/og/card-data';
import { socialImage } from '@/lib/og/metadata';
import { archiveHref, archiveOgImageHref, modelsHref } from '@/lib/routes';
import { breadcrumbJsonLd, datasetJsonLd, pageMetadata, type Crumb } from '@/lib/seo';
import { completeMonths, DATASET_START, previousMonth } from '@/lib/utc-day';

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

// Shared by generateMetadata and the page within one render.
const loadMonth = cache(async (month: string) => {
  // The data day is a clock reading: anything but a complete month is a 404 before the history is loaded.
  if (!isArchiveMonth(month, getDatasets().dataDay())) notFound();
  const data = await getModelHistory();
  // The snapshot's own data day decides, should the clock have crossed a settle boundary in between.
  if (!isArchiveMonth(month, data.dataDay)) notFound();
  return { ...data, month, board: monthLeaderboard(data.history, month) };
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { month, board, source } = await loadMonth((await params).month);
  const name = formatMonth(month);
  const leader = board.rows[0];
  return pageMetadata(getConfig(), {
    title: leader ? `Top AI models by tokens — ${name}: ${leader.permaslug} is #1` : `Top AI models by tokens — ${name}`,
    description: leader
      ? `The AI models that used the most tokens on OpenRouter in ${name} (UTC): ${leader.permaslug} was #1 with ${formatShare(leader.tokens, board.total)} of all tokens. Full leaderboard, change vs the month before, daily chart.`
      : `The AI models that used the most tokens on OpenRouter in ${name} (UTC).`,
    path: archiveHref(month),
    image: socialImage(archiveOgImageHref(month), cardAlt(leaderboardCard(board, 'Top AI models by tokens', name, source === 'demo'))),
  });
}

export default async function ArchiveMonthPage({ params }: PageProps) {
  const { month, board, history, asOf, dataDay, source } = await loadMonth((await params).month);
  const name = formatMonth(month);
  const period = formatRange(board.range.start, board.range.end);
  const previous = previousMonth(month);
  const next = nextMonth(month);
  const hasPrevious = isArchiveMonth(previous, dataDay);
  const restatable = restatableThrough(month);
  const comparison = hasPrevious
    ? `vs ${formatMonth(previous)}`
    : `— none: the history starts on ${formatDay(DATASET_START)}, so there is no month before to compare with`;
  const site = getConfig();
  const crumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: 'Models', path: modelsHref() },
    { name: 'Archive', path: archiveHref() },
    { name, path: archiveHref(month) },
  ];
  const structured = [
    datasetJsonLd(site, {
      name: `Top AI models by tokens, ${name}`,
      description: `Tokens per AI model on OpenRouter in ${name} (${period}, UTC), ranked, with share of all tokens and change vs the month before.`,
      path: archiveHref(month),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: board.range.start,
      end: board.range.end,
      asOf,
      csv: modelsDownloadHref({ month }, 'csv'),
      json: modelsDownloadHref({ month }, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];

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

      <MonthNav previous={hasPrevious ? previous : null} next={isArchiveMonth(next, dataDay) ? next : null} />
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
    </>
  );
}
