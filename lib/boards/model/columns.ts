import { sharePercent, type ExportColumn } from '../../export/tables';
import type { ModelDayPoint } from '../../rankings/model-profile';

/** One day of a model's history; tokens and share are empty on days outside the top 50 (they are inside `other` then). */
export const MODEL_HISTORY_COLUMNS: readonly ExportColumn<ModelDayPoint>[] = [
  { name: 'date', value: (point) => point.date },
  { name: 'rank', value: (point) => point.rank },
  { name: 'total_tokens', value: (point) => (point.rank === null ? null : point.tokens.toString()) },
  { name: 'share_percent', value: (point) => (point.rank === null ? null : sharePercent(point.shareBp)) },
  { name: 'day_total_tokens', value: (point) => point.dayTotal.toString() },
];
