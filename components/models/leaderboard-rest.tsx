'use client';

import { useEffect, useRef, useState } from 'react';
import { LeaderboardRow, type LeaderboardRowData } from './leaderboard-row';

interface ApiRow {
  rank: number;
  permaslug: string;
  tokens: string;
  changePct: number | null;
  movement: number | null;
  isNew: boolean;
}

export interface LeaderboardRestProps {
  /** The JSON API holding every rank of the board (`/api/models?window=week`): the rest come from it on request. */
  api: string;
  /** Ranks shown by the server. */
  shown: number;
  count: number;
  /** The window's total, as a decimal string (no bigint crosses to the client). */
  total: string;
  comparable: boolean;
  columns: number;
  /** Where a reader without JavaScript finds every rank: the table's CSV download. */
  fallbackHref: string;
}

type State = { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'done'; rows: LeaderboardRowData[] };

/**
 * The ranks below the first `shown`, fetched when asked for: every server-rendered row is sent twice
 * (HTML and React's payload), and a phone pays for both on every visit. The same rows are in the CSV and
 * JSON downloads, and each model's page is in the sitemap.
 */
export function LeaderboardRest({ api, shown, count, total, comparable, columns, fallbackHref }: LeaderboardRestProps) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const body = useRef<HTMLTableSectionElement>(null);
  // The link that asked is gone once the rows arrive: focus moves to the first of them.
  useEffect(() => {
    if (state.status === 'done') body.current?.querySelector('a')?.focus();
  }, [state.status]);

  async function load() {
    setState({ status: 'loading' });
    try {
      const response = await fetch(api, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const board = (await response.json()) as { rows: ApiRow[] };
      const rows = board.rows.slice(shown).map((row) => ({ ...row, tokens: BigInt(row.tokens) }));
      setState({ status: 'done', rows });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (state.status === 'done') {
    const denominator = BigInt(total);
    return (
      <tbody ref={body}>
        {state.rows.map((row) => (
          <LeaderboardRow key={row.permaslug} row={row} total={denominator} comparable={comparable} />
        ))}
      </tbody>
    );
  }
  return (
    <tbody>
      <tr>
        <td colSpan={columns} className="leaderboard-rest">
          <a
            href={fallbackHref}
            className="leaderboard-rest__link"
            aria-disabled={state.status === 'loading' ? 'true' : undefined}
            onClick={(event) => {
              event.preventDefault();
              if (state.status !== 'loading') void load();
            }}
          >
            {state.status === 'loading' ? 'Loading…' : `Show ranks ${shown + 1}–${shown + count}`}
          </a>
          {state.status === 'error' ? (
            <span role="alert" className="leaderboard-rest__error">
              Could not load them: {state.message}.
            </span>
          ) : null}
        </td>
      </tr>
    </tbody>
  );
}
