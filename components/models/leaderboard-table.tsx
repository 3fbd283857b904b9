import Link from 'next/link';
import { TableHead } from '@/components/site/table-head';
import { TokenFigure } from '@/components/site/token-figure';
import { formatChange, formatShare } from '@/lib/format';
import type { LeaderboardRow } from '@/lib/rankings/leaderboard';
import { modelHref } from '@/lib/routes';
import { Movement } from './movement';

export interface LeaderboardTableProps {
  caption: string;
  rows: readonly LeaderboardRow[];
  /** The window's total including `other`: the denominator for shares. */
  total: bigint;
}

export function LeaderboardTable({ caption, rows, total }: LeaderboardTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[
            { label: 'Rank', numeric: true },
            { label: <span className="visually-hidden">Rank change</span> },
            { label: 'Model' },
            { label: 'Author', wide: true },
            { label: 'Tokens', numeric: true },
            { label: 'Share', numeric: true },
            { label: 'Change', numeric: true },
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.permaslug}>
              <td className="num">{row.rank}</td>
              <td>
                <Movement movement={row.movement} isNew={row.isNew} />
              </td>
              <th scope="row" className="slug">
                <Link href={modelHref(row.permaslug)} prefetch={false}>
                  {row.permaslug}
                </Link>
              </th>
              <td className="hide-narrow">{row.author}</td>
              <td className="num">
                <TokenFigure tokens={row.tokens} />
              </td>
              <td className="num">{formatShare(row.tokens, total)}</td>
              <td className={`num change ${row.changePct === null ? '' : row.changePct >= 0 ? 'change--up' : 'change--down'}`}>
                {formatChange(row.changePct)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
