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
    <ChartFigures
      caption={caption}
      columns={[{ label: 'Date (UTC)' }, ...columns.map((column) => ({ label: column.label, numeric: true }))]}
      rows={dates.map((date, i) => [formatDay(date), ...columns.map((column) => formatTokens(column.values[i] ?? 0n))])}
    />
  );
}
