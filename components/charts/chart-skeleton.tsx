import './charts.css';

export interface ChartSkeletonProps {
  /** Match a `.chart--tall` chart (many series). */
  tall?: boolean;
}

/** Reserves the chart's exact box while chart.js loads, so nothing shifts when it appears. */
export function ChartSkeleton({ tall = false }: ChartSkeletonProps) {
  return <div className={tall ? 'chart chart--tall chart-skeleton' : 'chart chart-skeleton'} aria-hidden="true" />;
}
