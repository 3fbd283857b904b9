import { LazyStackedAreaChart } from '@/components/charts/lazy';
import { formatRange, tokensForChart } from '@/lib/format';
import { modelLabel } from '@/lib/model-name';
import { addDays } from '@/lib/utc-day';
import type { SliceTrend } from '@/lib/boards/slices/rows';
import { OTHER_SERIES_KEY } from '@/lib/rankings/series';

/**
 * A slice's weekly tokens, its top models stacked, everything else a dashed line the legend switches on
 * (as on the models board). Weeks are complete ISO weeks only: a partial week is never charted beside full ones.
 */
export function SliceTrendSection({ trend, label }: { trend: SliceTrend; label: string }) {
  if (trend.weeks.length === 0) return <p>No completed week of data yet.</p>;
  const period = formatRange(trend.weeks[0]!, addDays(trend.weeks.at(-1)!, 6));
  const est = trend.estimated ? 'estimated ' : '';
  const top = trend.series.filter((s) => s.key !== OTHER_SERIES_KEY).length;
  return (
    <LazyStackedAreaChart
      title={`Weekly ${est}tokens, ${label}: top ${top} models and everything else`}
      description={`Stacked weekly ${est}token totals of the board's top ${top} models over ${period} (UTC, weeks from Monday). Everything else (all other models in the slice) is off by default; the legend shows it as a separate dashed line, and the figures below list it.`}
      dates={trend.weeks}
      series={trend.series.map((s) => ({
        key: s.key,
        label: s.key === OTHER_SERIES_KEY ? s.label : modelLabel(s.key),
        values: s.values.map(tokensForChart),
        ...(s.key === OTHER_SERIES_KEY ? { overlay: true } : {}),
      }))}
      figures={{ caption: `Weekly ${est}tokens per model, ${label}, ${period} (UTC)`, dateLabel: 'Week from (UTC)' }}
    />
  );
}
