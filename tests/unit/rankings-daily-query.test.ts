import {
  rankingsDaily,
  rankingsDailyGrain,
  rankingsDailyResponseSchema,
  rankingsDailyUpstreamQuery,
  reshapeRankingsDaily,
  resolveRankingsDailyQuery,
  upstreamQueryGrain,
  type RankingsDailyQuery,
  type ResolvedRankingsDailyQuery,
} from '@/lib/datasets/endpoints/rankings-daily';
import {
  CATEGORIES,
  CONTEXT_BUCKETS,
  EXACT_FILTERS,
  FILTER_PARAMS,
  isCategory,
  isSampledFilter,
  LANGUAGE_TYPES,
  MODALITIES,
  PERIODS,
  SAMPLED_FILTERS,
  SAMPLED_PERIODS,
} from '@/lib/datasets/endpoints/rankings-daily/values';
import { InvalidParamsError } from '@/lib/datasets/errors';
import { requestKey } from '@/lib/datasets/keys';

const NOW = new Date('2026-11-25T12:00:00Z');
const DATA_DAY = '2026-11-24';
const WINDOW = { startDate: '2026-11-01', endDate: '2026-11-14' };

const resolve = (input: unknown) => resolveRankingsDailyQuery(input, DATA_DAY, NOW);
const keyOf = (input: unknown) => requestKey('rankings-daily', rankingsDailyUpstreamQuery(resolve(input)));

function rejection(input: unknown): InvalidParamsError {
  try {
    resolve(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParamsError);
    return error as InvalidParamsError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
}

describe('the values', () => {
  it('lists what the upstream documents', () => {
    expect(PERIODS).toEqual(['day', 'week', 'month']);
    expect(MODALITIES).toEqual(['text', 'image', 'image_output', 'audio', 'tool_calling']);
    expect(CONTEXT_BUCKETS).toEqual(['1K', '10K', '100K', '1M', '10M']);
    expect(CATEGORIES).toHaveLength(12);
    expect(CATEGORIES).toContain('marketing/seo');
    expect(isCategory('coding')).toBe(false);
    expect(LANGUAGE_TYPES).toEqual(['natural', 'programming']);
    expect(SAMPLED_FILTERS.every(isSampledFilter)).toBe(true);
    expect(EXACT_FILTERS.some(isSampledFilter)).toBe(false);
    expect(SAMPLED_PERIODS).toEqual(['week', 'month']);
  });

  it('names each filter by the parameter the upstream query carries', () => {
    const q = resolve({ ...WINDOW, modality: 'text', contextBucket: '1K' });
    expect(rankingsDailyUpstreamQuery(q)).toMatchObject({ [FILTER_PARAMS.modality]: 'text', [FILTER_PARAMS.contextBucket]: '1K' });
    expect(rankingsDailyUpstreamQuery(resolve({ ...WINDOW, category: 'legal' }))).toHaveProperty(FILTER_PARAMS.category, 'legal');
    expect(rankingsDailyUpstreamQuery(resolve({ ...WINDOW, languageType: 'natural' }))).toHaveProperty(FILTER_PARAMS.languageType, 'natural');
  });
});

describe('requests without the new fields are what they were on main (0c93ca3)', () => {
  // Captured from main at 0c93ca3, before the filters: resolved object, exact upstream query, request key.
  it.each<[RankingsDailyQuery, { startDate: string; endDate: string }, Record<string, string>, string]>([
    [{}, { startDate: '2026-10-25', endDate: '2026-11-24' }, { end_date: '2026-11-24', start_date: '2026-10-25' }, 'rankings-daily?end_date=2026-11-24&start_date=2026-10-25'],
    [
      { startDate: '2025-06-01', endDate: '2025-06-30' },
      { startDate: '2025-06-01', endDate: '2025-06-30' },
      { end_date: '2025-06-30', start_date: '2025-06-01' },
      'rankings-daily?end_date=2025-06-30&start_date=2025-06-01',
    ],
    [{ endDate: '2026-01-31' }, { startDate: '2026-01-01', endDate: '2026-01-31' }, { end_date: '2026-01-31', start_date: '2026-01-01' }, 'rankings-daily?end_date=2026-01-31&start_date=2026-01-01'],
    [
      { startDate: '2024-06-01', endDate: '2025-01-10' },
      { startDate: '2025-01-01', endDate: '2025-01-10' },
      { end_date: '2025-01-10', start_date: '2025-01-01' },
      'rankings-daily?end_date=2025-01-10&start_date=2025-01-01',
    ],
  ])('%j', (input, resolved, query, key) => {
    for (const same of [input, { ...input, period: 'day' }, { ...input, period: undefined, modality: undefined, category: undefined }]) {
      const q = resolve(same);
      expect(q).toStrictEqual(resolved);
      expect(Object.keys(q)).toEqual(['startDate', 'endDate']);
      const upstream = rankingsDailyUpstreamQuery(q);
      expect(upstream).toStrictEqual(query);
      expect(Object.keys(upstream)).toEqual(['end_date', 'start_date']);
      expect(requestKey('rankings-daily', upstream)).toBe(key);
      expect(rankingsDaily.fromUpstreamQuery(upstream)).toStrictEqual(resolved);
    }
  });
});

describe('refusals name the parameter and cost nothing', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown period', { period: 'year' }, 'period'],
    ['an empty period', { period: '' }, 'period'],
    ['an unknown modality', { modality: 'video' }, 'modality'],
    ['a modality in the wrong case', { modality: 'Text' }, 'modality'],
    ['an unknown context bucket', { contextBucket: '2K' }, 'contextBucket'],
    ['a context bucket in the wrong case', { contextBucket: '1k' }, 'contextBucket'],
    ['an unknown category', { category: 'cooking' }, 'category'],
    ['the app-rankings category "coding"', { category: 'coding' }, 'category'],
    ['an unknown language type', { languageType: 'klingon' }, 'languageType'],
    ['the upstream spelling context_bucket', { context_bucket: '1K' }, 'context_bucket'],
    ['the upstream spelling language_type', { language_type: 'natural' }, 'language_type'],
    ['period=day with category', { category: 'programming', period: 'day' }, 'period'],
    ['period=day with languageType', { languageType: 'natural', period: 'day' }, 'period'],
    ['category with languageType', { category: 'legal', languageType: 'natural' }, 'languageType'],
    ['category with languageType at a month', { category: 'legal', languageType: 'natural', period: 'month' }, 'languageType'],
    ['category with modality', { category: 'legal', modality: 'text' }, 'modality'],
    ['category with contextBucket', { category: 'legal', contextBucket: '1K' }, 'contextBucket'],
    ['languageType with modality', { languageType: 'programming', modality: 'audio' }, 'modality'],
    ['languageType with contextBucket, even weekly', { languageType: 'natural', contextBucket: '10K', period: 'week' }, 'contextBucket'],
    ['category with modality and contextBucket', { category: 'finance', modality: 'image', contextBucket: '1M' }, 'modality'],
    ['a 367-day window of a slice', { category: 'legal', startDate: '2025-01-01', endDate: '2026-01-02' }, 'startDate'],
    ['a window ending today, in a slice', { modality: 'text', endDate: '2026-11-25' }, 'endDate'],
    ['an impossible date in a slice', { contextBucket: '1M', endDate: '2026-02-30' }, 'endDate'],
  ])('refuses %s', (_label, input, param) => {
    const error = rejection({ ...WINDOW, ...input });
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
    expect(error.code).toBe('invalid_params');
  });
});

describe('defaults are resolved explicitly, so equal requests share one key', () => {
  it('sampled filters resolve to weeks, sent explicitly', () => {
    for (const [filter, value] of [['category', 'marketing/seo'], ['languageType', 'programming']] as const) {
      const q = resolve({ ...WINDOW, [filter]: value });
      expect(q).toStrictEqual({ ...WINDOW, period: 'week', [filter]: value });
      expect(rankingsDailyUpstreamQuery(q)).toHaveProperty('period', 'week');
      expect(keyOf({ ...WINDOW, [filter]: value, period: 'week' })).toBe(keyOf({ ...WINDOW, [filter]: value }));
      expect(keyOf({ ...WINDOW, [filter]: value, period: 'month' })).not.toBe(keyOf({ ...WINDOW, [filter]: value }));
      expect(rankingsDailyGrain(q)).toEqual({ period: 'week', estimated: true });
    }
    expect(keyOf({ ...WINDOW, category: 'marketing/seo' })).toBe(
      'rankings-daily?category=marketing%2Fseo&end_date=2026-11-14&period=week&start_date=2026-11-01',
    );
  });

  it('exact filters stay daily by default, and day is never sent', () => {
    const q = resolve({ ...WINDOW, modality: 'tool_calling', contextBucket: '100K' });
    expect(q).toStrictEqual({ ...WINDOW, modality: 'tool_calling', contextBucket: '100K' });
    expect(rankingsDailyUpstreamQuery(q)).toStrictEqual({ context_bucket: '100K', end_date: '2026-11-14', modality: 'tool_calling', start_date: '2026-11-01' });
    expect(keyOf({ ...WINDOW, modality: 'tool_calling', contextBucket: '100K', period: 'day' })).toBe(
      'rankings-daily?context_bucket=100K&end_date=2026-11-14&modality=tool_calling&start_date=2026-11-01',
    );
    expect(rankingsDailyGrain(q)).toEqual({ period: 'day', estimated: false });
  });

  it('weeks and months are sent, with or without a filter', () => {
    expect(rankingsDailyUpstreamQuery(resolve({ ...WINDOW, period: 'month' }))).toStrictEqual({ end_date: '2026-11-14', period: 'month', start_date: '2026-11-01' });
    expect(keyOf({ ...WINDOW, period: 'week', modality: 'image' })).toBe('rankings-daily?end_date=2026-11-14&modality=image&period=week&start_date=2026-11-01');
    expect(rankingsDailyGrain(resolve({ ...WINDOW, period: 'month' }))).toEqual({ period: 'month', estimated: false });
  });

  it('the order the fields are given in does not matter', () => {
    expect(keyOf({ languageType: 'natural', period: 'month', endDate: WINDOW.endDate, startDate: WINDOW.startDate })).toBe(
      keyOf({ ...WINDOW, period: 'month', languageType: 'natural' }),
    );
  });
});

/** Every request the site could send: each filter value at each period it allows, and modality × context bucket. */
function everyValidRequest(): Record<string, string>[] {
  const requests: Record<string, string>[] = [];
  for (const period of [undefined, ...PERIODS]) {
    const withPeriod = (filters: Record<string, string>) => ({ ...WINDOW, ...filters, ...(period ? { period } : {}) });
    requests.push(withPeriod({}));
    for (const modality of MODALITIES) {
      requests.push(withPeriod({ modality }));
      for (const contextBucket of CONTEXT_BUCKETS) requests.push(withPeriod({ modality, contextBucket }));
    }
    for (const contextBucket of CONTEXT_BUCKETS) requests.push(withPeriod({ contextBucket }));
    if (period === 'day') continue;
    for (const category of CATEGORIES) requests.push(withPeriod({ category }));
    for (const languageType of LANGUAGE_TYPES) requests.push(withPeriod({ languageType }));
  }
  return requests;
}

describe('fromUpstreamQuery', () => {
  it('rebuilds every request from the query it sent: the same resolved request, query and key', () => {
    const requests = everyValidRequest();
    expect(requests.length).toBe(4 * 36 + 3 * 14);
    for (const input of requests) {
      const q = resolve(input);
      const query = rankingsDailyUpstreamQuery(q);
      const again = resolve(rankingsDaily.fromUpstreamQuery(query));
      expect(again).toStrictEqual(q);
      expect(rankingsDailyUpstreamQuery(again)).toStrictEqual(query);
    }
    const keys = new Set(requests.map(keyOf));
    // `period` absent and `period` at its default name the same request.
    expect(keys.size).toBe(3 * 36 + 2 * 14);
  });

  it('reads a held query with the upstream default period of a sampled filter', () => {
    expect(resolve(rankingsDaily.fromUpstreamQuery({ start_date: '2026-11-01', end_date: '2026-11-14', language_type: 'natural' }))).toStrictEqual({
      ...WINDOW,
      period: 'week',
      languageType: 'natural',
    });
  });
});

describe('the reshape says what the figures are', () => {
  const meta = { as_of: '2026-11-25T00:00:00.000Z', start_date: '2026-11-01', end_date: '2026-11-14', version: 'v1' };
  const raw = rankingsDailyResponseSchema.parse({
    data: [
      { date: '2026-10-27', model_permaslug: 'openai/gpt-5.4', total_tokens: '12000000' },
      { date: '2026-10-27', model_permaslug: 'other', total_tokens: '3000000' },
    ],
    meta,
  });
  const query = (input: Record<string, string>) => rankingsDailyUpstreamQuery(resolve({ ...WINDOW, ...input }));

  it('leaves daily exact rows exactly as they were', () => {
    for (const rows of [reshapeRankingsDaily(raw), reshapeRankingsDaily(raw, query({})), reshapeRankingsDaily(raw, query({ modality: 'audio' }))]) {
      expect(rows[0]).toStrictEqual({ date: '2026-10-27', permaslug: 'openai/gpt-5.4', totalTokens: 12_000_000n, isOther: false });
      expect(rows[1]).toStrictEqual({ date: '2026-10-27', permaslug: 'other', totalTokens: 3_000_000n, isOther: true });
    }
  });

  it('marks weekly and monthly rows with their period, and sampled ones as estimates', () => {
    expect(reshapeRankingsDaily(raw, query({ period: 'week' }))[0]).toStrictEqual({
      date: '2026-10-27',
      permaslug: 'openai/gpt-5.4',
      totalTokens: 12_000_000n,
      isOther: false,
      period: 'week',
    });
    expect(reshapeRankingsDaily(raw, query({ period: 'month', contextBucket: '1M' }))[1]).toMatchObject({ period: 'month', isOther: true });
    expect(reshapeRankingsDaily(raw, query({ period: 'month', contextBucket: '1M' }))[1]).not.toHaveProperty('estimated');
    for (const row of reshapeRankingsDaily(raw, query({ category: 'health' }))) expect(row).toMatchObject({ period: 'week', estimated: true });
    for (const row of reshapeRankingsDaily(raw, query({ languageType: 'natural', period: 'month' }))) expect(row).toMatchObject({ period: 'month', estimated: true });
  });

  it('reads the grain of a query by the upstream defaults', () => {
    expect(upstreamQueryGrain({ start_date: 'x', end_date: 'y' })).toEqual({ period: 'day', estimated: false });
    expect(upstreamQueryGrain({ category: 'legal' })).toEqual({ period: 'week', estimated: true });
    expect(upstreamQueryGrain({ modality: 'text', period: 'month' })).toEqual({ period: 'month', estimated: false });
    const q: ResolvedRankingsDailyQuery = resolve({ ...WINDOW, languageType: 'natural', period: 'month' });
    expect(upstreamQueryGrain(rankingsDailyUpstreamQuery(q))).toEqual(rankingsDailyGrain(q));
  });
});
