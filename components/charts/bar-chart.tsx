'use client';

import { BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';

import { axisStyle, baseOptions, formatTick, formatValue, PALETTE, useChartTheme } from './chart-theme';
import type { BarChartProps } from './types';
import './charts.css';

Chart.register(BarElement, CategoryScale, LinearScale, Tooltip);

/** Horizontal bars, one per label, largest first as given. */
export function BarChart({ title, description, labels, values, unit }: BarChartProps) {
  const theme = useChartTheme();

  const data = useMemo<ChartData<'bar', number[], string>>(
    () => ({
      labels,
      datasets: [{ label: unit, data: values, backgroundColor: PALETTE[0], borderRadius: 3 }],
    }),
    [labels, values, unit],
  );

  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      ...baseOptions(theme),
      indexAxis: 'y',
      interaction: { mode: 'index', axis: 'y', intersect: false },
      scales: {
        x: {
          ...axisStyle(theme, unit),
          beginAtZero: true,
          ticks: { color: theme.muted, callback: (value) => formatTick(Number(value), unit) },
        },
        y: { ...axisStyle(theme, ''), grid: { display: false }, ticks: { color: theme.text, autoSkip: false } },
      },
      plugins: {
        // Another chart on the page may have registered Legend globally; one series needs none.
        legend: { display: false },
        tooltip: {
          displayColors: false,
          callbacks: {
            label: (item) => formatValue(item.parsed.x ?? 0, unit),
          },
        },
      },
    }),
    [theme, unit],
  );

  return (
    <div className="chart">
      <Bar data={data} options={options} role="img" aria-label={`${title}. ${description}`} />
    </div>
  );
}
