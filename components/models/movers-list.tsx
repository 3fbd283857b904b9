'use client';

import Link from 'next/link';
import { formatChange, formatTokensCompact } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';
import { modelHref } from '@/lib/routes';

export interface Mover {
  permaslug: string;
  tokens: bigint;
  changePct: number | null;
}

export interface MoversListProps {
  title: string;
  rows: readonly Mover[];
}

/**
 * Rising or falling models as a short list. A client component only so that its rows travel in the page's
 * payload as a few fields each rather than as markup; pass just these fields.
 */
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
