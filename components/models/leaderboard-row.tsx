import { RankCell } from '@/components/site/rank-cell';
import { formatChange } from '@/lib/format';
import { ModelCells } from './model-cells';

/** What a leaderboard row needs, from the server's board or from GET /api/models alike. */
export interface LeaderboardRowData {
  rank: number;
  permaslug: string;
  tokens: bigint;
  changePct: number | null;
  movement: number | null;
  isNew: boolean;
}

export interface LeaderboardRowProps {
  row: LeaderboardRowData;
  total: bigint;
  comparable: boolean;
}

/** One row of a models leaderboard: rank (movement under it), model, tokens, share and, on wide screens, change. */
export function LeaderboardRow({ row, total, comparable }: LeaderboardRowProps) {
  return (
    <tr>
      <RankCell rank={row.rank} movement={comparable ? row : null} />
      <ModelCells permaslug={row.permaslug} tokens={row.tokens} total={total} />
      {comparable ? (
        <td className={`num change hide-narrow ${row.changePct === null ? '' : row.changePct >= 0 ? 'change--up' : 'change--down'}`}>
          {formatChange(row.changePct)}
        </td>
      ) : null}
    </tr>
  );
}
