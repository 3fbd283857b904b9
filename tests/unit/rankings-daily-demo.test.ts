import { createHash } from 'node:crypto';
import { createDemoTransport } from '@/lib/datasets/demo-transport';
import { rankingsDaily, resolveRankingsDailyQuery, type RawModelDayRow } from '@/lib/datasets/endpoints/rankings-daily';
import { demoModelDayTokens, demoRankingsDaily, demoRankingsDailySlice } from '@/lib/datasets/endpoints/rankings-daily/demo';
import { CATEGORIES, CONTEXT_BUCKETS, LANGUAGE_TYPES, MODALITIES } from '@/lib/datasets/endpoints/rankings-daily/values';
import { addDays, fromEpochDay, toEpochDay } from '@/lib/utc-day';

const NOW = new Date('2026-11-25T12:00:00Z');
const LAST = '2026-11-24';
const MILLION = 1_000_000n;

type Input = Record<string, string>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const resolve = (input: Input) => resolveRankingsDailyQuery(input, LAST, NOW);
const demo = (input: Input, lastCompleted = LAST) => rankingsDaily.demo(resolve(input), lastCompleted);

const isMonday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
const monthOf = (date: string) => `${date.slice(0, 7)}-01`;

function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let day = toEpochDay(start); day <= toEpochDay(end); day++) dates.push(fromEpochDay(day));
  return dates;
}

function groupByDate(rows: readonly RawModelDayRow[]): Map<string, RawModelDayRow[]> {
  const groups = new Map<string, RawModelDayRow[]>();
  for (const row of rows) groups.set(row.date, [...(groups.get(row.date) ?? []), row]);
  return groups;
}

function totalsBy(rows: readonly RawModelDayRow[], bucket: (date: string) => string = (date) => date): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const row of rows) totals.set(bucket(row.date), (totals.get(bucket(row.date)) ?? 0n) + BigInt(row.total_tokens));
  return totals;
}

const modelsOf = (rows: readonly RawModelDayRow[]) => rows.map((row) => row.model_permaslug).filter((slug) => slug !== 'other');

/** ≤ 50 distinct models by tokens desc (ties alphabetical), then at most one `other`, last. */
function expectBucketShape(rows: readonly RawModelDayRow[]) {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(51);
  const models = rows.filter((row) => row.model_permaslug !== 'other');
  expect(rows.slice(0, models.length)).toEqual(models);
  expect(rows.length - models.length).toBeLessThanOrEqual(1);
  expect(new Set(models.map((row) => row.model_permaslug)).size).toBe(models.length);
  const outOfOrder = models.filter((b, i) => {
    const a = models[i - 1];
    if (!a) return false;
    const [ta, tb] = [BigInt(a.total_tokens), BigInt(b.total_tokens)];
    return !(ta > tb || (ta === tb && a.model_permaslug < b.model_permaslug));
  });
  expect(outOfOrder).toEqual([]);
  expect(rows.filter((row) => !/^[1-9]\d*$/.test(row.total_tokens))).toEqual([]);
}

describe('unfiltered daily output is byte-identical to main (0c93ca3)', () => {
  // sha256 of JSON.stringify(demoRankingsDaily(start, end)), captured from main at 0c93ca3 before the slices.
  it.each<[string, string, number, string]>([
    ['2025-06-01', '2025-06-01', 5_025, 'a95163ed015f142ddb1fb40d8a7505662c2b19133cb301cbb16dc201b097b467'],
    ['2025-06-01', '2025-06-30', 150_843, 'a91f6c5ce2e761d2c3ff0337a328479a56359f591518f4830363cc4856ad4e71'],
    ['2025-01-01', '2025-12-31', 1_816_067, 'b3fa667922afb64396b804d1a1309ade32393f343f210a87c107453b4bd59c8e'],
    ['2025-11-24', '2026-11-24', 1_776_287, '83d0b31ec8e4d383e86697a2e660f85b7b79296d3a492ba4241373a42259ff04'],
  ])('demoRankingsDaily %s..%s', (start, end, length, hash) => {
    const text = JSON.stringify(demoRankingsDaily(start, end));
    expect(text.length).toBe(length);
    expect(sha256(text)).toBe(hash);
    const inputs: Input[] = [{ startDate: start, endDate: end }, { startDate: start, endDate: end, period: 'day' }];
    for (const input of inputs) {
      expect(JSON.stringify(demo(input))).toBe(text);
    }
  });

  // sha256 of the demo transport's whole body (data and meta) at 2026-11-25T12:00Z, captured the same way.
  it.each<[Input, number, string]>([
    [{ start_date: '2026-10-25', end_date: '2026-11-24' }, 149_472, '627a3e0dd1241096dd2aca8cdd323e14ec11530ddee596834d759a627c289d9e'],
    [{ start_date: '2025-11-24', end_date: '2026-11-24' }, 1_776_405, 'cd90ad14a2fc71e621d80ef6dcccaee6377304a89b51995df52f49565d7e9510'],
  ])('the demo transport answers %j as before', async (query, length, hash) => {
    const transport = createDemoTransport(() => NOW);
    for (const asked of [query, { ...query, period: 'day' }]) {
      const res = await transport({ endpoint: 'rankings-daily', query: asked, signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(length);
      expect(sha256(res.body)).toBe(hash);
    }
  });

  it('the generic slice path with no filter at day grain gives the same rows', () => {
    const q = resolve({ startDate: '2026-03-01', endDate: '2026-03-20' });
    expect(demoRankingsDailySlice(q, LAST)).toEqual(demoRankingsDaily(q.startDate, q.endDate));
  });
});

// A Wednesday to a Wednesday: weeks start before it (exact) and after it (sampled), months cut it.
const WINDOW = { startDate: '2026-01-07', endDate: '2026-02-18' };
const EXACT: Input[] = [
  ...MODALITIES.map((modality) => ({ modality })),
  ...CONTEXT_BUCKETS.map((contextBucket) => ({ contextBucket })),
  { modality: 'text', contextBucket: '10K' },
  { modality: 'tool_calling', contextBucket: '100K' },
  { modality: 'image', contextBucket: '1M' },
];
const SAMPLED: Input[] = [...CATEGORIES.map((category) => ({ category })), ...LANGUAGE_TYPES.map((languageType) => ({ languageType }))];

/** The unfiltered tokens of one model over some days, from the demo's own per-day figure. */
const modelTokens = (slug: string, dates: readonly string[]) => dates.reduce((sum, date) => sum + demoModelDayTokens(slug, date), 0n);

/** The days each bucket of a request covers: exact, the window's days; sampled, whole weeks from a Monday inside it. */
function bucketDays(input: Input, sampled: boolean, lastCompleted = LAST): Map<string, string[]> {
  const { startDate, endDate } = { ...WINDOW, ...input };
  const period: string = input.period ?? (sampled ? 'week' : 'day');
  const bucketOf = (date: string) => (period === 'week' ? mondayOf(date) : period === 'month' ? monthOf(date) : date);
  const days = new Map<string, string[]>();
  const add = (bucket: string, dates: string[]) => days.set(bucket, [...(days.get(bucket) ?? []), ...dates]);
  if (!sampled) {
    for (const date of datesBetween(startDate, endDate)) add(bucketOf(date), [date]);
  } else {
    for (const monday of datesBetween(startDate, endDate).filter(isMonday)) {
      const sunday = addDays(monday, 6);
      add(bucketOf(monday), datesBetween(monday, sunday < lastCompleted ? sunday : lastCompleted));
    }
  }
  return days;
}

describe('slices and grain: the shape of every bucket', () => {
  // Each filter at each grain (an explicit default period is the same request: rankings-daily-query.test.ts).
  const cases: [Input, boolean][] = [
    ...EXACT.flatMap((filter) => [undefined, 'week', 'month'].map((period): [Input, boolean] => [{ ...filter, ...(period ? { period } : {}) }, false])),
    ...SAMPLED.flatMap((filter) => [undefined, 'month'].map((period): [Input, boolean] => [{ ...filter, ...(period ? { period } : {}) }, true])),
    [{ period: 'week' }, false],
    [{ period: 'month' }, false],
  ];

  it.each(cases)('%j: dated buckets, top 50 + other, below the unfiltered figures model by model', (input, sampled) => {
    const rows = demo({ ...WINDOW, ...input });
    const buckets = groupByDate(rows);
    const expectedDays = bucketDays(input, sampled);
    expect([...buckets.keys()]).toEqual([...expectedDays.keys()].filter((bucket) => buckets.has(bucket)));
    expect(buckets.size).toBeGreaterThan(0);
    const period = input.period ?? (sampled ? 'week' : 'day');
    const sliced = Object.keys(input).some((name) => name !== 'period');
    for (const [date, bucket] of buckets) {
      expectBucketShape(bucket);
      if (period === 'week') expect(isMonday(date)).toBe(true);
      if (period === 'month') expect(date.endsWith('-01')).toBe(true);
      const days = expectedDays.get(date)!;
      // A slice is below the whole; the whole at a coarser grain is the sum of its days.
      const below = sliced ? 'toBeLessThan' : 'toBe';
      const notBelow = bucket
        .filter((row) => row.model_permaslug !== 'other')
        .map((row) => ({ row, whole: modelTokens(row.model_permaslug, days) }))
        .filter(({ row, whole }) => (sliced ? BigInt(row.total_tokens) >= whole : BigInt(row.total_tokens) !== whole));
      expect(notBelow).toEqual([]);
      const unfiltered = days.reduce((sum, day) => sum + [...totalsBy(demoRankingsDaily(day, day)).values()][0]!, 0n);
      expect([...totalsBy(bucket).values()][0])[below](unfiltered);
    }
    if (sampled) {
      expect(rows.filter((row) => BigInt(row.total_tokens) % MILLION !== 0n)).toEqual([]);
      if (period === 'week') expect([...buckets.keys()][0]! >= WINDOW.startDate).toBe(true);
    } else if (sliced) {
      expect(rows.some((row) => BigInt(row.total_tokens) % MILLION !== 0n)).toBe(true);
    }
  });

  it('exact weeks and months sum the window days of the daily slice; the first week starts before the window', () => {
    const filters: Input[] = [{}, { modality: 'tool_calling' }, { modality: 'image', contextBucket: '10K' }];
    for (const filter of filters) {
      const days = demo({ ...WINDOW, ...filter });
      const weeks = demo({ ...WINDOW, ...filter, period: 'week' });
      const months = demo({ ...WINDOW, ...filter, period: 'month' });
      expect(totalsBy(weeks)).toEqual(totalsBy(days, mondayOf));
      expect(totalsBy(months)).toEqual(totalsBy(days, monthOf));
      expect(weeks[0]?.date).toBe('2026-01-05');
      expect([...groupByDate(months).keys()]).toEqual(['2026-01-01', '2026-02-01']);
    }
  });
});

describe('slices differ from each other and from the whole', () => {
  const DAY = { startDate: '2026-02-10', endDate: '2026-02-10' };

  it('not every model is in every slice, and the order changes', () => {
    const text = modelsOf(demo({ ...DAY, modality: 'text' }));
    const image = modelsOf(demo({ ...DAY, modality: 'image' }));
    const imageOutput = modelsOf(demo({ ...DAY, modality: 'image_output' }));
    const toolCalling = modelsOf(demo({ ...DAY, modality: 'tool_calling' }));
    const huge = demo({ ...DAY, contextBucket: '10M' });
    expect(text).toHaveLength(50);
    expect(text.some((slug) => !image.includes(slug))).toBe(true);
    expect(imageOutput.length).toBeGreaterThan(0);
    expect(imageOutput.length).toBeLessThan(10);
    expect(modelsOf(huge).length).toBeGreaterThan(0);
    expect(modelsOf(huge).length).toBeLessThan(10);
    expect(huge.some((row) => row.model_permaslug === 'other')).toBe(false);
    expect(toolCalling.slice(0, 10)).not.toEqual(text.slice(0, 10));

    const week = { startDate: '2026-02-09', endDate: '2026-02-15' };
    const programming = new Set(modelsOf(demo({ ...week, category: 'programming' })));
    const roleplay = new Set(modelsOf(demo({ ...week, category: 'roleplay' })));
    expect([...roleplay].some((slug) => !programming.has(slug))).toBe(true);
    expect([...programming].some((slug) => !roleplay.has(slug))).toBe(true);
  });

  it('a combined exact slice is below each of its parts; narrower sampled slices below wider ones', () => {
    const total = (input: Input) => [...totalsBy(demo({ ...WINDOW, ...input })).values()].reduce((a, b) => a + b, 0n);
    const both = total({ modality: 'tool_calling', contextBucket: '100K' });
    expect(both).toBeGreaterThan(0n);
    expect(both).toBeLessThan(total({ modality: 'tool_calling' }));
    expect(both).toBeLessThan(total({ contextBucket: '100K' }));
    expect(total({ category: 'marketing/seo' })).toBeLessThan(total({ category: 'marketing' }));
    const wholeWeeks = total({ startDate: '2026-01-12', endDate: '2026-02-22' });
    expect(total({ languageType: 'natural' }) + total({ languageType: 'programming' })).toBeLessThan(wholeWeeks);
  });
});

describe('sampled slices: whole weeks of estimates', () => {
  const weeksOf = (rows: readonly RawModelDayRow[]) => [...groupByDate(rows).keys()];

  it('are the weeks that start inside the window, the trailing one running past endDate', () => {
    const weeks = demo({ ...WINDOW, category: 'programming' });
    expect(weeksOf(weeks)).toEqual(['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(demo({ ...WINDOW, category: 'programming', period: 'week' })).toEqual(weeks);
    expect(demo({ ...WINDOW, endDate: '2026-02-22', category: 'programming' })).toEqual(weeks);
    expect(weeksOf(demo({ ...WINDOW, endDate: '2026-02-15', category: 'programming' })).at(-1)).toBe('2026-02-09');
    // A window without a Monday holds no sampled week.
    expect(demo({ startDate: '2026-02-10', endDate: '2026-02-15', languageType: 'natural' })).toEqual([]);
  });

  it('never run past the last completed day', () => {
    const window = { startDate: '2026-02-02', endDate: '2026-02-18', languageType: 'programming' };
    const thursday = '2026-02-19';
    const cut = groupByDate(demo(window, thursday)).get('2026-02-16')!;
    const whole = groupByDate(demo(window, '2026-02-22')).get('2026-02-16')!;
    const monToThu = datesBetween('2026-02-16', thursday);
    for (const row of modelsOf(cut)) {
      const tokens = BigInt(cut.find((r) => r.model_permaslug === row)!.total_tokens);
      expect(tokens).toBeLessThan(modelTokens(row, monToThu));
    }
    expect(BigInt(cut[0]!.total_tokens)).toBeLessThan(BigInt(whole.find((r) => r.model_permaslug === cut[0]!.model_permaslug)!.total_tokens));
    expect(groupByDate(demo(window, thursday)).get('2026-02-09')).toEqual(groupByDate(demo(window, '2026-02-22')).get('2026-02-09'));
  });

  it('group into months by the month each week starts in', () => {
    const window = { startDate: '2025-12-01', endDate: '2026-02-28' };
    const weeks = demo({ ...window, category: 'legal' });
    const months = demo({ ...window, category: 'legal', period: 'month' });
    expect(weeksOf(months)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(totalsBy(months)).toEqual(totalsBy(weeks, monthOf));
  });
});

describe('determinism', () => {
  it('answers the same rows to the same request, and a bucket does not depend on the window around it', () => {
    const query = { startDate: '2025-10-01', endDate: '2026-01-31', modality: 'image', contextBucket: '10K', period: 'month' };
    expect(JSON.stringify(demo(query))).toBe(JSON.stringify(demo(query)));

    const month = demo({ startDate: '2026-03-01', endDate: '2026-03-31', modality: 'audio' });
    expect(month.filter((row) => row.date === '2026-03-15')).toEqual(demo({ startDate: '2026-03-15', endDate: '2026-03-15', modality: 'audio' }));

    const weeks = demo({ startDate: '2026-01-01', endDate: '2026-03-31', category: 'trivia' });
    expect(weeks.filter((row) => row.date === '2026-02-09')).toEqual(demo({ startDate: '2026-02-09', endDate: '2026-02-15', category: 'trivia' }));
  });
});

describe('the demo transport', () => {
  const transport = createDemoTransport(() => NOW);
  const ask = (query: Input) => transport({ endpoint: 'rankings-daily', query, signal: AbortSignal.timeout(10_000) });

  it('answers a slice like the upstream: the rows of the request and the window asked', async () => {
    const query = { start_date: '2026-01-07', end_date: '2026-02-18', language_type: 'natural', period: 'month' };
    const res = await ask(query);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.data).toEqual(demo({ ...WINDOW, languageType: 'natural', period: 'month' }));
    expect(body.meta).toMatchObject({ start_date: '2026-01-07', end_date: '2026-02-18', version: 'v1' });
  });

  it.each<[Input, string]>([
    [{ category: 'legal', period: 'day' }, 'period'],
    [{ category: 'legal', language_type: 'natural' }, 'languageType'],
    [{ language_type: 'natural', context_bucket: '1K' }, 'contextBucket'],
    [{ modality: 'video' }, 'modality'],
  ])('refuses %j with a 400 naming %s', async (query, param) => {
    const res = await ask({ start_date: '2026-02-02', end_date: '2026-02-08', ...query });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain(param);
  });
});

describe('cost', () => {
  it.each<[Input]>([
    [{ modality: 'tool_calling', contextBucket: '100K' }],
    [{ contextBucket: '1M', period: 'week' }],
    [{ category: 'programming' }],
    [{ languageType: 'natural', period: 'month' }],
  ])('a year of %j generates in well under a second, cold', async (filter) => {
    // A fresh copy of the module: nothing memoized by the tests above.
    let slice: typeof demoRankingsDailySlice | undefined;
    await jest.isolateModulesAsync(async () => {
      slice = (await import('@/lib/datasets/endpoints/rankings-daily/demo')).demoRankingsDailySlice;
    });
    const q = resolve({ startDate: '2025-11-24', endDate: LAST, ...filter });
    const started = performance.now();
    const rows = slice!(q, LAST);
    const ms = performance.now() - started;
    expect(rows.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});
