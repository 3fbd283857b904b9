import fc from 'fast-check';
import { formatTokensTick } from '@/components/charts/token-ticks';
import { formatCount, formatDay, formatShare, formatTokens, formatTokensCompact, formatTimestamp } from '@/lib/format';
import { addDays } from '@/lib/utc-day';
import { DatasetsError, isDatasetsError, parseRetryAfter } from '@/lib/datasets/errors';

describe('formatTokens', () => {
  it('groups a bigint beyond 2^53 without losing a digit', () => {
    expect(formatTokens(9007199254740993n)).toBe('9,007,199,254,740,993');
    expect(formatTokens(123456789012345678901234567890n)).toBe('123,456,789,012,345,678,901,234,567,890');
    expect(formatTokens(0n)).toBe('0');
  });
  it('groups exactly as Intl en-US does, for any integer (property)', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => formatTokens(n) === intl.format(n)));
    fc.assert(fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => formatCount(x) === intl.format(Math.round(x) + 0))); // + 0: "0", not Intl's "-0"
  });
});

/** Reads a compact figure back as a whole number of tokens, and the unit it was written in. */
function parseCompact(text: string): { tokens: bigint; unit: bigint } {
  const match = /^(-?)(\d{1,3}(?:,\d{3})*)(?:\.(\d)([KMBT]))?$/.exec(text);
  if (!match) throw new Error(`not a compact figure: ${text}`);
  const [, sign, whole, tenth, suffix] = match;
  const unit = suffix ? { K: 10n ** 3n, M: 10n ** 6n, B: 10n ** 9n, T: 10n ** 12n }[suffix as 'K' | 'M' | 'B' | 'T'] : 1n;
  const magnitude = suffix ? (BigInt(whole!.replaceAll(',', '') + tenth) * unit) / 10n : BigInt(whole!);
  return { tokens: sign ? -magnitude : magnitude, unit };
}

describe('formatTokensCompact', () => {
  it('writes one decimal in the unit, groups the whole part, and leaves small counts whole', () => {
    expect(formatTokensCompact(8_000_000_000_000n)).toBe('8.0T');
    expect(formatTokensCompact(8_600_000_000_000n)).toBe('8.6T');
    expect(formatTokensCompact(126_700_000_000_000n)).toBe('126.7T');
    expect(formatTokensCompact(1_495_400_000_000_000n)).toBe('1,495.4T');
    expect(formatTokensCompact(918_800_000_000n)).toBe('918.8B');
    expect(formatTokensCompact(12_000n)).toBe('12.0K');
    expect(formatTokensCompact(1_234_567_890_123n)).toBe('1.2T');
    expect(formatTokensCompact(10n ** 19n)).toBe('10,000,000.0T');
    expect(formatTokensCompact(123n)).toBe('123');
    expect(formatTokensCompact(999n)).toBe('999');
    expect(formatTokensCompact(0n)).toBe('0');
    expect(formatTokensCompact(1000n)).toBe('1.0K');
  });
  it('rounds half up at each unit, and 1000.0 of a unit is 1.0 of the next', () => {
    expect(formatTokensCompact(1_049n)).toBe('1.0K');
    expect(formatTokensCompact(1_050n)).toBe('1.1K');
    expect(formatTokensCompact(8_649_999_999_999n)).toBe('8.6T');
    expect(formatTokensCompact(8_650_000_000_000n)).toBe('8.7T');
    expect(formatTokensCompact(999_949n)).toBe('999.9K');
    expect(formatTokensCompact(999_950n)).toBe('1.0M');
    expect(formatTokensCompact(999_949_999_999n)).toBe('999.9B');
    expect(formatTokensCompact(999_950_000_000n)).toBe('1.0T');
    expect(formatTokensCompact(-1_050n)).toBe('-1.1K');
    expect(formatTokensCompact(-999_950_000_000n)).toBe('-1.0T');
  });
  it('reads back within half a tenth of its unit, in the largest unit the figure reaches (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: -(10n ** 7n), max: 10n ** 7n })), (n) => {
        const text = formatTokensCompact(n);
        const { tokens, unit } = parseCompact(text);
        const error = tokens > n ? tokens - n : n - tokens;
        if (unit === 1n) return error === 0n && n > -1000n && n < 1000n;
        // Exactly one decimal, and the whole part is 1–999 of the unit except in T, the largest.
        const whole = Number(text.replace(/^-/, '').split('.')[0]!.replaceAll(',', ''));
        return error * 20n <= unit && whole >= 1 && (text.endsWith('T') || whole < 1000);
      }),
      { numRuns: 5000 },
    );
  });
  it('keeps order: a larger count never reads smaller (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 0n, max: 10n ** 18n }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return parseCompact(formatTokensCompact(low)).tokens <= parseCompact(formatTokensCompact(high)).tokens;
      }),
    );
  });
});

describe('formatTokensTick (the charts’ number twin)', () => {
  it('writes the same figure as formatTokensCompact for any safe whole number (property, and the edges)', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: -max, max }), fc.bigInt({ min: -(10n ** 7n), max: 10n ** 7n })), (n) => formatTokensTick(Number(n)) === formatTokensCompact(n)),
      { numRuns: 5000 },
    );
    const edges = [0n, 999n, 1000n, 1049n, 1050n, 999_949n, 999_950n, 8_649_999_999_999n, 8_650_000_000_000n, 999_950_000_000n, 1_495_400_000_000_000n, max];
    for (const n of edges) for (const v of [n, -n]) expect(formatTokensTick(Number(v))).toBe(formatTokensCompact(v));
  });
  it('rounds a fractional tick to a whole token first', () => {
    expect(formatTokensTick(0.4)).toBe('0');
    expect(formatTokensTick(-0.4)).toBe('0');
    expect(formatTokensTick(999.5)).toBe('1.0K');
    expect(formatTokensTick(2.5e11)).toBe('250.0B');
    expect(formatTokensTick(Number.NaN)).toBe('NaN');
  });
});

describe('formatShare', () => {
  it('computes in bigint and rounds half up', () => {
    expect(formatShare(1n, 3n)).toBe('33.3%');
    expect(formatShare(2n, 3n)).toBe('66.7%');
    expect(formatShare(1n, 8n, 2)).toBe('12.50%');
    expect(formatShare(1n, 1000n)).toBe('0.1%');
    expect(formatShare(1n, 2000n)).toBe('0.1%');
    expect(formatShare(5n, 5n, 0)).toBe('100%');
    expect(formatShare(1n, 0n)).toBe('–');
    // exact where floating point would not be: (2^60 + 1) / 2^61 is a hair over 50 %
    expect(formatShare(2n ** 60n + 1n, 2n ** 61n, 12)).toBe('50.000000000000%');
  });
  it('says "<" the smallest step for a positive share that rounds to nothing, and 0 only for nothing', () => {
    expect(formatShare(1n, 2001n)).toBe('<0.1%');
    expect(formatShare(1n, 100_000n)).toBe('<0.1%');
    expect(formatShare(1n, 10n ** 30n)).toBe('<0.1%');
    expect(formatShare(1n, 20_001n, 2)).toBe('<0.01%');
    expect(formatShare(1n, 201n, 0)).toBe('<1%');
    expect(formatShare(1n, 200n, 0)).toBe('1%');
    expect(formatShare(0n, 100_000n)).toBe('0.0%');
    expect(formatShare(0n, 7n, 0)).toBe('0%');
  });
  it('never prints a zero share for a positive part (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 24n }), fc.integer({ min: 0, max: 4 }), (part, whole, digits) => {
        const text = formatShare(part, whole, digits);
        return part === 0n ? /^0(\.0+)?%$/.test(text) : !/^0(\.0+)?%$/.test(text);
      }),
    );
  });
});

describe('dates', () => {
  it('formats a UTC date without shifting it', () => {
    expect(formatDay('2026-11-24')).toBe('Nov 24, 2026');
    expect(formatTimestamp('2026-11-25T00:00:00.000Z')).toBe('Nov 25, 2026, 12:00 AM UTC');
  });
  it('spells every day of 2024–2027 exactly as Intl en-US does', () => {
    const intl = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    for (let day = '2024-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
      expect(formatDay(day)).toBe(intl.format(new Date(`${day}T00:00:00Z`)));
    }
  });
  it('shows a malformed date as itself rather than throwing', () => {
    expect(formatDay('2026-13-01')).toBe('2026-13-01');
    expect(formatDay('nope')).toBe('nope');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('isDatasetsError', () => {
  it('recognises the typed errors by class and by shape, and nothing else', () => {
    expect(isDatasetsError(new DatasetsError('timeout', 'slow'))).toBe(true);
    expect(isDatasetsError(Object.assign(new Error('x'), { name: 'DatasetsError', code: 'budget_exhausted' }))).toBe(true);
    expect(isDatasetsError(new Error('plain'))).toBe(false);
    expect(isDatasetsError({ name: 'DatasetsError' })).toBe(false);
    expect(isDatasetsError(null)).toBe(false);
  });
});
