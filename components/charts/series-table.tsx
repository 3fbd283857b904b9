import { TableHead } from '@/components/site/table-head';
import { formatDay, formatTokens } from '@/lib/format';
import { ChartFigures } from './chart-figures';

export interface SeriesTableProps {
  caption: string;
  dates: readonly string[];
  columns: readonly { key: string; label: string; values: readonly bigint[] }[];
}

/** Token series by date, one column per series: the figures behind a stacked chart. */
export function SeriesTable({ caption, dates, columns }: SeriesTableProps) {
  return (
    <ChartFigures caption={caption}>
      <TableHead columns={[{ label: 'Date (UTC)' }, ...columns.map((column) => ({ label: column.label, numeric: true }))]} />
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
    </ChartFigures>
  );
}
