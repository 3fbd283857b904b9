import { TableHead } from '@/components/site/table-head';
import { formatChange } from '@/lib/format';
import type { LeaderboardRow } from '@/lib/rankings/leaderboard';
import { ModelCells } from './model-cells';
import { Movement } from './movement';
import { TableScroll } from '@/components/site/table-scroll';

export interface LeaderboardTableProps {
  caption: string;
  rows: readonly LeaderboardRow[];
  /** The window's total including `other`: the denominator for shares. */
  total: bigint;
}

export function LeaderboardTable({ caption, rows, total }: LeaderboardTableProps) {
  return (
    <TableScroll label={caption}>
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
              <ModelCells permaslug={row.permaslug} author={row.author} tokens={row.tokens} total={total} />
              <td className={`num change ${row.changePct === null ? '' : row.changePct >= 0 ? 'change--up' : 'change--down'}`}>
                {formatChange(row.changePct)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
