'use client';

import {
  CategoryScale,
  Chart,
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
  formatTick,
  formatTooltipDay,
  formatValue,
  legendOptions,
  seriesColor,
  useChartTheme,
} from './chart-theme';
import type { LineChartProps } from './types';
import './charts.css';

Chart.register(LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export function LineChart({ title, description, dates, series, unit, percent = false, reverse = false }: LineChartProps) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'line', number[], string>>(
    () => ({
      labels: dates.map(formatAxisDay),
      datasets: series.map((s, index) => {
        const color = seriesColor(s.key, index);
        // A long series reads as a line; a point shows where a day would vanish otherwise (alone between gaps).
        const dense = dates.length > 60;
        const isolated = (i: number) => !Number.isFinite(s.values[i - 1] ?? Number.NaN) && !Number.isFinite(s.values[i + 1] ?? Number.NaN);
        const pointRadius = (context: { dataIndex: number }) => (!dense || isolated(context.dataIndex) ? 2 : 0);
        return { label: s.label, data: s.values, borderColor: color, backgroundColor: color, borderWidth: dense ? 1.5 : 2, pointRadius };
      }),
    }),
    [dates, series],
  );

  const options = useMemo<ChartOptions<'line'>>(() => {
    const formatPoint = (value: number) =>
      reverse ? `#${formatNumber(value)}` : percent ? `${formatNumber(value)}%` : formatValue(value, unit);
    return {
      ...baseOptions(theme),
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ...axisStyle(theme, ''), grid: { display: false }, ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 12 } },
        y: {
          ...axisStyle(theme, percent && unit === '%' ? '' : unit),
          reverse,
          // Ranks start at #1, never at a meaningless 0.
          ...(percent ? { min: 0 } : reverse ? { min: 1 } : { beginAtZero: true }),
          ticks: {
            color: theme.muted,
            // Ranks are whole numbers; a 2.5th place tick would be meaningless.
            ...(reverse ? { precision: 0 } : {}),
            callback: (value) => (percent ? `${formatNumber(Number(value))}%` : formatTick(Number(value), unit)),
          },
        },
      },
      plugins: {
        legend: { ...legendOptions(theme), display: series.length > 1 },
        tooltip: {
          mode: 'index',
          intersect: false,
          filter: (item) => Number.isFinite(item.parsed.y),
          callbacks: {
            title: (items) => formatTooltipDay(dates[items[0]?.dataIndex ?? -1] ?? ''),
            label: (item) => `${item.dataset.label ?? ''}: ${formatPoint(item.parsed.y ?? 0)}`,
          },
        },
      },
    };
  }, [theme, dates, series.length, unit, percent, reverse]);

  return (
    <div className="chart">
      <Line data={data} options={options} role="img" aria-label={`${title}. ${description}`} />
    </div>
  );
}
