import { TableHead } from '@/components/site/table-head';
import { RankCell } from '@/components/site/rank-cell';
import { TableScroll } from '@/components/site/table-scroll';
import { formatChange } from '@/lib/format';
import type { LeaderboardRow } from '@/lib/rankings/leaderboard';
import { ModelCells } from './model-cells';

export interface LeaderboardTableProps {
  caption: string;
  rows: readonly LeaderboardRow[];
  /** The window's total including `other`: the denominator for shares. */
  total: bigint;
  /** False when the previous window is not fully inside the data: no change figure, no movement. */
  comparable?: boolean;
}

export function LeaderboardTable({ caption, rows, total, comparable = true }: LeaderboardTableProps) {
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[
            { label: 'Rank', numeric: true },
            { label: 'Model' },
            { label: 'Tokens', numeric: true },
            { label: 'Share', numeric: true },
            comparable ? { label: 'Change', numeric: true, wide: true } : null,
          ]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.permaslug}>
              <RankCell rank={row.rank} movement={comparable ? row : null} />
              <ModelCells permaslug={row.permaslug} tokens={row.tokens} total={total} />
              {comparable ? (
                <td className={`num change hide-narrow ${row.changePct === null ? '' : row.changePct >= 0 ? 'change--up' : 'change--down'}`}>
                  {formatChange(row.changePct)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
