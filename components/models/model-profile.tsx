import Link from 'next/link';
import { LazyLineChart } from '@/components/charts/lazy';
import { TOKENS_UNIT } from '@/components/charts/token-ticks';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Stat } from '@/components/site/stat';
import { TableHead } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';
import { TokenFigure } from '@/components/site/token-figure';
import { modelDownloadHref } from '@/lib/boards/model/board';
import type { DataSource } from '@/lib/datasets/client';
import { downloadHrefs } from '@/lib/downloads';
import { formatBasisPoints, formatDay, formatRange, tokensForChart, WINDOW_LABELS } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';
import { weeklyPoints, type ModelProfile } from '@/lib/rankings/model-profile';
import { WEEKLY_AFTER_DAYS } from '@/lib/rankings/series';
import { modelHref } from '@/lib/routes';
import { WINDOW_NAMES } from '@/lib/utc-day';

/** The daily table shows the last two weeks; the downloads under it hold every day. */
const TABLE_DAYS = 14;

export interface ModelProfileSectionsProps {
  profile: ModelProfile;
  dataDay: string;
  asOf: string;
  source: DataSource;
}

/** A model page's body: summary, tokens by window, history (charts, the last two weeks, downloads), variants. */
export function ModelProfileSections({ profile, dataDay, asOf, source }: ModelProfileSectionsProps) {
  const recent = profile.points.slice(-TABLE_DAYS).reverse();
  // "Since <first day>" says something only when the model is older than the longest window.
  const showAllTime = profile.allTime !== profile.windows.year;
  const windowsCaption = `Tokens of ${profile.permaslug} over windows ending ${formatDay(dataDay)} (UTC), counting days in the top 50`;
  const historyCaption = `The last ${recent.length} days (UTC), newest first; share of each day's tokens`;
  return (
    <>
    <section aria-labelledby="summary-heading" className="section">
      <h2 id="summary-heading" className="visually-hidden">
        Summary
      </h2>
      <dl className="stats">
        <Stat label="Best rank">
          #{profile.bestRank.rank} <small className="muted">on {formatDay(profile.bestRank.date)}</small>
        </Stat>
        <Stat label="First in the top 50">
          {formatDay(profile.firstSeen)}
        </Stat>
        <Stat label="Last in the top 50">
          {formatDay(profile.lastSeen)}
        </Stat>
        <Stat label="Days in the top 50">
          {profile.daysInTop50}
        </Stat>
      </dl>
    </section>

    <section aria-labelledby="windows-heading" className="section">
      <h2 id="windows-heading">Tokens by window</h2>
      <TableScroll label={windowsCaption}>
        <table className="data-table data-table--compact">
          <caption>{windowsCaption}</caption>
          <TableHead columns={[{ label: 'Window' }, { label: 'Tokens', numeric: true }]} />
          <tbody>
            {WINDOW_NAMES.map((window) => (
              <tr key={window}>
                <th scope="row">{WINDOW_LABELS[window].short}</th>
                <td className="num">
                  <TokenFigure tokens={profile.windows[window]} />
                </td>
              </tr>
            ))}
            {showAllTime ? (
              <tr>
                <th scope="row">Since {formatDay(profile.firstSeen)}</th>
                <td className="num">
                  <TokenFigure tokens={profile.allTime} />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableScroll>
      <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
    </section>

    <section aria-labelledby="history-heading" className="section">
      <h2 id="history-heading">History</h2>
      <ProfileCharts profile={profile} />
      <TableScroll label={historyCaption}>
        <table className="data-table data-table--compact">
          <caption>{historyCaption}</caption>
          <TableHead
              columns={[{ label: 'Date' }, { label: 'Rank', numeric: true }, { label: 'Tokens', numeric: true }, { label: 'Share', numeric: true }]}
            />
          <tbody>
            {recent.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDay(point.date)}</th>
                <td className="num">{point.rank === null ? 'outside top 50' : `#${point.rank}`}</td>
                <td className="num">{point.rank === null ? '–' : <TokenFigure tokens={point.tokens} />}</td>
                <td className="num">{point.rank === null ? '–' : formatBasisPoints(point.shareBp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <DownloadLinks
        hrefs={downloadHrefs((format) => modelDownloadHref(profile.permaslug, format))}
        subject={`the full daily history of ${profile.permaslug}`}
        label="Every day since the first:"
      />
    </section>

    {profile.siblings.length > 0 ? (
      <section aria-labelledby="siblings-heading" className="section">
        <h2 id="siblings-heading">Other variants</h2>
        <ul className="link-list">
          {profile.siblings.map((sibling) => (
            <li key={sibling}>
              <Link href={modelHref(sibling)} prefetch={false}>
                {modelLabel(sibling)}
              </Link>{' '}
              <code className="slug muted">{sibling}</code>
            </li>
          ))}
        </ul>
      </section>
    ) : null}
    </>
  );
}

function ProfileCharts({ profile }: { profile: ModelProfile }) {
  // Past a quarter, a point a week (best rank of the week, share of the week's tokens): a phone's width
  // cannot show more, and a long history would otherwise weigh tens of kB in the page.
  const weekly = profile.points.length > WEEKLY_AFTER_DAYS;
  const points = weekly ? weeklyPoints(profile.points) : profile.points;
  const dates = points.map((p) => p.date);
  const period = formatRange(profile.firstSeen, profile.points.at(-1)?.date ?? profile.lastSeen);
  const per = weekly ? 'week' : 'day';
  return (
    <>
      <LazyLineChart
        title={weekly ? 'Weekly tokens' : 'Daily tokens'}
        description={`${weekly ? 'Weekly' : 'Daily'} tokens of ${profile.permaslug}, ${period} (UTC); days outside the top 50 count as zero.`}
        dates={dates}
        series={[{ key: 'tokens', label: modelLabel(profile.permaslug), values: points.map((p) => tokensForChart(p.tokens)) }]}
        unit={TOKENS_UNIT}
      />
      <div className="grid-2">
        <LazyLineChart
          title={weekly ? 'Best rank each week' : 'Daily rank'}
          description={`${weekly ? 'Best daily rank each week' : 'Rank each day'} of ${profile.permaslug} among all models, ${period}; gaps are ${per}s outside the top 50.`}
          dates={dates}
          series={[{ key: 'rank', label: 'Rank', values: points.map((p) => p.rank ?? Number.NaN) }]}
          unit=""
          reverse
        />
        <LazyLineChart
          title={`Share of the ${per}`}
          description={`Share of each ${per}'s tokens that went to ${profile.permaslug}, ${period}.`}
          dates={dates}
          series={[{ key: 'share', label: 'Share', values: points.map((p) => p.shareBp / 100) }]}
          unit="%"
          percent
        />
      </div>
    </>
  );
}

