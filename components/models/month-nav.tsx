import Link from 'next/link';
import { formatMonth } from '@/lib/format';
import { archiveHref } from '@/lib/routes';
import './archive.css';

export interface MonthNavProps {
  /** The month before, or null at the start of the archive. */
  previous: string | null;
  /** The month after, or null while it is not complete. */
  next: string | null;
}

/** Previous / next month of the archive: real links, `rel` marked for crawlers. */
export function MonthNav({ previous, next }: MonthNavProps) {
  return (
    <nav aria-label="Other months" className="month-nav">
      {previous ? (
        <Link href={archiveHref(previous)} rel="prev" prefetch={false}>
          <span aria-hidden="true">←</span> Previous month: {formatMonth(previous)}
        </Link>
      ) : null}
      {next ? (
        <Link href={archiveHref(next)} rel="next" prefetch={false} className="month-nav__next">
          Next month: {formatMonth(next)} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
