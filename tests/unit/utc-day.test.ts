import {
  addDays,
  completeMonths,
  monthRange,
  previousMonth,
  currentDataDay,
  daysInclusive,
  isIsoDate,
  lastCompletedUtcDay,
  nextDataDayAt,
  previousWindowRange,
  windowRange,
} from '@/lib/utc-day';

describe('isIsoDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (value) => expect(isIsoDate(value)).toBe(true));
  it.each(['2026-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '2025-01-01T00:00:00Z', ' 2025-01-01', ''])(
    'rejects %p',
    (value) => expect(isIsoDate(value)).toBe(false),
  );
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInclusive('2025-01-01', '2025-12-31')).toBe(365);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
  });
});

describe('data day', () => {
  it('is yesterday once the settle delay after midnight has passed', () => {
    expect(lastCompletedUtcDay(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-24');
    expect(currentDataDay(new Date('2026-11-25T00:59:59Z'), 60)).toBe('2026-11-23');
    expect(currentDataDay(new Date('2026-11-25T01:00:00Z'), 60)).toBe('2026-11-24');
    expect(currentDataDay(new Date('2026-11-25T23:59:59Z'), 60)).toBe('2026-11-24');
    expect(currentDataDay(new Date('2026-11-25T00:00:00Z'), 0)).toBe('2026-11-24');
  });

  it('handles the new year and a leap day just before the boundary', () => {
    expect(currentDataDay(new Date('2027-01-01T00:30:00Z'), 60)).toBe('2026-12-30');
    expect(currentDataDay(new Date('2027-01-01T01:30:00Z'), 60)).toBe('2026-12-31');
    expect(currentDataDay(new Date('2028-03-01T02:00:00Z'), 60)).toBe('2028-02-29');
  });

  it('knows when the next data day starts', () => {
    expect(nextDataDayAt(new Date('2026-11-25T00:30:00Z'), 60).toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(nextDataDayAt(new Date('2026-11-25T13:00:00Z'), 60).toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(nextDataDayAt(new Date('2026-12-31T23:00:00Z'), 60).toISOString()).toBe('2027-01-01T01:00:00.000Z');
  });
});

describe('windows', () => {
  it('counts completed days ending on the data day', () => {
    expect(windowRange('day', '2026-11-24')).toEqual({ start: '2026-11-24', end: '2026-11-24', days: 1, clamped: false });
    expect(windowRange('week', '2026-03-03')).toEqual({ start: '2026-02-25', end: '2026-03-03', days: 7, clamped: false });
    expect(windowRange('month', '2026-01-10')).toEqual({ start: '2025-12-12', end: '2026-01-10', days: 30, clamped: false });
    expect(windowRange('quarter', '2026-11-24').days).toBe(90);
    expect(windowRange('year', '2026-11-24')).toEqual({ start: '2025-11-25', end: '2026-11-24', days: 365, clamped: false });
  });

  it('clamps at the dataset start', () => {
    expect(windowRange('year', '2025-06-30')).toEqual({ start: '2025-01-01', end: '2025-06-30', days: 181, clamped: true });
    expect(previousWindowRange('week', '2025-01-03').days).toBe(0);
  });

  it('gives the equal window just before', () => {
    expect(previousWindowRange('week', '2026-11-24')).toEqual({ start: '2026-11-11', end: '2026-11-17', days: 7, clamped: false });
    expect(previousWindowRange('day', '2026-01-01')).toEqual({ start: '2025-12-31', end: '2025-12-31', days: 1, clamped: false });
  });
});

describe('calendar months (the archive)', () => {
  it('spans a month, leap years included, and rejects anything but YYYY-MM', () => {
    expect(monthRange('2025-02')).toEqual({ start: '2025-02-01', end: '2025-02-28', days: 28, clamped: false });
    expect(monthRange('2028-02')?.end).toBe('2028-02-29');
    expect(monthRange('2025-12')).toEqual({ start: '2025-12-01', end: '2025-12-31', days: 31, clamped: false });
    for (const bad of ['2025-13', '2025-00', '2025-1', '25-01', '2025-01-01', ' 2025-01', '']) expect(monthRange(bad)).toBeNull();
  });

  it('steps back across a year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2025-03')).toBe('2025-02');
  });

  it('lists the months that have ended by the data day, from January 2025', () => {
    expect(completeMonths('2025-01-30')).toEqual([]);
    expect(completeMonths('2025-01-31')).toEqual(['2025-01']);
    const months = completeMonths('2026-11-30');
    expect(months).toHaveLength(23);
    expect(months[0]).toBe('2025-01');
    expect(months.at(-1)).toBe('2026-11');
    expect(completeMonths('2026-11-29').at(-1)).toBe('2026-10');
  });
});
