/**
 * One formatter per concept, used everywhere. Token totals are bigint and stay exact: grouping is done
 * by Intl on the bigint itself, and ratios are computed in integer basis points.
 */
const LOCALE = 'en-US';

const exactInteger = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactInteger = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

/** `12345678901234567890n` → `12,345,678,901,234,567,890` (exact). */
export function formatTokens(tokens: bigint): string {
  return exactInteger.format(tokens);
}

/** `1234567890123n` → `1.2T`, for headlines; the exact figure belongs next to it (e.g. in a title). */
export function formatTokensCompact(tokens: bigint): string {
  return compactInteger.format(tokens);
}

export function formatCount(count: number): string {
  return exactInteger.format(count);
}

/** part / whole as a percentage with `digits` decimals, computed in bigint so no precision is lost. */
export function formatShare(part: bigint, whole: bigint, digits = 1): string {
  if (whole <= 0n) return '–';
  const scale = 10n ** BigInt(digits + 2);
  const scaled = (part * scale * 2n + whole) / (whole * 2n); // rounded half up
  const text = scaled.toString().padStart(digits + 1, '0');
  const integer = text.slice(0, text.length - digits);
  return digits > 0 ? `${integer}.${text.slice(-digits)}%` : `${integer}%`;
}

const longDate = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

/** `2026-11-24` → `Nov 24, 2026` (the date itself, never shifted by a time zone). */
export function formatDay(day: string): string {
  return longDate.format(new Date(`${day}T00:00:00Z`));
}

const monthName = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** `2026-11` → `November 2026` (a UTC calendar month). */
export function formatMonth(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`));
}

/** An ISO timestamp such as `as_of` → `Nov 25, 2026, 12:00 AM UTC`. */
export function formatTimestamp(iso: string): string {
  return dateTime.format(new Date(iso));
}

/**
 * Tokens in billions, for plotting only: charts need floats, and a pixel cannot show more than these
 * 3 decimals. Tables and text keep the exact bigint.
 */
export function tokensInBillions(tokens: bigint): number {
  return Number(tokens / 1_000_000n) / 1000;
}

/** A signed percentage change such as `+12.3%` / `−4.0%`; `–` when there is nothing to compare. */
export function formatChange(changePct: number | null, digits = 1): string {
  if (changePct === null) return '–';
  const text = Math.abs(changePct).toFixed(digits);
  if (Number(text) === 0) return `${(0).toFixed(digits)}%`;
  return `${changePct > 0 ? '+' : '−'}${text}%`;
}

/** Basis points (1 % = 100) as a percentage. */
export function formatBasisPoints(bp: number, digits = 1): string {
  return `${(bp / 100).toFixed(digits)}%`;
}

export const WINDOW_LABELS = {
  day: { short: 'Day', long: 'the last day' },
  week: { short: '7 days', long: 'the last 7 days' },
  month: { short: '30 days', long: 'the last 30 days' },
  quarter: { short: '90 days', long: 'the last 90 days' },
  year: { short: '365 days', long: 'the last 365 days' },
} as const;

/** `Oct 26 – Nov 24, 2026` (UTC dates, inclusive). */
export function formatRange(start: string, end: string): string {
  return start === end ? formatDay(end) : `${formatDay(start)} – ${formatDay(end)}`;
}
