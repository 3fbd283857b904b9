import { Movement } from '@/components/models/movement';

export interface RankCellProps {
  rank: number;
  /** Rank change vs the previous window, drawn under the rank; omitted where there is nothing to compare. */
  movement?: { movement: number | null; isNew: boolean } | null;
}

/** A row's rank with its movement folded under it, so a phone-width table spends no column on it. */
export function RankCell({ rank, movement }: RankCellProps) {
  return (
    <td className="num rank-cell">
      {rank}
      {movement ? <Movement movement={movement.movement} isNew={movement.isNew} /> : null}
    </td>
  );
}
