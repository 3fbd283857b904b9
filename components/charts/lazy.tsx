'use client';

import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';

import { ChartSkeleton } from './chart-skeleton';
import type { BarChartProps, ChartSeries, LineChartProps, StackedAreaChartProps } from './types';
import './charts.css';

// chart.js loads in its own chunk after hydration; the server HTML has the figure, caption and a same-size
// placeholder, and the page's tables already carry the figures.
const StackedAreaChart = dynamic(() => import('./stacked-area-chart').then((m) => m.StackedAreaChart), {
  ssr: false,
  loading: () => <ChartSkeleton tall />,
});
const LineChart = dynamic(() => import('./line-chart').then((m) => m.LineChart), {
  ssr: false,
  loading: () => <ChartSkeleton />,
});
const BarChart = dynamic(() => import('./bar-chart').then((m) => m.BarChart), {
  ssr: false,
  loading: () => <ChartSkeleton />,
});

interface ChartFigureProps {
  title: string;
  empty: boolean;
  children: ReactNode;
}

function ChartFigure({ title, empty, children }: ChartFigureProps) {
  return (
    <figure className="chart-figure">
      <figcaption>{title}</figcaption>
      {empty ? <p className="chart-empty">No data for this period.</p> : children}
    </figure>
  );
}

function hasNoPoints(dates: readonly string[], series: readonly ChartSeries[]): boolean {
  return dates.length === 0 || series.every((s) => s.values.length === 0);
}

export function LazyStackedAreaChart(props: StackedAreaChartProps) {
  return (
    <ChartFigure title={props.title} empty={hasNoPoints(props.dates, props.series)}>
      <StackedAreaChart {...props} />
    </ChartFigure>
  );
}

export function LazyLineChart(props: LineChartProps) {
  return (
    <ChartFigure title={props.title} empty={hasNoPoints(props.dates, props.series)}>
      <LineChart {...props} />
    </ChartFigure>
  );
}

export function LazyBarChart(props: BarChartProps) {
  return (
    <ChartFigure title={props.title} empty={props.labels.length === 0 || props.values.length === 0}>
      <BarChart {...props} />
    </ChartFigure>
  );
}
