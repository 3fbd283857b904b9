import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LazyLineChart } from '@/components/charts/lazy';
import { TOKENS_UNIT } from '@/components/charts/token-ticks';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { DownloadLinks } from '@/components/site/download-links';
import { Freshness } from '@/components/site/freshness';
import { JsonLd } from '@/components/site/json-ld';
import { Stat } from '@/components/site/stat';
import { TableHead } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';
import { TokenFigure } from '@/components/site/token-figure';
import { modelDownloadHref } from '@/lib/boards/model/board';
import { downloadHrefs } from '@/lib/downloads';
import { formatBasisPoints, formatDay, formatRange, tokensForChart, WINDOW_LABELS } from '@/lib/format';
import { modelLabel, modelName } from '@/lib/model-name';
import { getConfig } from '@/lib/env';
import { getModelHistory } from '@/lib/boards/models/history';
import { cardAlt, modelCard } from '@/lib/og/card-data';
import { socialImage } from '@/lib/og/metadata';
import { modelProfile, weeklyPoints, type ModelProfile } from '@/lib/rankings/model-profile';
import { WEEKLY_AFTER_DAYS } from '@/lib/rankings/series';
import { decodeSegment, modelHref, modelOgImageHref, modelsHref } from '@/lib/routes';
import { breadcrumbJsonLd, datasetJsonLd, pageMetadata, type Crumb } from '@/lib/seo';
import { WINDOW_NAMES } from '@/lib/utc-day';

// Rendered on first visit, then served from the ISR cache like every other data page.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

interface PageProps {
  params: Promise<{ permaslug: string[] }>;
}

/** The daily table shows the last two weeks; the downloads under it hold every day. */
const TABLE_DAYS = 14;

/** Segments arrive percent-encoded (`%3Afree`) or raw (`:free`): both name the same model. */
function decodePermaslug(segments: string[]): string | null {
  const decoded = segments.map(decodeSegment);
  return decoded.every((segment) => segment !== null) ? decoded.join('/') : null;
}

async function loadProfile(params: PageProps['params']) {
  const permaslug = decodePermaslug((await params).permaslug);
  if (!permaslug) notFound();
  const data = await getModelHistory();
  const profile = modelProfile(data.history, permaslug, data.dataDay);
  if (!profile) notFound();
  return { ...data, profile };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { profile, dataDay, source } = await loadProfile(params);
  const latest = profile.points.at(-1);
  const standing = latest?.date === dataDay && latest.rank !== null ? `#${latest.rank} on ${formatDay(dataDay)}` : `outside the top 50 on ${formatDay(dataDay)}`;
  return pageMetadata(getConfig(), {
    title: `${modelLabel(profile.permaslug)} (${profile.permaslug}) — daily tokens and rank to ${formatDay(dataDay)}`,
    description: `Daily token usage, rank and share of ${profile.permaslug} (by ${profile.author}) on OpenRouter since ${formatDay(profile.firstSeen)}: ${standing}, best rank #${profile.bestRank.rank} on ${formatDay(profile.bestRank.date)}.`,
    path: modelHref(profile.permaslug),
    image: socialImage(modelOgImageHref(profile.permaslug), cardAlt(modelCard(profile, dataDay, source === 'demo'))),
  });
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

export default async function ModelPage({ params }: PageProps) {
  const { profile, asOf, dataDay, source } = await loadProfile(params);
  const recent = profile.points.slice(-TABLE_DAYS).reverse();
  const name = modelName(profile.permaslug);
  // "Since <first day>" says something only when the model is older than the longest window.
  const showAllTime = profile.allTime !== profile.windows.year;
  const windowsCaption = `Tokens of ${profile.permaslug} over windows ending ${formatDay(dataDay)} (UTC), counting days in the top 50`;
  const historyCaption = `The last ${recent.length} days (UTC), newest first; share of each day's tokens`;
  const site = getConfig();
  const crumbs: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: 'Models', path: modelsHref() },
    { name: modelLabel(profile.permaslug), path: modelHref(profile.permaslug) },
  ];
  const structured = [
    datasetJsonLd(site, {
      name: `${profile.permaslug}: daily tokens and rank on OpenRouter`,
      description: `Daily tokens, rank among all models and share of the day of ${profile.permaslug} (by ${profile.author}), ${formatRange(profile.firstSeen, dataDay)} (UTC).`,
      path: modelHref(profile.permaslug),
      source: 'rankings-daily',
      demo: source === 'demo',
      start: profile.firstSeen,
      end: dataDay,
      asOf,
      csv: modelDownloadHref(profile.permaslug, 'csv'),
      json: modelDownloadHref(profile.permaslug, 'json'),
    }),
    breadcrumbJsonLd(site, crumbs),
  ];

  return (
    <>
      <JsonLd nodes={structured} />
      <Breadcrumbs crumbs={crumbs} />
      <h1>
        {name.name}
        {name.variant ? <span className="badge badge--variant">{name.variant}</span> : null}
      </h1>
      <p className="muted">
        by <strong>{name.author}</strong> · <code className="slug">{profile.permaslug}</code>
      </p>
      <Freshness dataDay={dataDay} asOf={asOf} />

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
