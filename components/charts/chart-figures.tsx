'use client';

import { useState, useSyncExternalStore } from 'react';
import { TableHead, type TableColumn } from '@/components/site/table-head';
import { TableScroll } from '@/components/site/table-scroll';

export interface ChartFiguresProps {
  caption: string;
  columns: readonly (TableColumn & { label: string })[];
  /** One row per entry, display-ready; the first cell is the row header (a date). */
  rows: readonly (readonly string[])[];
}

const subscribeNothing = () => () => {};

/**
 * The exact figures behind a chart, folded under it, for screen readers and anyone who wants the numbers.
 * Drawn in the browser when the reader opens them: rendered on the server, hundreds of cells nobody
 * opened were sent twice (HTML and React's payload) and were most of a page's elements. The rows travel
 * once, as data (a stacked chart's are built from its own props). Without JavaScript the fold says where
 * the exact figures are instead.
 */
export function ChartFigures({ caption, columns, rows }: ChartFiguresProps) {
  // False in the server HTML, true once React runs in the browser: the no-JavaScript note is for the former.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [opened, setOpened] = useState(false);
  return (
    <details className="chart-data" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>Show the figures behind this chart</summary>
      {opened ? (
        <TableScroll label={caption}>
          <table className="data-table data-table--compact data-table--figures">
            <caption>{caption}</caption>
            <TableHead columns={columns} />
            <tbody>
              {rows.map(([header, ...cells], i) => (
                <tr key={i}>
                  <th scope="row">{header}</th>
                  {cells.map((cell, j) => (
                    <td key={j} className={columns[j + 1]?.numeric ? undefined : 'text'}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : hydrated ? null : (
        <p className="muted">
          This table is drawn in the browser and needs JavaScript. The exact figures are in the downloads: the leaderboard&rsquo;s on this page, and each model&rsquo;s daily history on its own page.
        </p>
      )}
    </details>
  );
}
