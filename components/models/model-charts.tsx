import { ChartFigures } from '@/components/charts/chart-figures';
import { SeriesTable } from '@/components/charts/series-table';
import { LazyBarChart, LazyLineChart, LazyStackedAreaChart } from '@/components/charts/lazy';
import { TOKENS_UNIT } from '@/components/charts/token-ticks';
import { TableHead } from '@/components/site/table-head';
import { formatBasisPoints, formatDay, formatRange, formatShare, formatTokens, tokensForChart } from '@/lib/format';
import type { ModelHistory } from '@/lib/rankings/history';
import { authorShares, dailyStack, OTHER_SERIES_KEY, top50SharePerDay } from '@/lib/rankings/series';
import { TableScroll } from '@/components/site/table-scroll';

interface RangeProps {
  history: ModelHistory;
  range: { start: string; end: string };
}

/**
 * Daily tokens of the top models, stacked: the chart on openrouter.ai/rankings. Everything else is
 * larger than the top models together on most days and would squash them into a thin band, so the chart
 * keeps it off the stack (a dashed line the legend switches on); the figures below list it in full.
 */
export function DailyStackSection({ history, range, topN }: RangeProps & { topN: number }) {
  const stack = dailyStack(history, range, topN);
  const period = formatRange(range.start, range.end);
  return (
    <>
      <LazyStackedAreaChart
        title={`Daily tokens, top ${topN} models and everything else`}
        description={`Stacked daily token totals of the top ${topN} models over ${period} (UTC). Everything else (all other models together) is off by default; the legend shows it as a separate dashed line, and the figures below list it.`}
        dates={stack.dates}
        series={stack.series.map((s) => ({
          key: s.key,
          label: s.label,
          values: s.values.map(tokensForChart),
          ...(s.key === OTHER_SERIES_KEY ? { overlay: true } : {}),
        }))}
      />
      <SeriesTable
        caption={`Daily tokens per model, ${period} (UTC)`}
        dates={stack.dates}
        columns={stack.series.map((s) => ({ key: s.key, label: s.label, values: s.values }))}
      />
    </>
  );
}

export function AuthorShareSection({ history, range }: RangeProps) {
  const authors = authorShares(history, range);
  const total = authors.reduce((sum, a) => sum + a.tokens, 0n);
  const shown = authors.slice(0, 12);
  const period = formatRange(range.start, range.end);
  return (
    <>
      <LazyBarChart
        title="Market share by author"
        description={`Tokens by model author over ${period} (UTC); models outside each day's top 50 are counted as other.`}
        labels={shown.map((a) => a.author)}
        values={shown.map((a) => tokensForChart(a.tokens))}
        unit={TOKENS_UNIT}
      />
      <TableScroll label={`Tokens by author, ${period} (UTC)`}>
        <table className="data-table data-table--compact">
          <caption>Tokens by author, {period} (UTC)</caption>
          <TableHead columns={[{ label: 'Author' }, { label: 'Tokens', numeric: true }, { label: 'Share', numeric: true }]} />
          <tbody>
            {authors.map((a) => (
              <tr key={a.author}>
                <th scope="row">{a.author}</th>
                <td className="num">{formatTokens(a.tokens)}</td>
                <td className="num">{formatShare(a.tokens, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export function Top50ShareSection({ history, range }: RangeProps) {
  const days = top50SharePerDay(history, range);
  const period = formatRange(range.start, range.end);
  return (
    <>
      <LazyLineChart
        title="Top-50 share of all tokens, per day"
        description={`The share of each day's tokens that went to that day's top 50 models, ${period} (UTC).`}
        dates={days.map((d) => d.date)}
        series={[{ key: 'top50', label: 'Top-50 share', values: days.map((d) => d.shareBp / 100) }]}
        unit="%"
        percent
      />
      <ChartFigures
        caption={`Top-50 share per day, ${period} (UTC)`}
        columns={[{ label: 'Date (UTC)' }, { label: 'Top 50', numeric: true }, { label: 'All tokens', numeric: true }, { label: 'Share', numeric: true }]}
        rows={days.map((d) => [formatDay(d.date), formatTokens(d.top50), formatTokens(d.total), formatBasisPoints(d.shareBp)])}
      />
    </>
  );
}
