import { appRankingsResponseSchema, appRankingsUpstreamQuery, reshapeAppRankings, resolveAppRankingsQuery } from '@/lib/datasets/endpoints/app-rankings';
import { rankingsDailyResponseSchema, reshapeRankingsDaily, resolveRankingsDailyQuery } from '@/lib/datasets/endpoints/rankings-daily';
import { reshapeMeta } from '@/lib/datasets/endpoints/shared';
import { InvalidParamsError } from '@/lib/datasets/errors';

const NOW = new Date('2026-11-25T12:00:00Z');
const DATA_DAY = '2026-11-24';

function rejection(fn: () => unknown): InvalidParamsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParamsError);
    return error as InvalidParamsError;
  }
  throw new Error('expected an InvalidParamsError');
}

describe('resolveAppRankingsQuery', () => {
  it('fills every default explicitly', () => {
    expect(resolveAppRankingsQuery({}, DATA_DAY, NOW)).toEqual({
      sort: 'popular',
      startDate: '2026-10-25',
      endDate: '2026-11-24',
      limit: 50,
      offset: 0,
    });
  });

  it('keeps a consistent category and subcategory', () => {
    const q = resolveAppRankingsQuery({ category: 'coding', subcategory: 'cli-agent', sort: 'trending' }, DATA_DAY, NOW);
    expect(q).toMatchObject({ category: 'coding', subcategory: 'cli-agent', sort: 'trending' });
    expect(appRankingsUpstreamQuery(q)).toEqual({
      category: 'coding',
      subcategory: 'cli-agent',
      sort: 'trending',
      start_date: '2026-10-25',
      end_date: '2026-11-24',
      limit: '50',
      offset: '0',
    });
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ offset: 101 }, 'offset'],
    [{ sort: 'newest' }, 'sort'],
    [{ category: 'finance' }, 'category'],
    [{ subcategory: 'poetry' }, 'subcategory'],
    [{ category: 'creative', subcategory: 'cli-agent' }, 'subcategory'],
    [{ endDate: '2026-02-30' }, 'endDate'],
    [{ startDate: '2025-13-01' }, 'startDate'],
    [{ endDate: '2024-12-31' }, 'endDate'],
    [{ endDate: '2026-11-25' }, 'endDate'],
    [{ startDate: '2026-11-20', endDate: '2026-11-19' }, 'startDate'],
    [{ startDate: '2025-06-01', endDate: '2026-06-02' }, 'startDate'],
    [{ page: 2 }, 'page'],
  ])('rejects %p naming %s', (input, param) => {
    const error = rejection(() => resolveAppRankingsQuery(input, DATA_DAY, NOW));
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
    expect(error.code).toBe('invalid_params');
  });

  it('accepts the edges: limit 1 and 100, offset 100, a 366-day window, the last completed day', () => {
    expect(resolveAppRankingsQuery({ limit: 1, offset: 100 }, DATA_DAY, NOW)).toMatchObject({ limit: 1, offset: 100 });
    expect(resolveAppRankingsQuery({ limit: 100 }, DATA_DAY, NOW).limit).toBe(100);
    expect(resolveAppRankingsQuery({ startDate: '2025-06-01', endDate: '2026-06-01' }, DATA_DAY, NOW)).toMatchObject({
      startDate: '2025-06-01',
      endDate: '2026-06-01',
    });
    expect(resolveAppRankingsQuery({ endDate: '2026-11-24' }, '2026-11-23', NOW).endDate).toBe('2026-11-24');
  });

  it('clamps a start before 2025-01-01 forward, like the upstream', () => {
    expect(resolveRankingsDailyQuery({ startDate: '2024-06-01', endDate: '2025-01-10' }, DATA_DAY, NOW)).toEqual({
      startDate: '2025-01-01',
      endDate: '2025-01-10',
    });
  });

  it('a 367-day window for rankings-daily is rejected', () => {
    expect(rejection(() => resolveRankingsDailyQuery({ startDate: '2025-01-01', endDate: '2026-01-02' }, DATA_DAY, NOW)).param).toBe(
      'startDate',
    );
    expect(rejection(() => resolveRankingsDailyQuery({ limit: 5 }, DATA_DAY, NOW)).param).toBe('limit');
  });
});

describe('response validation and reshaping', () => {
  const meta = { as_of: '2026-11-25T00:00:00.000Z', start_date: '2026-11-24', end_date: '2026-11-24', version: 'v1' };

  it('turns decimal strings into exact bigints', () => {
    const big = '123456789012345678901234567890';
    const parsed = rankingsDailyResponseSchema.parse({
      data: [
        { date: '2026-11-24', model_permaslug: 'openai/gpt-4o-2024-05-13', total_tokens: big },
        { date: '2026-11-24', model_permaslug: 'other', total_tokens: '9007199254740993' },
      ],
      meta,
    });
    const rows = reshapeRankingsDaily(parsed);
    const m = reshapeMeta(parsed.meta);
    expect(rows[0]?.totalTokens).toBe(123456789012345678901234567890n);
    expect(rows[1]).toEqual({ date: '2026-11-24', permaslug: 'other', totalTokens: 9007199254740993n, isOther: true });
    expect(m).toEqual({ asOf: meta.as_of, startDate: '2026-11-24', endDate: '2026-11-24', version: 'v1' });
  });

  it.each([
    ['tokens as a number', { total_tokens: 12 }],
    ['tokens with a decimal point', { total_tokens: '12.5' }],
    ['negative tokens', { total_tokens: '-3' }],
    ['tokens in exponent form', { total_tokens: '1e21' }],
    ['a missing app name', { app_name: undefined }],
    ['a zero rank', { rank: 0 }],
    ['fractional requests', { total_requests: 1.5 }],
  ])('rejects an app row with %s', (_label, change) => {
    const row = { app_id: 1, app_name: 'A', rank: 1, total_requests: 10, total_tokens: '100', ...change };
    expect(appRankingsResponseSchema.safeParse({ data: [row], meta }).success).toBe(false);
  });

  it('rejects a meta block without as_of or with another version', () => {
    const rows: unknown[] = [];
    expect(appRankingsResponseSchema.safeParse({ data: rows, meta: { ...meta, as_of: undefined } }).success).toBe(false);
    expect(appRankingsResponseSchema.safeParse({ data: rows, meta: { ...meta, version: 'v2' } }).success).toBe(false);
    expect(reshapeAppRankings(appRankingsResponseSchema.parse({ data: rows, meta }))).toEqual([]);
  });
});
