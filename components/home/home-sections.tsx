import Link from 'next/link';
import { TopAppsTable } from '@/components/apps/top-apps-table';
import { LeaderboardTable } from '@/components/models/leaderboard-table';
import { DailyStackSection } from '@/components/models/model-charts';
import { MoversList, type Mover } from '@/components/models/movers-list';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Stat } from '@/components/site/stat';
import { TokenFigure } from '@/components/site/token-figure';
import { DEFAULT_APPS_QUERY } from '@/lib/boards/apps/types';
import { appsDownloadHref } from '@/lib/boards/apps/url';
import type { HomePage } from '@/lib/boards/home';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { downloadHrefs } from '@/lib/downloads';
import { formatDay, formatRange, formatShare } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';
import { modelHref, modelsHref } from '@/lib/routes';

/** What a movers list shows of a leaderboard row (its props are sent in the page's payload). */
const mover = ({ permaslug, tokens, changePct }: Mover): Mover => ({ permaslug, tokens, changePct });

/** The home page's sections below its heading: overview figures, top models, daily chart, movers, top apps. */
export function HomeSections({ history, asOf, dataDay, source, month, apps, day, thirty, movers, leader }: HomePage) {
  return (
    <>
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
          <br />
          <Link href="/rankings" prefetch={false}>Rankings by use case, language, context length and modality →</Link>
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
