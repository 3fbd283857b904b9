import { TableHead } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';
import type { LeaderboardRow as Row } from '@/lib/rankings/leaderboard';
import { LeaderboardRest } from './leaderboard-rest';
import { LeaderboardRows } from './leaderboard-rows';

export interface LeaderboardTableProps {
  caption: string;
  rows: readonly Row[];
  /** The window's total including `other`: the denominator for shares. */
  total: bigint;
  /** False when the previous window is not fully inside the data: no change figure, no movement. */
  comparable?: boolean;
  /**
   * Render only the first `head` rows; a button (a link to `href`, the CSV, without JavaScript) fetches the
   * rest of the board from its JSON API `api`. Omitted: every row.
   */
  rest?: { head: number; api: string; href: string };
  /** The tokens column's heading: `Est. tokens` on boards of upsampled estimates. */
  tokensLabel?: string;
}

export function LeaderboardTable({ caption, rows, total, comparable = true, rest, tokensLabel = 'Tokens' }: LeaderboardTableProps) {
  const head = rest && rows.length > rest.head ? rows.slice(0, rest.head) : rows;
  return (
    <TableScroll label={caption}>
      <table className="data-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[
            { label: 'Rank', numeric: true },
            { label: 'Model' },
            { label: tokensLabel, numeric: true },
            { label: 'Share', numeric: true },
            comparable ? { label: 'Change', numeric: true, wide: true } : null,
          ]}
        />
        <LeaderboardRows
          rows={head.map(({ rank, permaslug, tokens, changePct, movement, isNew }) => ({ rank, permaslug, tokens, changePct, movement, isNew }))}
          total={total}
          comparable={comparable}
        />
        {rest && head.length < rows.length ? (
          <LeaderboardRest
            api={rest.api}
            shown={head.length}
            count={rows.length - head.length}
            total={total.toString()}
            comparable={comparable}
            columns={comparable ? 5 : 4}
            fallbackHref={rest.href}
          />
        ) : null}
      </table>
    </TableScroll>
  );
}
