import { formatDay, formatTokensCompact } from '@/lib/format';
import { ChartFigures } from './chart-figures';

export interface SeriesTableProps {
  caption: string;
  dates: readonly string[];
  columns: readonly { key: string; label: string; values: readonly bigint[] }[];
  /** What each date stands for: `Date (UTC)`, or `Week to (UTC)` for weekly sums. */
  dateLabel?: string;
}

/** Token series by date, one column per series: the figures behind a stacked chart (exact in the downloads). */
export function SeriesTable({ caption, dates, columns, dateLabel = 'Date (UTC)' }: SeriesTableProps) {
  return (
    <ChartFigures
      caption={caption}
      columns={[{ label: dateLabel }, ...columns.map((column) => ({ label: column.label, numeric: true }))]}
      rows={dates.map((date, i) => [formatDay(date), ...columns.map((column) => formatTokensCompact(column.values[i] ?? 0n))])}
    />
  );
}
