/** Props for the chart islands: serialisable, already in display units (no bigint crosses to the client). */
export interface ChartSeries {
  key: string;
  label: string;
  values: number[];
}

export interface StackedAreaChartProps {
  title: string;
  /** Accessible summary, e.g. "Daily tokens of the top 10 models and everything else, Oct 26 – Nov 24, 2026". */
  description: string;
  /** YYYY-MM-DD (UTC days). */
  dates: string[];
  series: ChartSeries[];
  /** e.g. "billion tokens". */
  unit: string;
}

export interface LineChartProps {
  title: string;
  description: string;
  dates: string[];
  series: ChartSeries[];
  unit: string;
  /** Values are percentages (axis from 0, ticks and tooltips with %). */
  percent?: boolean;
  /** Reverse y (for rank charts: 1 at top). */
  reverse?: boolean;
}

export interface BarChartProps {
  title: string;
  description: string;
  labels: string[];
  values: number[];
  unit: string;
}
