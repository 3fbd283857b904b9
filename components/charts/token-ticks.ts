/** The unit (and axis title) of token charts: values are token counts, written compact (`8.6T`). */
export const TOKENS_UNIT = 'tokens';

const UNITS = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
] as const;

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Token counts on a chart, in the tables' compact form: `formatTokensCompact` (lib/format.ts) rewritten
 * for plain numbers, so the chart chunk needs no bigint. Same output for any whole number up to 2^53
 * (unit-tested against it); a fraction is first rounded to a whole token.
 * `8.6e12` → `8.6T`, `8e12` → `8.0T`, `999.95e9` → `1.0T`, `123` → `123`.
 */
export function formatTokensTick(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const whole = Math.round(Math.abs(value));
  const sign = value < 0 && whole > 0 ? '-' : '';
  for (const [i, [unit, suffix]] of UNITS.entries()) {
    if (whole < unit) continue;
    // Tenths of the unit, rounded half up, in steps that stay exact for whole numbers up to 2^53.
    const step = unit / 10;
    const rest = whole % step;
    const tenths = (whole - rest) / step + (rest * 2 >= step ? 1 : 0);
    const larger = i > 0 ? UNITS[i - 1] : undefined;
    if (larger && tenths >= 10_000) return `${sign}1.0${larger[1]}`;
    return `${sign}${groupDigits(String(Math.floor(tenths / 10)))}.${tenths % 10}${suffix}`;
  }
  return `${sign}${whole}`;
}
