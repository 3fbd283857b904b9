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
  formatNumber,
  formatTooltipDay,
  formatValue,
  legendOptions,
  seriesColor,
  useChartTheme,
  withAlpha,
} from './chart-theme';
import type { StackedAreaChartProps } from './types';
import './charts.css';

Chart.register(LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend);

export function StackedAreaChart({ title, description, dates, series, unit }: StackedAreaChartProps) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'line', number[], string>>(
    () => ({
      labels: dates.map(formatAxisDay),
      datasets: series.map((s, index) => {
        const color = seriesColor(s.key, index);
        return {
          label: s.label,
          data: s.values,
          borderColor: color,
          backgroundColor: withAlpha(color, 0.7),
          borderWidth: 1.5,
          // 'stack' fills down to the series below rather than to zero, so translucent areas don't blend.
          fill: 'stack',
          pointRadius: dates.length === 1 ? 3 : 0,
          pointHoverRadius: 3,
        };
      }),
    }),
    [dates, series],
  );

  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      ...baseOptions(theme),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ...axisStyle(theme, ''), grid: { display: false }, ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          ...axisStyle(theme, unit),
          stacked: true,
          beginAtZero: true,
          ticks: { color: theme.muted, callback: (value) => formatNumber(Number(value)) },
        },
      },
      plugins: {
        legend: legendOptions(theme),
        tooltip: {
          mode: 'index',
          intersect: false,
          filter: (item) => Number.isFinite(item.parsed.y),
          callbacks: {
            title: (items) => formatTooltipDay(dates[items[0]?.dataIndex ?? -1] ?? ''),
            label: (item) => `${item.dataset.label ?? ''}: ${formatValue(item.parsed.y ?? 0, unit)}`,
            footer: (items) => `Total: ${formatValue(items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0), unit)}`,
          },
        },
      },
    }),
    [theme, dates, unit],
  );

  return (
    <div className="chart chart--tall">
      <Line data={data} options={options} role="img" aria-label={`${title}. ${description}`} />
    </div>
  );
}
