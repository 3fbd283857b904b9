'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ReactNode } from 'react';

import { formatDay, formatTokensCompact } from '@/lib/format';
import { ChartFigures } from './chart-figures';
import { ChartSkeleton } from './chart-skeleton';
import type { BarChartProps, ChartSeries, LineChartProps, StackedAreaChartProps } from './types';
import './charts.css';

// chart.js loads in its own chunk once a chart comes near the viewport; until then (and without JavaScript)
// the figure holds its caption and a same-size placeholder, and the page's tables carry the figures. Charts
// far down a long page then cost a phone nothing until the reader gets there.
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
  tall?: boolean;
  children: ReactNode;
}

/** Starts loading this far before the chart scrolls into view, so it is usually drawn when seen. */
const NEAR_VIEWPORT = '300px 0px';

function ChartFigure({ title, empty, tall = false, children }: ChartFigureProps) {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const figure = ref.current;
    if (!figure || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: NEAR_VIEWPORT });
    observer.observe(figure);
    return () => observer.disconnect();
  }, [near]);
  return (
    <figure className="chart-figure" ref={ref}>
      <figcaption>{title}</figcaption>
      {empty ? <p className="chart-empty">No data for this period.</p> : near ? children : <ChartSkeleton tall={tall} />}
    </figure>
  );
}

function hasNoPoints(dates: readonly string[], series: readonly ChartSeries[]): boolean {
  return dates.length === 0 || series.every((s) => s.values.length === 0);
}

export interface StackFigures {
  caption: string;
  /** What each date stands for: `Date (UTC)`, or `Week to (UTC)` for weekly sums. */
  dateLabel: string;
}

/**
 * A stacked token chart, and with `figures` the table of its points under it, built from the chart's own
 * props: the page sends each figure once.
 */
export function LazyStackedAreaChart({ figures, ...props }: StackedAreaChartProps & { figures?: StackFigures }) {
  const { dates, series } = props;
  return (
    <>
      <ChartFigure title={props.title} empty={hasNoPoints(dates, series)} tall>
        <StackedAreaChart {...props} />
      </ChartFigure>
      {figures ? (
        <ChartFigures
          caption={figures.caption}
          columns={[{ label: figures.dateLabel }, ...series.map((s) => ({ label: s.label, numeric: true }))]}
          rows={dates.map((date, i) => [formatDay(date), ...series.map((s) => formatTokensCompact(BigInt(Math.round(s.values[i] ?? 0))))])}
        />
      ) : null}
    </>
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
