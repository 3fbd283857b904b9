import type { Metadata } from 'next';
import Link from 'next/link';
import { TopAppsTable } from '@/components/apps/top-apps-table';
import { LeaderboardTable } from '@/components/models/leaderboard-table';
import { DailyStackSection } from '@/components/models/model-charts';
import { MoversList, type Mover } from '@/components/models/movers-list';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { Stat } from '@/components/site/stat';
import { TokenFigure } from '@/components/site/token-figure';
import { DEFAULT_APPS_QUERY } from '@/lib/boards/apps/types';
import { getAppsView } from '@/lib/boards/apps/view';
import { appsDownloadHref } from '@/lib/boards/apps/url';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { downloadHrefs } from '@/lib/downloads';
import { getConfig } from '@/lib/env';
import { formatDay, formatRange, formatShare } from '@/lib/format';
import { getModelHistory } from '@/lib/boards/models/history';
import { modelLabel } from '@/lib/model-name';
import { biggestMovers, computeLeaderboard } from '@/lib/rankings/leaderboard';
import { modelHref, modelsHref } from '@/lib/routes';
import { datasetJsonLd, listNames, pageMetadata, websiteJsonLd } from '@/lib/seo';
import { windowRange } from '@/lib/utc-day';

// Content changes once per data day; a revalidation in between re-reads the data layer's cache only,
// and one that fails throws, so the last good page stays.
export const revalidate = 60;

/** What a movers list shows of a leaderboard row (its props are sent in the page's payload). */
const mover = ({ permaslug, tokens, changePct }: Mover): Mover => ({ permaslug, tokens, changePct });

export async function generateMetadata(): Promise<Metadata> {
  const { history, dataDay } = await getModelHistory();
  const apps = await getAppsView(DEFAULT_APPS_QUERY);
  const leader = computeLeaderboard(history, 'day', dataDay).rows[0];
  const models = computeLeaderboard(history, 'month', dataDay).rows.slice(0, 3).map((row) => row.permaslug);
  const { siteName } = getConfig();
  return pageMetadata(getConfig(), {
    // The home page names the site first; other pages end with it (the layout's template).
    title: { absolute: `${siteName} — top AI models and apps by tokens, ${formatDay(dataDay)}` },
    description: `Which AI models and apps use the most tokens on OpenRouter, per UTC day.${leader ? ` #1 on ${formatDay(dataDay)}: ${leader.permaslug}.` : ''} Last 30 days: ${listNames(models)} lead the models, ${listNames(apps.rows.slice(0, 3).map((row) => row.appName))} the apps.`,
    path: '/',
  });
}

export default async function HomePage() {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const month = windowRange('month', dataDay);
  // The default /apps view: the same cached upstream request as that page, so the preview costs nothing extra.
  const apps = await getAppsView(DEFAULT_APPS_QUERY);
  const day = computeLeaderboard(history, 'day', dataDay);
  const thirty = computeLeaderboard(history, 'month', dataDay);
  const movers = biggestMovers(computeLeaderboard(history, 'week', dataDay), 5);
  const leader = day.rows[0];

  const site = getConfig();
  const structured = [
    websiteJsonLd(site, 'Which AI models and apps use the most tokens, per UTC day: rankings, history and downloads from the OpenRouter Datasets API.'),
    datasetJsonLd(site, {
      name: `Top AI models by tokens, the last 30 days to ${formatDay(dataDay)}`,
      description: `Tokens per AI model on OpenRouter over ${formatRange(month.start, month.end)} (UTC), ranked, with share of all tokens and change vs the 30 days before.`,
      path: modelsHref(),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: month.start,
      end: month.end,
      asOf,
      csv: modelsDownloadHref({ window: 'month' }, 'csv'),
      json: modelsDownloadHref({ window: 'month' }, 'json'),
    }),
  ];

  return (
    <>
      <JsonLd nodes={structured} />
      <h1>Which AI models use the most tokens</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />

      <section aria-labelledby="overview-heading" className="section">
        <h2 id="overview-heading" className="visually-hidden">
          Overview
        </h2>
        <dl className="stats">
          <Stat label={`Tokens on ${formatDay(dataDay)}`}>
            <TokenFigure tokens={day.total} />
          </Stat>
          <Stat label="Tokens, last 30 days">
            <TokenFigure tokens={thirty.total} />
          </Stat>
          <Stat label="Top-50 share, last 30 days">
            {formatShare(thirty.total - thirty.other, thirty.total)}
          </Stat>
          <Stat label={`#1 on ${formatDay(dataDay)}`} name>
            {leader ? (
              <Link href={modelHref(leader.permaslug)} prefetch={false} title={leader.permaslug}>
                {modelLabel(leader.permaslug)}
              </Link>
            ) : (
              '–'
            )}
          </Stat>
        </dl>
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>

      <section aria-labelledby="top-heading" className="section">
        <h2 id="top-heading">Top 10 models, last 30 days</h2>
        <LeaderboardTable
          caption={`Top 10 models by tokens, ${formatRange(month.start, month.end)} (UTC); change vs the 30 days before`}
          rows={thirty.rows.slice(0, 10)}
          total={thirty.total}
        />
        <DownloadLinks hrefs={downloadHrefs((format) => modelsDownloadHref({ window: 'month' }, format))} subject="the full 30-day leaderboard" />
        <p>
          <Link href={modelsHref()} prefetch={false}>Full leaderboard and other windows →</Link>
        </p>
      </section>

      {/* Below the table: the chart loads when a reader scrolls to it, not with the page. */}
      <section aria-labelledby="stack-heading" className="section">
        <h2 id="stack-heading">Daily tokens, {formatRange(month.start, month.end)}</h2>
        <DailyStackSection history={history} range={month} topN={10} />
      </section>

      <section aria-labelledby="movers-heading" className="section">
        <h2 id="movers-heading">Biggest movers this week</h2>
        <p className="muted">Token change over the last 7 days vs the 7 days before, among models with at least 0.1% of all tokens.</p>
        <div className="grid-2">
          <MoversList title="Rising" rows={movers.up.map(mover)} />
          <MoversList title="Falling" rows={movers.down.map(mover)} />
        </div>
      </section>

      <section aria-labelledby="apps-heading" className="section">
        <h2 id="apps-heading">Top apps, last 30 days</h2>
        <TopAppsTable caption={`Top 5 public apps by tokens, ${formatRange(month.start, month.end)} (UTC)`} rows={apps.rows.slice(0, 5)} />
        <DownloadLinks hrefs={downloadHrefs((format) => appsDownloadHref(DEFAULT_APPS_QUERY, format))} subject="every rank of the 30-day app ranking" />
        <p>
          <Link href="/apps" prefetch={false}>All app rankings, categories and trending apps →</Link>
        </p>
        <Citation source="app-rankings" dataSource={apps.source} asOf={apps.asOf} />
      </section>
    </>
  );
}
