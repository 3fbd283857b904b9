import { TableScroll } from '@/components/site/table-scroll';
import { staticTableHtml, type StaticColumn } from '@/lib/html';

export interface ChartFiguresProps {
  caption: string;
  columns: readonly StaticColumn[];
  /** One row per entry, display-ready; the first cell is the row header (a date). */
  rows: readonly (readonly string[])[];
}

/**
 * The exact figures behind a chart, folded under it, for screen readers and anyone who wants the numbers.
 * Written as static HTML: hundreds of cells nobody interacts with would otherwise be hydrated by React
 * on every page load, with their whole tree repeated in the page's payload (about 40% of the home page's
 * elements), for no behaviour at all. A phone's main thread gets that time back.
 */
export function ChartFigures({ caption, columns, rows }: ChartFiguresProps) {
  return (
    <details className="chart-data">
      <summary>Show the figures behind this chart</summary>
      <TableScroll label={caption}>
        <table className="data-table data-table--compact data-table--figures" dangerouslySetInnerHTML={{ __html: staticTableHtml(caption, columns, rows) }} />
      </TableScroll>
    </details>
  );
}
