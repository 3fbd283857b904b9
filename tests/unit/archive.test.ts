import type { ModelDay } from '@/lib/datasets/endpoints';
import { formatMonth } from '@/lib/format';
import { archiveLastModified, archiveSummaries, isArchiveMonth, monthLeaderboard, nextMonth, restatableThrough } from '@/lib/rankings/archive';
import { buildHistory } from '@/lib/rankings/history';
import { archiveHref } from '@/lib/routes';

function day(date: string, models: Record<string, bigint>, other?: bigint): ModelDay[] {
  const rows = Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false }));
  return other === undefined ? rows : [...rows, { date, permaslug: 'other', totalTokens: other, isOther: true }];
}

/*
 * January 2025: alpha 300, beta 100 (+ other 50)  → alpha #1, all new (no earlier month)
 * February 2025: beta 500, alpha 200 (+ other 100) → beta #1, up one place, +400 %
 * March 2025 (the month in progress on 2025-03-02): gamma only
 */
const history = buildHistory([
  ...day('2025-01-01', { 'a/alpha': 200n, 'b/beta': 100n }, 20n),
  ...day('2025-01-31', { 'a/alpha': 100n }, 30n),
  ...day('2025-02-01', { 'b/beta': 300n, 'a/alpha': 200n }, 40n),
  ...day('2025-02-28', { 'b/beta': 200n }, 60n),
  ...day('2025-03-01', { 'c/gamma': 9_999n }),
]);

describe('isArchiveMonth', () => {
  it('accepts complete months from January 2025 only', () => {
    expect(isArchiveMonth('2025-01', '2025-01-31')).toBe(true);
    expect(isArchiveMonth('2025-01', '2025-01-30')).toBe(false);
    expect(isArchiveMonth('2026-11', '2026-11-30')).toBe(true);
    expect(isArchiveMonth('2026-12', '2026-12-30')).toBe(false);
    for (const bad of ['2024-12', '2026-13', '2026-00', 'abc', '2025-1', '2025-01-01', '', ' 2025-01']) {
      expect(isArchiveMonth(bad, '2026-12-01')).toBe(false);
    }
  });
});

describe('restatement and lastmod', () => {
  it('steps months across a year', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2025-01')).toBe('2025-02');
  });

  it('keeps a month restatable until the end of the month after it', () => {
    expect(restatableThrough('2026-11')).toBe('2026-12-31');
    expect(restatableThrough('2026-12')).toBe('2027-01-31');
    expect(restatableThrough('2027-01')).toBe('2027-02-28');
  });

  it('dates a month page by the data day until its figures are final, then by that last day', () => {
    expect(archiveLastModified('2026-11', '2026-12-05')).toBe('2026-12-05');
    expect(archiveLastModified('2026-11', '2026-12-31')).toBe('2026-12-31');
    expect(archiveLastModified('2026-11', '2027-01-01')).toBe('2026-12-31');
    expect(archiveLastModified('2025-01', '2026-11-30')).toBe('2025-02-28');
  });
});

describe('monthLeaderboard', () => {
  it('ranks the first month with nothing before it: no change and no NEW badge, since nothing compares', () => {
    const board = monthLeaderboard(history, '2025-01');
    expect(board.range).toEqual({ start: '2025-01-01', end: '2025-01-31', days: 31, clamped: false });
    expect(board.previousRange.days).toBe(0);
    expect(board.total).toBe(450n);
    expect(board.comparable).toBe(false);
    expect(board.rows.map((r) => [r.permaslug, r.tokens, r.isNew, r.movement])).toEqual([
      ['a/alpha', 300n, false, null],
      ['b/beta', 100n, false, null],
    ]);
  });

  it('compares a month with the calendar month before', () => {
    const board = monthLeaderboard(history, '2025-02');
    expect(board.previousRange).toMatchObject({ start: '2025-01-01', end: '2025-01-31' });
    expect(board.rows.map((r) => [r.permaslug, r.tokens, r.previousRank, r.movement, r.changePct])).toEqual([
      ['b/beta', 500n, 2, 1, 400],
      ['a/alpha', 200n, 1, -1, -33.33],
    ]);
  });

  it('refuses anything but a month', () => {
    expect(() => monthLeaderboard(history, '2025-13')).toThrow(RangeError);
  });
});

describe('archiveSummaries', () => {
  it('lists complete months newest first with their #1 and total', () => {
    const summaries = archiveSummaries(history, '2025-03-02');
    expect(summaries.map((s) => [s.month, s.leader?.permaslug, s.total, s.modelsRanked])).toEqual([
      ['2025-02', 'b/beta', 800n, 2],
      ['2025-01', 'a/alpha', 450n, 2],
    ]);
  });

  it('shows a month without figures with no #1', () => {
    const [summary] = archiveSummaries(buildHistory([]), '2025-01-31');
    expect(summary).toEqual({ month: '2025-01', leader: null, total: 0n, modelsRanked: 0 });
  });
});

describe('month names and URLs', () => {
  it('names a UTC month and spells its archive URL', () => {
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2025-01')).toBe('January 2025');
    expect(archiveHref()).toBe('/models/archive');
    expect(archiveHref('2026-11')).toBe('/models/archive/2026-11');
  });
});
