import type { Metadata } from 'next';
import Link from 'next/link';
import { modelLabel } from '@/lib/model-name';
import { Breadcrumbs } from '@/components/site/breadcrumbs';
import { Citation } from '@/components/site/citation';
import { Freshness } from '@/components/site/freshness';
import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { getConfig } from '@/lib/env';
import { formatMonth, formatShare } from '@/lib/format';
import { getModelHistory } from '@/lib/boards/models/history';
import { archiveSummaries } from '@/lib/rankings/archive';
import { archiveHref, modelHref, modelsHref } from '@/lib/routes';
import { pageMetadata } from '@/lib/seo';

// Like every data page: a new month appears with the first regeneration after its last day becomes the data day.
export const revalidate = 60;

export function generateMetadata(): Metadata {
  return pageMetadata(getConfig(), {
    title: 'Monthly archive — top AI models by tokens',
    description:
      'The AI models that used the most tokens on OpenRouter in each calendar month since January 2025: each month’s #1, its total tokens and the full leaderboard.',
    path: archiveHref(),
  });
}

export default async function ArchiveIndexPage() {
  const { history, asOf, dataDay, source } = await getModelHistory();
  const months = archiveSummaries(history, dataDay);

  return (
    <>
      <Breadcrumbs
        crumbs={[
          { name: 'Home', path: '/' },
          { name: 'Models', path: modelsHref() },
          { name: 'Archive', path: archiveHref() },
        ]}
      />
      <h1>Monthly archive: top AI models by tokens</h1>
      <Freshness dataDay={dataDay} asOf={asOf} />

      <section aria-labelledby="months-heading" className="section">
        <h2 id="months-heading">Complete months</h2>
        {months.length === 0 ? (
          <p>No calendar month is complete yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>Each complete calendar month (UTC), newest first: its #1 model by tokens and all tokens that month</caption>
              <TableHead
                columns={[
                  { label: 'Month' },
                  { label: '#1 model' },
                  { label: 'Share of the #1', numeric: true, wide: true },
                  { label: 'All tokens', numeric: true },
                ]}
              />
              <tbody>
                {months.map(({ month, leader, total }) => (
                  <tr key={month}>
                    <th scope="row">
                      <Link href={archiveHref(month)} prefetch={false}>
                        {formatMonth(month)}
                      </Link>
                    </th>
                    <td className="model-cell">
                      {leader ? (
                        <Link href={modelHref(leader.permaslug)} prefetch={false} title={leader.permaslug}>
                          {modelLabel(leader.permaslug)}
                        </Link>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="num hide-narrow">{leader ? formatShare(leader.tokens, total) : '–'}</td>
                    <td className="num">
                      <TokenFigure tokens={total} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Citation source="rankings-daily" dataSource={source} asOf={asOf} />
      </section>
    </>
  );
}
