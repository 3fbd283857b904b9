import fc from 'fast-check';
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
  it('abbreviates exactly as Intl en-US compact notation does (property, and the unit boundaries)', () => {
    const intl = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (n) => formatTokensCompact(n) === intl.format(n)), { numRuns: 5000 });
    const edges = [0n, 999n, 1000n, 1049n, 1050n, 9_950n, 99_950n, 999_949n, 999_950n, 999_999n, 1_000_000n, 999_950_000n, 999_950_000_000n, 10n ** 15n, 123_456_789_012_345_678n];
    for (const n of edges) for (const v of [n, -n]) expect(formatTokensCompact(v)).toBe(intl.format(v));
  });
  it('abbreviates for headlines', () => {
    expect(formatTokensCompact(1_234_567_890_123n)).toBe('1.2T');
    expect(formatTokensCompact(950n)).toBe('950');
  });
});

describe('formatShare', () => {
  it('computes in bigint and rounds half up', () => {
    expect(formatShare(1n, 3n)).toBe('33.3%');
    expect(formatShare(2n, 3n)).toBe('66.7%');
    expect(formatShare(1n, 8n, 2)).toBe('12.50%');
    expect(formatShare(1n, 1000n)).toBe('0.1%');
    expect(formatShare(1n, 100000n)).toBe('0.0%');
    expect(formatShare(5n, 5n, 0)).toBe('100%');
    expect(formatShare(1n, 0n)).toBe('–');
    // exact where floating point would not be: (2^60 + 1) / 2^61 is a hair over 50 %
    expect(formatShare(2n ** 60n + 1n, 2n ** 61n, 12)).toBe('50.000000000000%');
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
