import { formatTokensCompact } from '@/lib/format';

/** The unit (and axis title) of token charts: values are token counts, written compact (`8.6T`). */
export const TOKENS_UNIT = 'tokens';

/**
 * Token counts on a chart, in the tables' compact form (`8.6e12` → `8.6T`): the one formatter,
 * `formatTokensCompact`, on the count rounded to a whole token (chart values are plain numbers).
 */
export function formatTokensTick(value: number): string {
  return Number.isFinite(value) ? formatTokensCompact(BigInt(Math.round(value))) : String(value);
}
