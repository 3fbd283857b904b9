import { LeaderboardTable, type LeaderboardTableProps } from '@/components/models/leaderboard-table';
import { Stat } from '@/components/site/stat';
import { TokenFigure } from '@/components/site/token-figure';
import { formatShare } from '@/lib/format';
import type { Leaderboard } from '@/lib/rankings/leaderboard';

export interface BoardFiguresProps {
  board: Pick<Leaderboard, 'total' | 'other' | 'rows' | 'comparable'>;
  caption: string;
  /** Shown instead of the table when the range holds no model figures. */
  empty: string;
  /** Render the table's head only, the rest on request (see LeaderboardTable). */
  rest?: LeaderboardTableProps['rest'];
  /** Upsampled weekly estimates (a sampled slice board): the figures say so. */
  estimated?: boolean;
}

/** A leaderboard's headline stats and its full table: a models window and an archive month alike. */
export function BoardFigures({ board, caption, empty, rest, estimated = false }: BoardFiguresProps) {
  return (
    <>
      <dl className="stats">
        <Stat label={estimated ? 'All tokens (estimated)' : 'All tokens'}>
          <TokenFigure tokens={board.total} />
        </Stat>
        <Stat label="Top-50 share">{formatShare(board.total - board.other, board.total)}</Stat>
        <Stat label="Models ranked">{board.rows.length}</Stat>
      </dl>
      {board.rows.length === 0 ? <p>{empty}</p> : <LeaderboardTable caption={caption} rows={board.rows} total={board.total} comparable={board.comparable} rest={rest} tokensLabel={estimated ? 'Est. tokens' : 'Tokens'} />}
    </>
  );
}
