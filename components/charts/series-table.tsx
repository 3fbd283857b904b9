import { formatDay, formatTokens } from '@/lib/format';

export interface SeriesTableProps {
  caption: string;
  dates: readonly string[];
  columns: readonly { key: string; label: string; values: readonly bigint[] }[];
}

/** The exact figures behind a chart, for screen readers and anyone who wants the numbers. */
export function SeriesTable({ caption, dates, columns }: SeriesTableProps) {
  return (
    <details className="chart-data">
      <summary>Show the figures behind this chart</summary>
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Date (UTC)</th>
              {columns.map((column) => (
                <th scope="col" className="num" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((date, i) => (
              <tr key={date}>
                <th scope="row">{formatDay(date)}</th>
                {columns.map((column) => (
                  <td className="num" key={column.key}>
                    {formatTokens(column.values[i] ?? 0n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
