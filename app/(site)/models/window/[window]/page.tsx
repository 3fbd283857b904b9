import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BoardFigures } from '@/components/models/board-figures';
import { AuthorShareSection, DailyStackSection, Top50ShareSection } from '@/components/models/model-charts';
import { WindowNav } from '@/components/models/window-nav';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { JsonLd } from '@/components/site/json-ld';
import { Freshness } from '@/components/site/freshness';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { downloadHrefs } from '@/lib/downloads';
import { formatDay, formatRange, WINDOW_LABELS } from '@/lib/format';
import { getConfig } from '@/lib/env';
import { getModelHistory } from '@/lib/boards/models/history';
import { cardAlt } from '@/lib/og/card-data';
import { modelsWindowCard } from '@/lib/og/cards';
import { socialImage } from '@/lib/og/metadata';
import { computeLeaderboard } from '@/lib/rankings/leaderboard';
import { archiveHref, DEFAULT_MODELS_WINDOW, modelsHref, modelsOgImageHref } from '@/lib/routes';
import { breadcrumbJsonLd, datasetJsonLd, listNames, pageMetadata } from '@/lib/seo';
import { DATASET_START, isWindowName, windowRange, WINDOW_NAMES, type WindowName } from '@/lib/utc-day';

// Reached through middleware.ts, which rewrites /models?window=… here so each window is one ISR page.
// Content changes once per data day; a revalidation in between re-reads the data layer's cache only.
export const revalidate = 60;
export const dynamicParams = false;

/**
 * Ranks the page renders; the rest load on request (every rendered row is sent twice: HTML and payload).
 * Twenty, as a phone's first screens hold them, and within the page's 60 kB.
 */
const LEADERBOARD_HEAD = 20;

export function generateStaticParams() {
  return WINDOW_NAMES.map((window) => ({ window }));
}

interface PageProps {
  params: Promise<{ window: string }>;
}

async function windowParam(params: PageProps['params']): Promise<WindowName> {
  const { window } = await params;
  if (!isWindowName(window)) notFound();
  return window;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const window = await windowParam(params);
  const { history, dataDay } = await getModelHistory();
  const leaders = computeLeaderboard(history, window, dataDay).rows.slice(0, 3).map((row) => row.permaslug);
  return pageMetadata(getConfig(), {
    title: `Top AI models by tokens — ${WINDOW_LABELS[window].short} to ${formatDay(dataDay)}`,
    description: `The AI models that used the most tokens on OpenRouter over ${WINDOW_LABELS[window].long} to ${formatDay(dataDay)}${leaders.length ? `, led by ${listNames(leaders)}` : ''}: ranks, shares, changes and market share by author.`,
    path: modelsHref(window),
    image: socialImage(modelsOgImageHref(window), cardAlt(await modelsWindowCard(window))),
  });
}

export default async function ModelsPage({ params }: PageProps) {
  const window = await windowParam(params);
  const { history, asOf, dataDay, source } = await getModelHistory();
  const board = computeLeaderboard(history, window, dataDay);
  // A one-day window has nothing to stack over time: chart the week that ends on it instead.
  const chartRange = window === 'day' ? windowRange('week', dataDay) : board.range;
  const period = formatRange(board.range.start, board.range.end);
  const comparison = board.comparable
    ? `change and rank movement vs the ${board.previousRange.days} days before`
    : `no change figures: the ${board.previousRange.days} days before would start before the data does (${formatDay(DATASET_START)})`;
  const site = getConfig();
  const structured = [
    datasetJsonLd(site, {
      name: `Top AI models by tokens, ${WINDOW_LABELS[window].long} to ${formatDay(dataDay)}`,
      description: `Tokens per AI model on OpenRouter over ${period} (UTC), ranked, with each model's share of all tokens${board.comparable ? ` and its change vs the ${board.previousRange.days} days before` : ''}.`,
      path: modelsHref(window),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: board.range.start,
      end: board.range.end,
      asOf,
      csv: modelsDownloadHref({ window }, 'csv'),
      json: modelsDownloadHref({ window }, 'json'),
    }),
    breadcrumbJsonLd(site, [
      { name: 'Home', path: '/' },
      { name: 'Models', path: modelsHref() },
      ...(window === DEFAULT_MODELS_WINDOW ? [] : [{ name: WINDOW_LABELS[window].short, path: modelsHref(window) }]),
    ]),
  ];

  return (
    <>
      <JsonLd nodes={structured} />
      <h1>Top AI models by tokens</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />
      <WindowNav current={window} hrefFor={modelsHref} label="Time window" />

      {/* The story first, as on openrouter.ai/rankings: who grew and who shrank over the window. */}
      <section aria-labelledby="stack-heading" className="section">
        <h2 id="stack-heading">Daily tokens, {formatRange(chartRange.start, chartRange.end)}</h2>
        <DailyStackSection history={history} range={chartRange} topN={10} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
      </section>

      <section aria-labelledby="board-heading" className="section">
        <h2 id="board-heading">
          Leaderboard, {WINDOW_LABELS[window].long} ({period})
        </h2>
        <BoardFigures
          board={board}
          caption={`Models by tokens, ${period} (UTC). Share of all tokens including models outside the daily top 50; ${comparison}.`}
          empty="No model figures are available for this window yet."
          rest={{ head: LEADERBOARD_HEAD, window, href: modelsDownloadHref({ window }, 'csv') }}
        />
        <DownloadLinks hrefs={downloadHrefs((format) => modelsDownloadHref({ window }, format))} />
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>

      <div className="grid-2">
        <section aria-labelledby="authors-heading" className="section">
          <h2 id="authors-heading">Market share by author</h2>
          <AuthorShareSection history={history} range={board.range} />
        </section>
        <section aria-labelledby="top50-heading" className="section">
          <h2 id="top50-heading">How concentrated is usage?</h2>
          <Top50ShareSection history={history} range={chartRange} />
        </section>
      </div>
      <p>
        <Link href={archiveHref()} prefetch={false}>Monthly archive →</Link>
      </p>
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} caveat={false} />
    </>
  );
}
