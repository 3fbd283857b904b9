import type { ModelDay } from '../datasets/contract';

export interface RankedModel {
  rank: number;
  permaslug: string;
  /** The permaslug's prefix: `openai/gpt-4o` → `openai`. */
  author: string;
  tokens: bigint;
}

export interface DaySummary {
  date: string;
  /** All tokens of the day: the top 50 plus the `other` long tail. */
  total: bigint;
  top50Total: bigint;
  other: bigint;
  models: RankedModel[];
}

export function authorOf(permaslug: string): string {
  const slash = permaslug.indexOf('/');
  return slash > 0 ? permaslug.slice(0, slash) : permaslug;
}

/** The ranked models of one day (upstream order: tokens descending, ties alphabetical) and its totals. */
export function summarizeDay(rows: readonly ModelDay[], date: string): DaySummary {
  const ofDay = rows.filter((row) => row.date === date);
  const models = ofDay
    .filter((row) => !row.isOther)
    .sort((a, b) => (a.totalTokens === b.totalTokens ? a.permaslug.localeCompare(b.permaslug) : a.totalTokens > b.totalTokens ? -1 : 1))
    .map((row, index) => ({ rank: index + 1, permaslug: row.permaslug, author: authorOf(row.permaslug), tokens: row.totalTokens }));
  const top50Total = models.reduce((sum, model) => sum + model.tokens, 0n);
  const other = ofDay.find((row) => row.isOther)?.totalTokens ?? 0n;
  return { date, total: top50Total + other, top50Total, other, models };
}
