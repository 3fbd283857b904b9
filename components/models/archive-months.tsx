import Link from 'next/link';
import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { formatMonth, formatShare } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';
import type { ArchiveMonthSummary } from '@/lib/rankings/archive';
import { archiveHref, modelHref } from '@/lib/routes';

/** The archive's index table: each complete month, newest first, with its #1 and all its tokens. */
export function ArchiveMonths({ months }: { months: readonly ArchiveMonthSummary[] }) {
  if (months.length === 0) return <p>No calendar month is complete yet.</p>;
  return (
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
  );
}
