import type { ReactNode } from 'react';
import { TableScroll } from '@/components/site/table-scroll';

export interface ChartFiguresProps {
  caption: string;
  /** The table's head and body. */
  children: ReactNode;
}

/** The exact figures behind a chart, folded under it, for screen readers and anyone who wants the numbers. */
export function ChartFigures({ caption, children }: ChartFiguresProps) {
  return (
    <details className="chart-data">
      <summary>Show the figures behind this chart</summary>
      <TableScroll label={caption}>
        <table className="data-table data-table--compact">
          <caption>{caption}</caption>
          {children}
        </table>
      </TableScroll>
    </details>
  );
}
