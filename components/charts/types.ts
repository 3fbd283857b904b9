/** Props for the chart islands: serialisable, already in display units (no bigint crosses to the client). */
export interface ChartSeries {
  key: string;
  label: string;
  values: number[];
  /**
   * Stacked charts only: drawn as a dashed line beside the stack rather than in it, and off until
   * switched on in the legend. For "everything else", which would otherwise dwarf the top series.
   */
  overlay?: boolean;
}

export interface StackedAreaChartProps {
  title: string;
  /** Accessible summary, e.g. "Stacked daily tokens of the top 10 models, Oct 26 – Nov 24, 2026". */
  description: string;
  /** YYYY-MM-DD (UTC days). */
  dates: string[];
  /** Token counts per day (stacked charts plot tokens only), bottom of the stack first. */
  series: ChartSeries[];
}

export interface LineChartProps {
  title: string;
  description: string;
  dates: string[];
  series: ChartSeries[];
  /** Axis title; `'tokens'` (TOKENS_UNIT) means token counts, written compact (`8.6T`). */
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
  /** Axis title; `'tokens'` (TOKENS_UNIT) means token counts, written compact (`8.6T`). */
  unit: string;
}
