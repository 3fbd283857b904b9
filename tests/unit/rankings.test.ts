import type { ModelDay } from '@/lib/datasets/endpoints';
import { buildHistory, rollUpHistory } from '@/lib/rankings/history';
import { biggestMovers, computeLeaderboard, isComparablePrevious, shareBasisPoints, type LeaderboardRow } from '@/lib/rankings/leaderboard';
import { knownPermaslugs, modelProfile, weeklyPoints } from '@/lib/rankings/model-profile';
import { authorShares, dailyStack, stackOf, top50SharePerDay, top50SharePerWeek, totalTokens, weekBuckets, weeklyStack } from '@/lib/rankings/series';
import { addDays } from '@/lib/utc-day';

/** One day's rows: `{ 'a/x': 10n }` plus an optional `other`. */
function day(date: string, models: Record<string, bigint>, other?: bigint): ModelDay[] {
  const rows = Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false }));
  return other === undefined ? rows : [...rows, { date, permaslug: 'other', totalTokens: other, isOther: true }];
}

const pick = (rows: readonly LeaderboardRow[]) =>
  rows.map(({ rank, permaslug, tokens, previousTokens, changePct, previousRank, movement, isNew }) => ({
    rank,
    permaslug,
    tokens,
    previousTokens,
    changePct,
    previousRank,
    movement,
    isNew,
  }));

/*
 * Week ending 2026-01-03 (2025-12-28..2026-01-03) against 2025-12-21..2025-12-27.
 * previous: alpha 400, beta 300, delta 100, gamma 50; total 1000
 * current:  beta 600, alpha 300, delta 200, epsilon 200 (new), gamma 20; other 380; total 1700
 */
const yearEdge = buildHistory([
  ...day('2025-12-20', { 'a/alpha': 999_999n }, 1n), // before the previous window
  ...day('2025-12-21', { 'a/alpha': 300n, 'b/beta': 100n, 'c/gamma': 50n }, 50n),
  ...day('2025-12-24', { 'a/alpha': 100n, 'b/beta': 200n, 'd/delta': 100n }, 100n),
  ...day('2025-12-28', { 'b/beta': 300n, 'a/alpha': 100n }, 100n),
  ...day('2025-12-31', { 'b/beta': 300n, 'd/delta': 200n }, 50n),
  ...day('2026-01-01', { 'a/alpha': 200n, 'e/epsilon': 200n, 'c/gamma': 20n }, 30n),
  ...day('2026-01-03', {}, 200n),
  ...day('2026-01-04', { 'z/after': 5_000n }, 5_000n), // after the data day
]);

describe('shareBasisPoints', () => {
  it('computes in bigint and rounds half up', () => {
    expect(shareBasisPoints(1n, 3n)).toBe(3333);
    expect(shareBasisPoints(2n, 3n)).toBe(6667);
    expect(shareBasisPoints(1n, 20_000n)).toBe(1); // exactly 0.5 bp
    expect(shareBasisPoints(1n, 20_001n)).toBe(0);
    expect(shareBasisPoints(7n, 7n)).toBe(10_000);
    expect(shareBasisPoints(0n, 7n)).toBe(0);
    expect(shareBasisPoints(5n, 0n)).toBe(0);
  });

  it('stays exact beyond 2^53', () => {
    // (2^60 + 1) / 2^61 is a hair over 50 %; 2^60 / (2^61 + 1) a hair under
    expect(shareBasisPoints(2n ** 60n + 1n, 2n ** 61n)).toBe(5000);
    // exactly 0.5 bp rounds up; one token more in the whole and it rounds down
    expect(shareBasisPoints(2n ** 60n, 2n ** 61n * 10_000n)).toBe(1);
    expect(shareBasisPoints(2n ** 60n, 2n ** 61n * 10_000n + 1n)).toBe(0);
  });
});

describe('computeLeaderboard', () => {
  const board = computeLeaderboard(yearEdge, 'week', '2026-01-03');

  it('spans the year edge and reports its ranges', () => {
    expect(board.window).toBe('week');
    expect(board.range).toEqual({ start: '2025-12-28', end: '2026-01-03', days: 7, clamped: false });
    expect(board.previousRange).toEqual({ start: '2025-12-21', end: '2025-12-27', days: 7, clamped: false });
    expect(board.daysCovered).toBe(4);
  });

  it('puts every day`s other into the total', () => {
    expect(board.total).toBe(1700n);
    expect(board.other).toBe(380n);
    expect(board.previousTotal).toBe(1000n);
  });

  it('ranks by window tokens, ties by permaslug, with change, movement and the NEW flag', () => {
    expect(pick(board.rows)).toEqual([
      { rank: 1, permaslug: 'b/beta', tokens: 600n, previousTokens: 300n, changePct: 100, previousRank: 2, movement: 1, isNew: false },
      { rank: 2, permaslug: 'a/alpha', tokens: 300n, previousTokens: 400n, changePct: -25, previousRank: 1, movement: -1, isNew: false },
      { rank: 3, permaslug: 'd/delta', tokens: 200n, previousTokens: 100n, changePct: 100, previousRank: 3, movement: 0, isNew: false },
      { rank: 4, permaslug: 'e/epsilon', tokens: 200n, previousTokens: 0n, changePct: null, previousRank: null, movement: null, isNew: true },
      { rank: 5, permaslug: 'c/gamma', tokens: 20n, previousTokens: 50n, changePct: -60, previousRank: 4, movement: -1, isNew: false },
    ]);
    expect(board.rows.map((row) => row.author)).toEqual(['b', 'a', 'd', 'e', 'c']);
  });

  it('gives shares of the total including other', () => {
    const [beta, alpha, , , gamma] = board.rows;
    expect(shareBasisPoints(beta!.tokens, board.total)).toBe(3529); // 600 / 1700 = 35.294 %
    expect(shareBasisPoints(alpha!.tokens, board.total)).toBe(1765); // 300 / 1700 = 17.647 %
    expect(shareBasisPoints(gamma!.tokens, board.total)).toBe(118); // 20 / 1700 = 1.176 %
    const modelShares = board.rows.reduce((sum, row) => sum + row.tokens, 0n);
    expect(modelShares + board.other).toBe(board.total);
  });

  it('rounds the % change to exactly 2 decimals, half away from zero', () => {
    const history = buildHistory([
      ...day('2025-06-01', { 'p/third-up': 3n, 'p/two-thirds': 3n, 'p/half-up': 20_000n, 'p/half-down': 20_000n, 'p/eighth': 8n, 'p/third-down': 3n, 'p/flat': 7n }),
      ...day('2025-06-02', { 'p/third-up': 4n, 'p/two-thirds': 5n, 'p/half-up': 22_469n, 'p/half-down': 17_531n, 'p/eighth': 9n, 'p/third-down': 2n, 'p/flat': 7n }),
    ]);
    const changes = Object.fromEntries(computeLeaderboard(history, 'day', '2025-06-02').rows.map((row) => [row.permaslug, row.changePct]));
    expect(changes).toEqual({
      'p/third-up': 33.33,
      'p/two-thirds': 66.67,
      'p/half-up': 12.35, // +12.345 %
      'p/half-down': -12.35, // -12.345 %
      'p/eighth': 12.5,
      'p/third-down': -33.33,
      'p/flat': 0,
    });
  });

  it('ranks ties by permaslug in both windows', () => {
    const history = buildHistory([
      ...day('2025-06-01', { 'm/b': 100n, 'm/a': 100n, 'm/c': 300n }),
      ...day('2025-06-02', { 'm/c': 50n, 'm/b': 50n, 'm/a': 50n }),
    ]);
    const rows = computeLeaderboard(history, 'day', '2025-06-02').rows;
    expect(rows.map((row) => [row.permaslug, row.rank, row.previousRank, row.movement])).toEqual([
      ['m/a', 1, 2, 1],
      ['m/b', 2, 3, 1],
      ['m/c', 3, 1, -2],
    ]);
  });

  it('handles a month window across a month edge', () => {
    const history = buildHistory([
      ...day('2026-01-30', { 'k/one': 10n }),
      ...day('2026-01-31', { 'k/one': 1n }),
      ...day('2026-02-28', { 'k/one': 2n }, 3n),
      ...day('2026-03-01', { 'k/one': 4n }),
    ]);
    const board = computeLeaderboard(history, 'month', '2026-03-01');
    expect(board.range).toEqual({ start: '2026-01-31', end: '2026-03-01', days: 30, clamped: false });
    expect(board.daysCovered).toBe(3);
    expect(board.total).toBe(10n);
    expect(board.previousTotal).toBe(10n);
    expect(pick(board.rows)).toEqual([
      { rank: 1, permaslug: 'k/one', tokens: 7n, previousTokens: 10n, changePct: -30, previousRank: 1, movement: 0, isNew: false },
    ]);
  });

  it('clamps at the dataset start: no previous window, so no change, movement or NEW badge', () => {
    const history = buildHistory([
      ...day('2025-01-01', { 'a/x': 5n, 'b/y': 3n }, 2n),
      ...day('2025-01-03', { 'b/y': 4n }),
    ]);
    const board = computeLeaderboard(history, 'week', '2025-01-03');
    expect(board.range).toEqual({ start: '2025-01-01', end: '2025-01-03', days: 3, clamped: true });
    expect(board.previousRange.days).toBe(0);
    expect(board.previousTotal).toBe(0n);
    expect(board.total).toBe(14n);
    expect(board.comparable).toBe(false);
    expect(board.rows.map((row) => [row.permaslug, row.tokens, row.isNew, row.changePct, row.previousRank, row.movement])).toEqual([
      ['b/y', 7n, false, null, null, null],
      ['a/x', 5n, false, null, null, null],
    ]);
    expect(biggestMovers(board)).toEqual({ up: [], down: [] });
  });

  it('compares only with a previous window wholly inside the data', () => {
    // 10 days of data: a 7-day window has a full week before it only from the 14th day on.
    const days = Array.from({ length: 10 }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`);
    const history = buildHistory(days.flatMap((date, i) => day(date, { 'a/x': BigInt(10 + i), ...(i >= 8 ? { 'b/y': 1n } : {}) })));
    const partial = computeLeaderboard(history, 'week', '2025-01-10');
    expect(partial.previousRange).toMatchObject({ start: '2025-01-01', end: '2025-01-03' });
    expect(partial.comparable).toBe(false);
    expect(partial.rows.every((row) => row.changePct === null && !row.isNew && row.movement === null)).toBe(true);

    const full = computeLeaderboard(history, 'day', '2025-01-10');
    expect(full.comparable).toBe(true);
    expect(full.rows.map((row) => [row.permaslug, row.changePct, row.isNew])).toEqual([
      ['a/x', 5.56, false], // 19 vs 18 tokens
      ['b/y', 0, false],
    ]);
  });

  it('returns an empty board for a window without data', () => {
    const board = computeLeaderboard(yearEdge, 'day', '2026-01-02');
    expect(board).toMatchObject({ total: 0n, other: 0n, daysCovered: 0, rows: [] });
  });

  it('keeps sums beyond 2^53 exact', () => {
    const big = 2n ** 60n + 1n;
    const history = buildHistory([
      ...day('2025-03-01', { 'h/huge': 2n ** 60n }, 1n),
      ...day('2025-03-02', { 'h/huge': big, 'h/small': 1n }, big),
      ...day('2025-03-03', { 'h/huge': big }, big),
      ...day('2025-03-04', { 'h/huge': big, 'h/small': 3n }, big),
    ]);
    const board = computeLeaderboard(history, 'day', '2025-03-02');
    expect(board.rows[0]).toMatchObject({ tokens: big, previousTokens: 2n ** 60n, changePct: 0 });
    const week = computeLeaderboard(history, 'week', '2025-03-04');
    expect(week.rows[0]?.tokens).toBe(4n * 2n ** 60n + 3n);
    expect(week.other).toBe(3n * 2n ** 60n + 4n);
    expect(week.total).toBe(7n * 2n ** 60n + 11n);
    expect(week.total.toString()).toBe('8070450532247928843');
  });

  it('aggregates a 365-day window over 700 days of 50 models to the same totals as a plain loop', () => {
    const rows: ModelDay[] = [];
    for (let d = 0; d < 700; d += 1) {
      const date = addDays('2025-01-01', d);
      for (let m = 0; m < 50; m += 1) {
        const id = (d * 7 + m * 13) % 120;
        rows.push({ date, permaslug: `vendor${id % 9}/model-${id}`, totalTokens: 10n ** 12n + BigInt(d * 1000 + m), isOther: false });
      }
      rows.push({ date, permaslug: 'other', totalTokens: 10n ** 13n, isOther: true });
    }
    const dataDay = addDays('2025-01-01', 699);
    const start = addDays(dataDay, -364);
    const board = computeLeaderboard(buildHistory(rows), 'year', dataDay);
    const inWindow = rows.filter((row) => row.date >= start && row.date <= dataDay);
    expect(board.daysCovered).toBe(365);
    expect(board.total).toBe(inWindow.reduce((sum, row) => sum + row.totalTokens, 0n));
    expect(board.rows.reduce((sum, row) => sum + row.tokens, 0n) + board.other).toBe(board.total);
    expect(board.rows.length).toBe(new Set(inWindow.filter((r) => !r.isOther).map((r) => r.permaslug)).size);
  });
});

describe('biggestMovers', () => {
  const board = computeLeaderboard(yearEdge, 'week', '2026-01-03');

  it('lists gains descending and falls ascending, leaving new models out', () => {
    const { up, down } = biggestMovers(board);
    // beta and delta both +100 % exactly: leaderboard order breaks the tie
    expect(up.map((row) => row.permaslug)).toEqual(['b/beta', 'd/delta']);
    expect(down.map((row) => row.permaslug)).toEqual(['c/gamma', 'a/alpha']);
  });

  it('caps each side at n', () => {
    const { up, down } = biggestMovers(board, 1);
    expect(up.map((row) => row.permaslug)).toEqual(['b/beta']);
    expect(down.map((row) => row.permaslug)).toEqual(['c/gamma']);
  });

  it('drops models below the share threshold', () => {
    // gamma holds 20 / 1700 = 117.6 bp
    expect(biggestMovers(board, 5, 118).down.map((row) => row.permaslug)).toEqual(['a/alpha']);
    expect(biggestMovers(board, 5, 117).down.map((row) => row.permaslug)).toEqual(['c/gamma', 'a/alpha']);
  });

  it('uses 10 bp as the default threshold, inclusive and exact', () => {
    const history = buildHistory([
      ...day('2025-06-01', { 'x/big': 9_000n, 'x/ten': 5n, 'x/nine': 5n, 'x/flat': 100n }),
      ...day('2025-06-02', { 'x/big': 9_881n, 'x/ten': 10n, 'x/nine': 9n, 'x/flat': 100n }),
    ]);
    const moving = computeLeaderboard(history, 'day', '2025-06-02');
    expect(moving.total).toBe(10_000n);
    const names = (rows: LeaderboardRow[]) => rows.map((row) => row.permaslug);
    expect(names(biggestMovers(moving).up)).toEqual(['x/ten', 'x/big']); // nine holds 9 bp
    expect(names(biggestMovers(moving, 5, 9).up)).toEqual(['x/ten', 'x/nine', 'x/big']);
    expect(names(biggestMovers(moving, 5, 9.5).up)).toEqual(['x/ten', 'x/big']);
    // unchanged models are neither up nor down
    expect(biggestMovers(moving, 5, 0).down).toEqual([]);
  });
});

describe('series', () => {
  const range = { start: '2025-12-28', end: '2026-01-03' };

  it('dailyStack lists the top N and an other series that completes each day', () => {
    expect(dailyStack(yearEdge, range, 2)).toEqual({
      dates: ['2025-12-28', '2025-12-31', '2026-01-01', '2026-01-03'],
      series: [
        { key: 'b/beta', label: 'b/beta', values: [300n, 300n, 0n, 0n] },
        { key: 'a/alpha', label: 'a/alpha', values: [100n, 0n, 200n, 0n] },
        { key: 'other', label: 'Everything else', values: [100n, 250n, 250n, 200n] },
      ],
    });
  });

  it.each([0, 1, 2, 3, 4, 5, 50])('dailyStack with topN %i sums exactly to each day`s total', (topN) => {
    const stack = dailyStack(yearEdge, range, topN);
    expect(stack.series).toHaveLength(Math.min(topN, 5) + 1);
    const sums = stack.dates.map((_, index) => stack.series.reduce((sum, s) => sum + (s.values[index] ?? 0n), 0n));
    expect(sums).toEqual([500n, 550n, 450n, 200n]);
  });

  it('dailyStack breaks a tie at the cut by permaslug', () => {
    expect(dailyStack(yearEdge, range, 3).series.map((s) => s.key)).toEqual(['b/beta', 'a/alpha', 'd/delta', 'other']);
    expect(dailyStack(yearEdge, range, 50).series.at(-1)?.values).toEqual([100n, 50n, 30n, 200n]);
  });

  it('top50SharePerDay divides the top 50 by the day total including other', () => {
    expect(top50SharePerDay(yearEdge, range)).toEqual([
      { date: '2025-12-28', top50: 400n, total: 500n, shareBp: 8000 },
      { date: '2025-12-31', top50: 500n, total: 550n, shareBp: 9091 },
      { date: '2026-01-01', top50: 420n, total: 450n, shareBp: 9333 },
      { date: '2026-01-03', top50: 0n, total: 200n, shareBp: 0 },
    ]);
  });

  it('authorShares aggregates variants under their author, ties by author, other last', () => {
    const history = buildHistory([
      ...day('2025-05-01', { 'openai/gpt-4o': 100n, 'openai/gpt-4o:free': 50n, 'anthropic/claude': 150n, 'google/gemini': 80n }, 70n),
      ...day('2025-05-02', { 'anthropic/claude': 10n, 'google/gemini': 70n, 'mistral/m': 30n }, 30n),
      ...day('2025-05-03', { 'google/gemini': 1_000n }, 1_000n),
    ]);
    expect(authorShares(history, { start: '2025-05-01', end: '2025-05-02' })).toEqual([
      { author: 'anthropic', tokens: 160n },
      { author: 'google', tokens: 150n },
      { author: 'openai', tokens: 150n },
      { author: 'mistral', tokens: 30n },
      { author: 'other (outside the daily top 50)', tokens: 100n },
    ]);
    expect(authorShares(history, { start: '2024-01-01', end: '2024-12-31' })).toEqual([
      { author: 'other (outside the daily top 50)', tokens: 0n },
    ]);
  });

  it('totalTokens sums whole days including other', () => {
    expect(totalTokens(yearEdge, range)).toBe(1700n);
    expect(totalTokens(yearEdge, { start: '2025-12-21', end: '2025-12-27' })).toBe(1000n);
    expect(totalTokens(yearEdge, { start: '2026-01-02', end: '2026-01-02' })).toBe(0n);
    const big = buildHistory([...day('2025-02-01', { 'a/b': 2n ** 60n }, 2n ** 60n), ...day('2025-02-02', { 'a/b': 1n }, 2n ** 60n)]);
    expect(totalTokens(big, { start: '2025-01-01', end: '2025-12-31' })).toBe(3n * 2n ** 60n + 1n);
  });
});

describe('modelProfile', () => {
  const history = buildHistory([
    ...day('2025-01-15', { 'x/top': 2_000n, 'x/m': 1_000n }),
    ...day('2025-02-28', { 'x/top': 300n }),
    ...day('2025-03-01', { 'x/top': 500n, 'x/m': 100n }, 50n),
    ...day('2025-03-02', { 'x/top': 500n, 'x/m:free': 10n }),
    ...day('2025-03-03', { 'x/m': 600n, 'x/top': 500n }),
    // 2025-03-04 missing from the history
    ...day('2025-03-05', { 'x/m': 700n, 'x/top': 100n, 'x/m:extended': 20n }, 200n),
    ...day('2025-03-06', { 'x/top': 50n, 'x/mini': 5n }, 50n),
    ...day('2025-03-07', { 'x/m': 9_999n, 'x/late': 1n }), // after the data day
  ]);
  const dataDay = '2025-03-06';

  it('covers every history day from first seen to the data day, rank null when outside the top 50', () => {
    const profile = modelProfile(history, 'x/m', dataDay);
    expect(profile?.points).toEqual([
      { date: '2025-01-15', tokens: 1_000n, rank: 2, dayTotal: 3_000n, shareBp: 3333 },
      { date: '2025-02-28', tokens: 0n, rank: null, dayTotal: 300n, shareBp: 0 },
      { date: '2025-03-01', tokens: 100n, rank: 2, dayTotal: 650n, shareBp: 1538 },
      { date: '2025-03-02', tokens: 0n, rank: null, dayTotal: 510n, shareBp: 0 },
      { date: '2025-03-03', tokens: 600n, rank: 1, dayTotal: 1_100n, shareBp: 5455 },
      { date: '2025-03-05', tokens: 700n, rank: 1, dayTotal: 1_020n, shareBp: 6863 },
      { date: '2025-03-06', tokens: 0n, rank: null, dayTotal: 105n, shareBp: 0 },
    ]);
  });

  it('reports first/last seen, best rank (earliest on ties), windows and siblings', () => {
    const profile = modelProfile(history, 'x/m', dataDay);
    expect(profile).toMatchObject({
      permaslug: 'x/m',
      author: 'x',
      firstSeen: '2025-01-15',
      lastSeen: '2025-03-05',
      daysInTop50: 4,
      bestRank: { rank: 1, date: '2025-03-03' },
      allTime: 2_400n,
      siblings: ['x/m:extended', 'x/m:free'],
    });
    // day 03-06; week 02-28..03-06; month 02-05..03-06; quarter and year clamped to 2025-01-01
    expect(profile?.windows).toEqual({ day: 0n, week: 1_400n, month: 1_400n, quarter: 2_400n, year: 2_400n });
  });

  it('finds siblings from a variant and never mistakes a longer name for one', () => {
    const free = modelProfile(history, 'x/m:free', dataDay);
    expect(free).toMatchObject({ firstSeen: '2025-03-02', lastSeen: '2025-03-02', daysInTop50: 1, bestRank: { rank: 2, date: '2025-03-02' } });
    expect(free?.siblings).toEqual(['x/m', 'x/m:extended']);
    expect(free?.points.map((point) => [point.date, point.rank])).toEqual([
      ['2025-03-02', 2],
      ['2025-03-03', null],
      ['2025-03-05', null],
      ['2025-03-06', null],
    ]);
    expect(modelProfile(history, 'x/mini', dataDay)?.siblings).toEqual([]);
  });

  it('returns null for an unknown permaslug or one first seen after the data day', () => {
    expect(modelProfile(history, 'x/nope', dataDay)).toBeNull();
    expect(modelProfile(history, 'other', dataDay)).toBeNull();
    expect(modelProfile(history, 'x/late', dataDay)).toBeNull();
    expect(modelProfile(history, 'x/late', '2025-03-07')?.firstSeen).toBe('2025-03-07');
  });

  it('keeps window sums beyond 2^53 exact', () => {
    const big = buildHistory([
      ...day('2025-12-30', { 'b/ig': 2n ** 60n + 1n }),
      ...day('2025-12-31', { 'b/ig': 2n ** 60n + 2n }),
      ...day('2026-01-01', { 'b/ig': 2n ** 60n + 3n }),
    ]);
    const profile = modelProfile(big, 'b/ig', '2026-01-01');
    expect(profile?.windows.week).toBe(3n * 2n ** 60n + 6n);
    expect(profile?.windows.day).toBe(2n ** 60n + 3n);
    expect(profile?.allTime).toBe(3n * 2n ** 60n + 6n);
  });
});

describe('knownPermaslugs', () => {
  it('lists every model of the history once, sorted, never other', () => {
    const history = buildHistory([
      ...day('2025-01-01', { 'x/top': 2n, 'x/m': 1n }, 5n),
      ...day('2025-01-02', { 'x/m:free': 3n, 'x/mini': 1n, 'x/top': 1n }, 5n),
      ...day('2025-01-03', { 'a/late': 1n }),
    ]);
    expect(knownPermaslugs(history)).toEqual(['a/late', 'x/m', 'x/m:free', 'x/mini', 'x/top']);
    expect(knownPermaslugs({ days: [] })).toEqual([]);
  });
});

describe('weekly series', () => {
  it('buckets days by seven, the last bucket ending on the last day and the first taking the rest', () => {
    const dates = Array.from({ length: 16 }, (_, i) => `2025-02-${String(i + 1).padStart(2, '0')}`);
    expect(weekBuckets(dates)).toEqual([[0, 1], [2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15]]);
    expect(weekBuckets([])).toEqual([]);
  });

  it('sums a stack by week exactly and dates each week by its last day', () => {
    const stack = {
      dates: ['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04', '2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08'],
      series: [{ key: 'a/x', label: 'a/x', values: [1n, 2n, 3n, 4n, 5n, 6n, 7n, 2n ** 60n] }],
    };
    expect(weeklyStack(stack)).toEqual({
      dates: ['2025-02-01', '2025-02-08'],
      series: [{ key: 'a/x', label: 'a/x', values: [1n, 27n + 2n ** 60n] }],
    });
  });

  it('sums a model`s days by week: tokens and totals exact, share of the week, best rank of the week', () => {
    const point = (date: string, tokens: bigint, rank: number | null, dayTotal: bigint) => ({ date, tokens, rank, dayTotal, shareBp: shareBasisPoints(tokens, dayTotal) });
    const days = [
      point('2025-03-01', 5n, 9, 100n),
      ...Array.from({ length: 7 }, (_, i) => point(`2025-03-0${i + 2}`, i === 3 ? 0n : 2n ** 55n, i === 3 ? null : 10 - i, 2n ** 56n)),
    ];
    const weeks = weeklyPoints(days);
    expect(weeks.map((w) => w.date)).toEqual(['2025-03-01', '2025-03-08']);
    expect(weeks[0]).toEqual(days[0]);
    expect(weeks[1]).toEqual({ date: '2025-03-08', tokens: 6n * 2n ** 55n, rank: 4, dayTotal: 7n * 2n ** 56n, shareBp: shareBasisPoints(6n * 2n ** 55n, 7n * 2n ** 56n) });
    // A week wholly outside the top 50 has no rank.
    expect(weeklyPoints([point('2025-03-01', 0n, null, 10n)])[0]!.rank).toBeNull();
  });

  it('computes the weekly top-50 share from the week`s sums, not from daily shares', () => {
    const history = buildHistory([
      ...day('2025-01-01', { 'a/x': 90n }, 10n),
      ...day('2025-01-02', { 'a/x': 10n }, 90n),
    ]);
    expect(top50SharePerWeek(history, { start: '2025-01-01', end: '2025-01-02' })).toEqual([
      { date: '2025-01-02', top50: 100n, total: 200n, shareBp: 5000 },
    ]);
  });
});

describe('generalised for the slice boards', () => {
  it('compares only with a previous range wholly inside the data', () => {
    expect(isComparablePrevious({ start: '2025-01-01', end: '2025-01-07', days: 7, clamped: false })).toBe(true);
    expect(isComparablePrevious({ start: '2025-01-01', end: '2025-01-05', days: 5, clamped: true })).toBe(false);
    expect(isComparablePrevious({ start: '2025-01-06', end: '2025-01-05', days: 0, clamped: true })).toBe(false);
    expect(isComparablePrevious({ start: '2024-12-30', end: '2025-01-05', days: 7, clamped: false })).toBe(false);
  });

  it('stackOf follows the models asked for, in their order, the rest completing each day', () => {
    const range = { start: '2025-12-28', end: '2026-01-03' };
    expect(stackOf(yearEdge, range, ['d/delta', 'a/alpha', 'd/delta', 'z/absent'])).toEqual({
      dates: ['2025-12-28', '2025-12-31', '2026-01-01', '2026-01-03'],
      series: [
        { key: 'd/delta', label: 'd/delta', values: [0n, 200n, 0n, 0n] },
        { key: 'a/alpha', label: 'a/alpha', values: [100n, 0n, 200n, 0n] },
        { key: 'z/absent', label: 'z/absent', values: [0n, 0n, 0n, 0n] },
        { key: 'other', label: 'Everything else', values: [400n, 350n, 250n, 200n] },
      ],
    });
    expect(dailyStack(yearEdge, range, 2)).toEqual(stackOf(yearEdge, range, ['b/beta', 'a/alpha']));
  });

  it('rollUpHistory sums each model`s days into its bucket, re-ranked, totals unchanged', () => {
    const weeks = rollUpHistory(yearEdge, (date) => (date < '2025-12-28' ? '2025-12-21' : '2025-12-28'));
    expect(weeks.days).toEqual([
      { date: '2025-12-21', models: [{ permaslug: 'a/alpha', tokens: 999_999n + 400n }, { permaslug: 'b/beta', tokens: 300n }, { permaslug: 'd/delta', tokens: 100n }, { permaslug: 'c/gamma', tokens: 50n }], other: 151n, total: 1_001_000n },
      { date: '2025-12-28', models: [{ permaslug: 'z/after', tokens: 5_000n }, { permaslug: 'b/beta', tokens: 600n }, { permaslug: 'a/alpha', tokens: 300n }, { permaslug: 'd/delta', tokens: 200n }, { permaslug: 'e/epsilon', tokens: 200n }, { permaslug: 'c/gamma', tokens: 20n }], other: 5_380n, total: 11_700n },
    ]);
    const sum = (h: { days: readonly { total: bigint }[] }) => h.days.reduce((t, d) => t + d.total, 0n);
    expect(sum(weeks)).toBe(sum(yearEdge));
  });
});
