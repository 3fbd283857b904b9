import Link from 'next/link';
import { formatChange, formatTokensCompact } from '@/lib/format';
import type { LeaderboardRow } from '@/lib/rankings/leaderboard';
import { modelLabel } from '@/lib/model-name';
import { modelHref } from '@/lib/routes';

export interface MoversListProps {
  title: string;
  rows: readonly LeaderboardRow[];
}

export function MoversList({ title, rows }: MoversListProps) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">No model qualifies this week.</p>
      ) : (
        <ol className="movers">
          {rows.map((row) => (
            <li key={row.permaslug}>
              <Link href={modelHref(row.permaslug)} prefetch={false} title={row.permaslug}>
                {modelLabel(row.permaslug)}
              </Link>
              <span className={`change ${row.changePct !== null && row.changePct >= 0 ? 'change--up' : 'change--down'}`}>
                {formatChange(row.changePct)}
              </span>
              <span className="muted">{formatTokensCompact(row.tokens)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
