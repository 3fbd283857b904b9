/**
 * One formatter per concept, used everywhere. Token totals are bigint and stay exact: grouping is done
 * by Intl on the bigint itself, and ratios are computed in integer basis points.
 */
const LOCALE = 'en-US';

/**
 * Each Intl formatter is built on first use, not when the module loads: building one loads locale data
 * (tens of milliseconds on a phone for a compact number or a time-zone name), and this module is in
 * every page's JavaScript, where most formatters are never used while the page hydrates.
 */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}


/**
 * Thousands separators on a whole number's digits (en-US). By hand because it is what every table cell
 * needs during hydration, and the first Intl.NumberFormat costs a phone ~40 ms; exact for any bigint.
 */
function groupDigits(digits: string): string {
  const sign = digits.startsWith('-') ? '-' : '';
  return sign + digits.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `12345678901234567890n` → `12,345,678,901,234,567,890` (exact). */
export function formatTokens(tokens: bigint): string {
  return groupDigits(tokens.toString());
}

const COMPACT_UNITS = [
  [10n ** 12n, 'T'],
  [10n ** 9n, 'B'],
  [10n ** 6n, 'M'],
  [10n ** 3n, 'K'],
] as const;

/**
 * `1234567890123n` → `1.2T`, for headlines; the exact figure belongs next to it (e.g. in a title). Every
 * figure from 1,000 on has exactly one decimal in the largest unit it reaches (`8.0T` beside `8.6T`, not
 * `8T`), so figures side by side read alike; the whole part is grouped (`1,495.4T`). Smaller counts
 * print as they are. By hand in bigint, like groupDigits, so it stays exact; rounds half away from zero,
 * and a figure that rounds to 1000.0 of a unit is 1.0 of the next (`999,950,000,000n` → `1.0T`). Charts
 * call it through `formatTokensTick` (components/charts/token-ticks.ts).
 */
export function formatTokensCompact(tokens: bigint): string {
  const sign = tokens < 0n ? '-' : '';
  const abs = tokens < 0n ? -tokens : tokens;
  for (const [i, [unit, suffix]] of COMPACT_UNITS.entries()) {
    if (abs < unit) continue;
    const tenths = (abs * 20n + unit) / (unit * 2n); // abs / unit in tenths, rounded half up
    const larger = i > 0 ? COMPACT_UNITS[i - 1] : undefined;
    if (larger && tenths >= 10_000n) return `${sign}1.0${larger[1]}`;
    return `${sign}${groupDigits((tenths / 10n).toString())}.${tenths % 10n}${suffix}`;
  }
  return sign + abs.toString();
}

/** A count, rounded to a whole number: `1234.6` → `1,235`. */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? groupDigits(Math.round(count).toFixed(0)) : String(count);
}

/**
 * part / whole as a percentage with `digits` decimals, computed in bigint so no precision is lost. A
 * positive share too small to show is `<0.1%` (the smallest step at `digits`), never `0.0%`, which is
 * kept for exactly nothing.
 */
export function formatShare(part: bigint, whole: bigint, digits = 1): string {
  if (whole <= 0n) return '–';
  const scale = 10n ** BigInt(digits + 2);
  const scaled = (part * scale * 2n + whole) / (whole * 2n); // rounded half up
  if (scaled === 0n && part > 0n) return `<${digits > 0 ? `0.${'1'.padStart(digits, '0')}` : '1'}%`;
  const text = scaled.toString().padStart(digits + 1, '0');
  const integer = text.slice(0, text.length - digits);
  return digits > 0 ? `${integer}.${text.slice(-digits)}%` : `${integer}%`;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const dateTime = lazy(
  () =>
    new Intl.DateTimeFormat(LOCALE, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
);

/** `2026-11-24` → `Nov 24, 2026` (the date itself, never shifted by a time zone). */
export function formatDay(day: string): string {
  // A calendar date needs no time zone or locale data: by hand, like groupDigits, and equal to
  // Intl's en-US `{ month: 'short', day: 'numeric', year: 'numeric' }` (unit-tested against it).
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const name = SHORT_MONTHS[month - 1];
  if (!name || !Number.isInteger(year) || !Number.isInteger(date)) return day;
  return `${name} ${date}, ${year}`;
}

const monthName = lazy(() => new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'long', timeZone: 'UTC' }));

/** `2026-11` → `November 2026` (a UTC calendar month). */
export function formatMonth(month: string): string {
  return monthName().format(new Date(`${month}-01T00:00:00Z`));
}

/** An ISO timestamp such as `as_of` → `Nov 25, 2026, 12:00 AM UTC`. */
export function formatTimestamp(iso: string): string {
  return dateTime().format(new Date(iso));
}

/**
 * Tokens as a float, for plotting only: charts need numbers (no bigint crosses to the client), and a
 * pixel cannot show the digits lost beyond 2^53. Tables and text keep the exact bigint.
 */
export function tokensForChart(tokens: bigint): number {
  return Number(tokens);
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
