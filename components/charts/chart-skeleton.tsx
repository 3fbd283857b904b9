import './charts.css';

/** Reserves the chart's exact box while chart.js loads, so nothing shifts when it appears. */
export function ChartSkeleton() {
  return <div className="chart chart-skeleton" aria-hidden="true" />;
}
