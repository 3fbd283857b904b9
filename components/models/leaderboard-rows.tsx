'use client';

import { LeaderboardRow, type LeaderboardRowData } from './leaderboard-row';

export interface LeaderboardRowsProps {
  rows: readonly LeaderboardRowData[];
  total: bigint;
  comparable: boolean;
}

/**
 * The server-rendered rows of a models leaderboard, as a client component: its props (a few numbers and
 * a permaslug per row) replace the rows' element trees in React's payload, about a seventh of their size.
 * The HTML is the same server-rendered table.
 */
export function LeaderboardRows({ rows, total, comparable }: LeaderboardRowsProps) {
  return (
    <tbody>
      {rows.map((row) => (
        <LeaderboardRow key={row.permaslug} row={row} total={total} comparable={comparable} />
      ))}
    </tbody>
  );
}
