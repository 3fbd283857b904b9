import type { ModelDay } from '@/lib/datasets/endpoints';
import { buildSliceHistory, boardSummary, sliceLeaderboard, sliceTrend, topPermaslugs, whereItRanks, type SliceLeaderboard } from '@/lib/boards/slices/rows';
import { sliceOf, type Slice } from '@/lib/boards/slices/slices';
import { sliceWindow, type SliceWindowName } from '@/lib/boards/slices/windows';

const B = 10n ** 9n;
const SONNET = 'anthropic/claude-sonnet-4.5';
const GPT5 = 'openai/gpt-5';
const DEEPSEEK_FREE = 'deepseek/deepseek-chat-v3-0324:free';
const GROK = 'x-ai/grok-code-fast-1';
const QWEN = 'qwen/qwen3-coder';
const FLASH = 'google/gemini-2.5-flash';

const slice = (family: string, slug: string): Slice => sliceOf(family, slug)!;
const programming = slice('use-case', 'programming');
const oneM = slice('context', '1m');
const text = slice('modality', 'text');

/** One bucket's rows as the endpoint reshapes them: weekly estimates for a sampled slice, daily counts otherwise. */
function bucket(date: string, models: Record<string, bigint>, other?: bigint, grain: 'day' | 'week' = 'day'): ModelDay[] {
  const extra = grain === 'week' ? { period: 'week' as const, estimated: true as const } : {};
  const rows = Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false, ...extra }));
  return other === undefined ? rows : [...rows, { date, permaslug: 'other', totalTokens: other, isOther: true, ...extra }];
}
const week = (monday: string, models: Record<string, bigint>, other?: bigint) => bucket(monday, models, other, 'week');

function board(s: Slice, rows: readonly ModelDay[], name: SliceWindowName, dataDay: string): SliceLeaderboard {
  return sliceLeaderboard(buildSliceHistory(s, rows, dataDay), sliceWindow(s, name, dataDay)!);
}

const pick = (b: SliceLeaderboard) =>
  b.rows.map(({ rank, permaslug, tokens, shareBp, changePct, previousRank, movement, isNew }) => ({ rank, permaslug, tokens, shareBp, changePct, previousRank, movement, isNew }));

/*
 * Use case "programming", weekly estimates, data day Wednesday 2026-11-25.
 * Week of Nov 9:  sonnet 400, gpt-5 300, deepseek free 100, qwen 50, other 150 → 1,000 (billions)
 * Week of Nov 16: sonnet 600, grok 250 (new), gpt-5 200, deepseek free 100, other 350 → 1,500
 * Week of Nov 23: runs past the data day (the upstream's trailing bucket): never ranked.
 */
const programmingRows = [
  ...week('2026-11-23', { [SONNET]: 10n * B, [QWEN]: 900n * B }, 5n * B),
  ...week('2026-11-16', { [SONNET]: 600n * B, [GROK]: 250n * B, [GPT5]: 200n * B, [DEEPSEEK_FREE]: 100n * B }, 350n * B),
  ...week('2026-11-09', { [SONNET]: 400n * B, [GPT5]: 300n * B, [DEEPSEEK_FREE]: 100n * B, [QWEN]: 50n * B }, 150n * B),
];

describe('buildSliceHistory', () => {
  it('keeps only weeks complete on the data day, whatever a request returned', () => {
    const history = buildSliceHistory(programming, programmingRows, '2026-11-25');
    expect(history).toMatchObject({ slice: 'use-case/programming', grain: 'week', estimated: true, dropped: ['2026-11-23'] });
    expect(history.buckets.days.map((d) => d.date)).toEqual(['2026-11-09', '2026-11-16']);
    // On the Sunday that ends it, the week is complete and counts.
    expect(buildSliceHistory(programming, programmingRows, '2026-11-29').dropped).toEqual([]);
    // A bucket from before the first whole week of data (a partial week) is never ranked either.
    expect(buildSliceHistory(programming, week('2024-12-30', { [SONNET]: 1n }), '2026-11-25').dropped).toEqual(['2024-12-30']);
  });

  it('refuses rows of another grain, a weekly row not dated by its Monday, and a model twice in a bucket', () => {
    expect(() => buildSliceHistory(programming, bucket('2026-11-16', { [SONNET]: 1n }), '2026-11-25')).toThrow(/expected week estimate rows/);
    expect(() => buildSliceHistory(oneM, week('2026-11-16', { [SONNET]: 1n }), '2026-11-25')).toThrow(/expected day rows/);
    expect(() => buildSliceHistory(oneM, [{ date: '2026-11-16', permaslug: SONNET, totalTokens: 1n, isOther: false, period: 'week' }], '2026-11-25')).toThrow(/a week row/);
    expect(() => buildSliceHistory(programming, week('2026-11-17', { [SONNET]: 1n }), '2026-11-25')).toThrow(/not a Monday/);
    // Overlapping requests would count a week twice: fail loudly rather than sum.
    expect(() => buildSliceHistory(programming, [...programmingRows, ...week('2026-11-16', { [GPT5]: 1n })], '2026-11-25')).toThrow(/openai\/gpt-5 twice on 2026-11-16/);
    expect(() => buildSliceHistory(oneM, [...bucket('2026-11-16', {}, 5n), ...bucket('2026-11-16', {}, 5n)], '2026-11-25')).toThrow(/other twice/);
  });

  it('rolls exact days up into complete ISO weeks, every week of the data present', () => {
    const rows = [
      ...bucket('2025-01-01', { [SONNET]: 7n }, 1n), // the partial first week: not a week of the trend
      ...bucket('2025-01-06', { [SONNET]: 2n, [FLASH]: 3n }, 1n),
      ...bucket('2025-01-12', { [SONNET]: 5n }, 2n),
      ...bucket('2025-01-20', { [FLASH]: 11n }), // Monday of a week not complete on the data day
    ];
    const history = buildSliceHistory(oneM, rows, '2025-01-21');
    expect(history.buckets.days.map((d) => d.date)).toEqual(['2025-01-01', '2025-01-06', '2025-01-12', '2025-01-20']);
    expect(history.weeks.days).toEqual([
      { date: '2025-01-06', models: [{ permaslug: SONNET, tokens: 7n }, { permaslug: FLASH, tokens: 3n }], other: 3n, total: 13n },
      { date: '2025-01-13', models: [], other: 0n, total: 0n }, // a completed week with no rows
    ]);
    // Weeks with no rows are still weeks of the trend.
    expect(buildSliceHistory(oneM, rows, '2025-02-02').weeks.days.map((d) => [d.date, d.total])).toEqual([
      ['2025-01-06', 13n],
      ['2025-01-13', 0n],
      ['2025-01-20', 11n],
      ['2025-01-27', 0n],
    ]);
    expect(buildSliceHistory(oneM, [...rows, ...bucket('2025-01-22', { [FLASH]: 1n })], '2025-01-21').dropped).toEqual(['2025-01-22']);
  });
});

describe('sliceLeaderboard', () => {
  it('ranks the last completed week of a sampled slice against the week before, with shares of the slice', () => {
    const b = board(programming, programmingRows, 'week', '2026-11-25');
    expect(b).toMatchObject({ window: 'week', range: { start: '2026-11-16', end: '2026-11-22' }, comparable: true, estimated: true, grain: 'week' });
    expect([b.total, b.previousTotal, b.other, b.otherShareBp]).toEqual([1_500n * B, 1_000n * B, 350n * B, 2333]);
    expect(b.coverage).toEqual({ buckets: 1, expected: 1 });
    expect(pick(b)).toEqual([
      { rank: 1, permaslug: SONNET, tokens: 600n * B, shareBp: 4000, changePct: 50, previousRank: 1, movement: 0, isNew: false },
      { rank: 2, permaslug: GROK, tokens: 250n * B, shareBp: 1667, changePct: null, previousRank: null, movement: null, isNew: true },
      { rank: 3, permaslug: GPT5, tokens: 200n * B, shareBp: 1333, changePct: -33.33, previousRank: 2, movement: -1, isNew: false },
      { rank: 4, permaslug: DEEPSEEK_FREE, tokens: 100n * B, shareBp: 667, changePct: 0, previousRank: 3, movement: -1, isNew: false },
    ]);
    // The ranked models and other make up the total exactly.
    expect(b.rows.reduce((sum, row) => sum + row.tokens, 0n) + b.other).toBe(b.total);
  });

  it('on the Sunday that completes a week ranks that week, and compares it with the one before', () => {
    const rows = [...programmingRows.filter((r) => r.date !== '2026-11-23'), ...week('2026-11-23', { [QWEN]: 900n * B, [SONNET]: 300n * B }, 300n * B)];
    const sunday = board(programming, rows, 'week', '2026-11-29');
    expect(sunday.range).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
    expect(sunday.previousRange).toMatchObject({ start: '2026-11-16', end: '2026-11-22' });
    expect(pick(sunday).map((r) => [r.permaslug, r.tokens, r.shareBp, r.changePct, r.movement, r.isNew])).toEqual([
      [QWEN, 900n * B, 6000, null, null, true], // out of the week before: new
      [SONNET, 300n * B, 2000, -50, -1, false],
    ]);
  });

  it('sums four weeks exactly beyond 2^53 and shows no change while the previous four weeks are not all data', () => {
    const huge = 2n ** 60n;
    const rows = [
      ...week('2025-01-06', { [SONNET]: huge + 1n, [DEEPSEEK_FREE]: 3n }, huge),
      ...week('2025-01-13', { [SONNET]: huge + 2n }, 1n),
      ...week('2025-01-20', { [SONNET]: huge + 3n, [DEEPSEEK_FREE]: huge }, huge),
      ...week('2025-01-27', { [DEEPSEEK_FREE]: 5n }),
    ];
    const b = board(programming, rows, '4-weeks', '2025-02-02');
    expect(b.range).toMatchObject({ start: '2025-01-06', end: '2025-02-02', days: 28 });
    expect(b.comparable).toBe(false);
    expect(b.rows.map((r) => [r.permaslug, r.tokens, r.changePct, r.movement, r.isNew])).toEqual([
      [SONNET, 3n * huge + 6n, null, null, false],
      [DEEPSEEK_FREE, huge + 8n, null, null, false],
    ]);
    expect(b.total).toBe(6n * huge + 15n);
    expect(b.total.toString()).toBe('6917529027641081871');
    expect(b.coverage).toEqual({ buckets: 4, expected: 4 });
    // The first whole week of data: nothing to compare it with.
    const first = board(programming, rows, 'week', '2025-01-12');
    expect(first.comparable).toBe(false);
    expect(first.rows.every((r) => r.changePct === null && r.movement === null && !r.isNew)).toBe(true);
  });

  describe('an exact slice (daily counts)', () => {
    // Context 1M: Mon 2026-11-09 .. Mon 2026-11-23.
    const rows = [
      ...bucket('2026-11-09', { [SONNET]: 30n * B, [FLASH]: 10n * B }, 5n * B),
      ...bucket('2026-11-15', { [FLASH]: 40n * B }, 5n * B),
      ...bucket('2026-11-16', { [SONNET]: 20n * B, [FLASH]: 20n * B }, 10n * B),
      ...bucket('2026-11-19', { [SONNET]: 50n * B, [GPT5]: 5n * B }),
      ...bucket('2026-11-22', { [GPT5]: 15n * B, [SONNET]: 1n * B }, 9n * B),
      ...bucket('2026-11-23', { [GPT5]: 500n * B }, 500n * B),
    ];

    it('ranks a week on a Sunday data day and the same week on the Monday after, the new day left to the day window', () => {
      const expected = [
        { rank: 1, permaslug: SONNET, tokens: 71n * B, shareBp: 5462, changePct: 136.67, previousRank: 2, movement: 1, isNew: false },
        // A tie: by permaslug, like every model ranking.
        { rank: 2, permaslug: FLASH, tokens: 20n * B, shareBp: 1538, changePct: -60, previousRank: 1, movement: -1, isNew: false },
        { rank: 3, permaslug: GPT5, tokens: 20n * B, shareBp: 1538, changePct: null, previousRank: null, movement: null, isNew: true },
      ];
      for (const dataDay of ['2026-11-22', '2026-11-23']) {
        const b = board(oneM, rows, 'week', dataDay);
        expect(b).toMatchObject({ range: { start: '2026-11-16', end: '2026-11-22' }, estimated: false, grain: 'day', total: 130n * B, previousTotal: 90n * B, other: 19n * B });
        expect(b.coverage).toEqual({ buckets: 3, expected: 7 });
        expect(pick(b)).toEqual(expected);
      }
      const day = board(oneM, rows, 'day', '2026-11-23');
      expect(pick(day)).toEqual([{ rank: 1, permaslug: GPT5, tokens: 500n * B, shareBp: 5000, changePct: 3233.33, previousRank: 1, movement: 0, isNew: false }]);
    });

    it('sums 30 days and 4 weeks from the days, as the models board does', () => {
      const month = board(oneM, rows, '30-days', '2026-11-23');
      expect(month.range).toMatchObject({ start: '2026-10-25', end: '2026-11-23', days: 30 });
      expect(month.rows.map((r) => [r.permaslug, r.tokens])).toEqual([
        [GPT5, 520n * B],
        [SONNET, 101n * B],
        [FLASH, 70n * B],
      ]);
      expect(month.total).toBe(1_220n * B);
      const fourWeeks = board(oneM, rows, '4-weeks', '2026-11-23');
      expect(fourWeeks.range).toMatchObject({ start: '2026-10-26', end: '2026-11-22' });
      expect(fourWeeks.total).toBe(220n * B); // the Monday after is not in a completed week
      expect(fourWeeks.coverage).toEqual({ buckets: 5, expected: 28 });
    });
  });

  it('never gives a sampled slice a daily window', () => {
    const history = buildSliceHistory(programming, programmingRows, '2026-11-25');
    expect(() => sliceLeaderboard(history, sliceWindow(oneM, 'day', '2026-11-25')!)).toThrow(/weekly figures have no day window/);
  });
});

describe('sliceTrend', () => {
  it('follows the chosen models week by week, every week present, the rest as Everything else', () => {
    const history = buildSliceHistory(programming, programmingRows, '2026-11-25');
    const b = sliceLeaderboard(history, sliceWindow(programming, 'week', '2026-11-25')!);
    const trend = sliceTrend(history, topPermaslugs(b, 2), 3);
    expect(trend).toEqual({
      slice: 'use-case/programming',
      estimated: true,
      weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
      series: [
        { key: SONNET, label: SONNET, values: [0n, 400n * B, 600n * B] },
        { key: GROK, label: GROK, values: [0n, 0n, 250n * B] },
        { key: 'other', label: 'Everything else', values: [0n, 600n * B, 650n * B] },
      ],
    });
    // From the first whole week of data by default.
    const all = sliceTrend(history, [SONNET]);
    expect(all.weeks[0]).toBe('2025-01-06');
    expect(all.weeks.at(-1)).toBe('2026-11-16');
    expect(all.weeks).toHaveLength(98);
  });

  it('sums an exact slice`s days into weeks that add up to each week`s total', () => {
    const rows = [
      ...bucket('2025-01-06', { [SONNET]: 2n ** 55n, [FLASH]: 3n }, 1n),
      ...bucket('2025-01-07', { [SONNET]: 2n ** 55n, [GPT5]: 4n }, 1n),
      ...bucket('2025-01-14', { [GPT5]: 9n, [FLASH]: 2n }),
      ...bucket('2025-01-20', { [GPT5]: 100n }), // the week in progress on the data day
    ];
    const trend = sliceTrend(buildSliceHistory(oneM, rows, '2025-01-21'), [SONNET, GPT5]);
    expect(trend.weeks).toEqual(['2025-01-06', '2025-01-13']);
    expect(trend.series).toEqual([
      { key: SONNET, label: SONNET, values: [2n ** 56n, 0n] },
      { key: GPT5, label: GPT5, values: [4n, 9n] },
      { key: 'other', label: 'Everything else', values: [5n, 2n] },
    ]);
    expect(trend.estimated).toBe(false);
  });
});

describe('whereItRanks', () => {
  const programmingWeek = board(programming, programmingRows, 'week', '2026-11-25');
  const oneMWeek = board(
    oneM,
    [...bucket('2026-11-17', { [GPT5]: 9n * B, [SONNET]: 3n * B }, 1n * B), ...bucket('2026-11-10', { [SONNET]: 5n * B })],
    'week',
    '2026-11-25',
  );
  const textWeek = board(text, bucket('2026-11-18', { [FLASH]: 8n * B, [GPT5]: 2n * B }), 'week', '2026-11-25');

  it('lists the slices that rank the model, in slice order, with rank, share and the estimate flag', () => {
    const ranks = whereItRanks(SONNET, [textWeek, oneMWeek, programmingWeek]);
    expect(ranks.map(({ slice: s, window, rank, ranked, tokens, shareBp, movement, isNew, estimated }) => ({ slice: s.id, window, rank, ranked, tokens, shareBp, movement, isNew, estimated }))).toEqual([
      { slice: 'use-case/programming', window: 'week', rank: 1, ranked: 4, tokens: 600n * B, shareBp: 4000, movement: 0, isNew: false, estimated: true },
      { slice: 'context/1m', window: 'week', rank: 2, ranked: 2, tokens: 3n * B, shareBp: 2308, movement: -1, isNew: false, estimated: false },
    ]);
    expect(whereItRanks(GPT5, [textWeek, oneMWeek, programmingWeek]).map((r) => [r.slice.id, r.rank])).toEqual([
      ['use-case/programming', 3],
      ['context/1m', 1],
      ['modality/text', 2],
    ]);
    expect(whereItRanks('meta-llama/llama-3.3-70b-instruct', [textWeek, oneMWeek, programmingWeek])).toEqual([]);
    expect(whereItRanks('other', [programmingWeek])).toEqual([]);
  });

  it('gives the hub each board`s leader and first ranks', () => {
    expect(boardSummary(programmingWeek, 2)).toMatchObject({ slice: 'use-case/programming', estimated: true, total: 1_500n * B, leader: { permaslug: SONNET }, top: [{ permaslug: SONNET }, { permaslug: GROK }] });
    expect(boardSummary(programmingWeek).top).toHaveLength(4);
    const empty = board(text, [], 'week', '2026-11-25');
    expect(boardSummary(empty)).toMatchObject({ leader: null, top: [], total: 0n });
  });
});
