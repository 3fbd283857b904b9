'use client';

import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { useMemo } from 'react';
import { Line } from 'react-chartjs-2';

import {
  axisStyle,
  baseOptions,
  formatAxisDay,
  formatTick,
  formatTooltipDay,
  formatValue,
  legendOptions,
  seriesColor,
  useChartTheme,
  withAlpha,
} from './chart-theme';
import { TOKENS_UNIT } from './token-ticks';
import type { StackedAreaChartProps } from './types';
import './charts.css';

Chart.register(LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

const OVERLAY_STACK = 'overlay';

export function StackedAreaChart({ title, description, dates, series }: StackedAreaChartProps) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'line', number[], string>>(
    () => ({
      labels: dates.map(formatAxisDay),
      datasets: series.map((s, index) => {
        const color = seriesColor(s.key, index);
        const points = { pointRadius: dates.length === 1 ? 3 : 0, pointHoverRadius: 3, pointBackgroundColor: color };
        if (s.overlay) {
          // Its own stack, so it is drawn at its own height and leaves the stacked bands as they are.
          return {
            label: s.label,
            data: s.values,
            ...points,
            stack: OVERLAY_STACK,
            hidden: true,
            fill: false,
            borderColor: color,
            backgroundColor: color,
            borderWidth: 2,
            borderDash: [6, 4],
          };
        }
        return {
          label: s.label,
          data: s.values,
          ...points,
          // A hairline in the page colour between bands keeps neighbours apart whatever the hues.
          borderColor: theme.background,
          backgroundColor: withAlpha(color, 0.9),
          borderWidth: 1,
          // 'stack' fills down to the series below rather than to zero, so translucent areas don't blend.
          fill: 'stack',
        };
      }),
    }),
    [dates, series, theme.background],
  );

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      ...baseOptions(theme),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ...axisStyle(theme, ''), grid: { display: false }, ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          ...axisStyle(theme, TOKENS_UNIT),
          stacked: true,
          beginAtZero: true,
          ticks: { color: theme.muted, callback: (value) => formatTick(Number(value), TOKENS_UNIT) },
        },
      },
      plugins: {
        // Every band first, then every line, so the overlay's dashes stay on top of the bands.
        filler: { drawTime: 'beforeDatasetsDraw' },
        legend: legendOptions(theme),
        tooltip: {
          mode: 'index',
          intersect: false,
          filter: (item) => Number.isFinite(item.parsed.y),
          callbacks: {
            title: (items) => formatTooltipDay(dates[items[0]?.dataIndex ?? -1] ?? ''),
            label: (item) => `${item.dataset.label ?? ''}: ${formatValue(item.parsed.y ?? 0, TOKENS_UNIT)}`,
            // Only what is switched on: the top series, plus everything else once it is shown.
            footer: (items) => `Total shown: ${formatValue(items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0), TOKENS_UNIT)}`,
          },
        },
      },
    }),
    [theme, dates],
  );

  return (
    <div className="chart chart--tall">
      <Line data={data} options={options} role="img" aria-label={`${title}. ${description}`} />
    </div>
  );
}
