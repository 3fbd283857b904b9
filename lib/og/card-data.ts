import { formatRange, formatTokensCompact, WINDOW_LABELS } from '../format';
import type { DateRange, WindowName } from '../utc-day';

/**
 * What a social card shows (components/og/ranking-card.tsx draws it). Each board's `card.ts` builds its
 * cards' figures from what its page shows.
 */
export interface RankingCardData {
  title: string;
  /** The window and its dates, e.g. `Last 30 days · Oct 26 – Nov 24, 2026 (UTC)`. */
  subtitle: string;
  /** The first five, in order; tokens are exact decimal strings. */
  rows: readonly RankingCardRow[];
  /** Synthetic figures: the demo label replaces OpenRouter's citation. */
  demo: boolean;
  /** Number the rows (a ranking); off for a list that is not one, such as one model's windows. */
  ranked?: boolean;
}

export interface RankingCardRow {
  name: string;
  tokens: string;
}

/** Every card is drawn at this size (the 1.91:1 large image of Open Graph and X's summary_large_image). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const OG_IMAGE_TYPE = 'image/png';
export const CARD_ROWS = 5;
/** X truncates image descriptions past 420 characters. */
const MAX_ALT = 420;

/** `month` → `Last 30 days`. */
export function windowPhrase(window: WindowName): string {
  const long = WINDOW_LABELS[window].long.replace(/^the /, '');
  return long.charAt(0).toUpperCase() + long.slice(1);
}

/** `Last 30 days · Oct 26 – Nov 24, 2026 (UTC)`; the label may be any name of the range (`November 2026`). */
export function rangeSubtitle(label: string, range: Pick<DateRange, 'start' | 'end'>): string {
  return `${label} · ${formatRange(range.start, range.end)} (UTC)`;
}

/** The card as text, for og:image:alt and twitter:image:alt. */
export function cardAlt(card: RankingCardData): string {
  const rows = card.rows
    .slice(0, CARD_ROWS)
    .map((row, i) => `${card.ranked === false ? '' : `${i + 1}. `}${row.name} ${formatTokensCompact(BigInt(row.tokens))}`);
  const text = `${card.demo ? 'Demo data, synthetic. ' : ''}${card.title}. ${card.subtitle}${rows.length > 0 ? `: ${rows.join(', ')}` : ''}.`;
  return text.length <= MAX_ALT ? text : `${text.slice(0, MAX_ALT - 1)}…`;
}
