import { ChartFigures } from '@/components/charts/chart-figures';
import { LazyBarChart, LazyLineChart, LazyStackedAreaChart } from '@/components/charts/lazy';
import { TOKENS_UNIT } from '@/components/charts/token-ticks';
import { formatBasisPoints, formatDay, formatRange, formatTokensCompact, tokensForChart } from '@/lib/format';
import { authorName, modelLabel } from '@/lib/model-name';
import type { ModelHistory } from '@/lib/rankings/history';
import { authorShares, dailyStack, OTHER_AUTHOR, OTHER_SERIES_KEY, top50SharePerDay, top50SharePerWeek, WEEKLY_AFTER_DAYS, weeklyStack } from '@/lib/rankings/series';
import { AuthorTable } from './author-table';

/** An author slug as readers know it; the long tail's own label as it is. */
const displayAuthor = (author: string) => (author === OTHER_AUTHOR ? author : authorName(author));

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
  const daily = dailyStack(history, range, topN);
  const weekly = daily.dates.length > WEEKLY_AFTER_DAYS;
  const stack = weekly ? weeklyStack(daily) : daily;
  const per = weekly ? 'Weekly' : 'Daily';
  const period = formatRange(range.start, range.end);
  // Models by the names readers know; everything else keeps its own label.
  const series = stack.series.map((s) => ({ ...s, label: s.key === OTHER_SERIES_KEY ? s.label : modelLabel(s.key) }));
  return (
    <LazyStackedAreaChart
      title={`${per} tokens, top ${topN} models and everything else`}
      description={`Stacked ${per.toLowerCase()} token totals of the top ${topN} models over ${period} (UTC). Everything else (all other models together) is off by default; the legend shows it as a separate dashed line, and the figures below list it.`}
      dates={stack.dates}
      series={series.map((s) => ({
        key: s.key,
        label: s.label,
        values: s.values.map(tokensForChart),
        ...(s.key === OTHER_SERIES_KEY ? { overlay: true } : {}),
      }))}
      figures={{ caption: `${per} tokens per model, ${period} (UTC)`, dateLabel: weekly ? 'Week to (UTC)' : 'Date (UTC)' }}
    />
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
        labels={shown.map((a) => displayAuthor(a.author))}
        values={shown.map((a) => tokensForChart(a.tokens))}
        unit={TOKENS_UNIT}
      />
      <AuthorTable caption={`Tokens by author, ${period} (UTC)`} rows={authors.map((a) => ({ author: displayAuthor(a.author), tokens: a.tokens }))} total={total} />
    </>
  );
}

export function Top50ShareSection({ history, range }: RangeProps) {
  const weekly = top50SharePerDay(history, range).length > WEEKLY_AFTER_DAYS;
  const points = weekly ? top50SharePerWeek(history, range) : top50SharePerDay(history, range);
  const per = weekly ? 'week' : 'day';
  const period = formatRange(range.start, range.end);
  return (
    <>
      <LazyLineChart
        title={`Top-50 share of all tokens, per ${per}`}
        description={`The share of each ${per}'s tokens that went to each day's top 50 models, ${period} (UTC).`}
        dates={points.map((d) => d.date)}
        series={[{ key: 'top50', label: 'Top-50 share', values: points.map((d) => d.shareBp / 100) }]}
        unit="%"
        percent
      />
      <ChartFigures
        caption={`Top-50 share per ${per}, ${period} (UTC)`}
        columns={[{ label: weekly ? 'Week to (UTC)' : 'Date (UTC)' }, { label: 'Top 50', numeric: true }, { label: 'All tokens', numeric: true }, { label: 'Share', numeric: true }]}
        rows={points.map((d) => [formatDay(d.date), formatTokensCompact(d.top50), formatTokensCompact(d.total), formatBasisPoints(d.shareBp)])}
      />
    </>
  );
}
