import { validateAppsQuery } from '@/lib/boards/apps/query';
import { DEFAULT_APPS_QUERY } from '@/lib/boards/apps/types';
import { buildAppsRows, maxPage, pageBounds, tokensPerRequest, upstreamOffsetFor } from '@/lib/boards/apps/rows';

const app = (appId: number, rank: number, tokens: bigint, requests = 10) => ({ appId, appName: `App ${appId}`, rank, totalRequests: requests, totalTokens: tokens });

describe('page ↔ offset mapping', () => {
  it('maps view pages onto the two upstream pages of 100', () => {
    expect(maxPage(25)).toBe(8);
    expect(maxPage(50)).toBe(4);
    expect(pageBounds(1, 25)).toEqual({ from: 0, to: 25 });
    expect(pageBounds(4, 25)).toEqual({ from: 75, to: 100 });
    expect(pageBounds(5, 25)).toEqual({ from: 100, to: 125 });
    expect(pageBounds(4, 50)).toEqual({ from: 150, to: 200 });
    expect([1, 2, 3, 4, 5, 8].map((p) => upstreamOffsetFor(p, 25))).toEqual([0, 0, 0, 0, 100, 100]);
    expect([1, 2, 3, 4].map((p) => upstreamOffsetFor(p, 50))).toEqual([0, 0, 100, 100]);
  });
});

describe('tokensPerRequest', () => {
  it('divides in bigint and rounds half up', () => {
    expect(tokensPerRequest(10n, 4)).toBe(3n); // 2.5 → 3
    expect(tokensPerRequest(9n, 4)).toBe(2n); // 2.25 → 2
    expect(tokensPerRequest(2n ** 70n + 1n, 1)).toBe(2n ** 70n + 1n);
    expect(tokensPerRequest(123n, 0)).toBeNull();
  });
});

describe('buildAppsRows', () => {
  it('computes exact shares of the listed total, beyond 2^53', () => {
    const big = 2n ** 60n;
    const { rows, listedTotal } = buildAppsRows([app(1, 1, 3n * big), app(2, 2, big)], null);
    expect(listedTotal).toBe(4n * big);
    expect(rows.map((r) => [r.tokens, r.shareBp])).toEqual([
      [(3n * big).toString(), 7500],
      [big.toString(), 2500],
    ]);
    expect(rows.every((r) => r.movement === null && r.isNew === false)).toBe(true);
  });

  it('compares ranks with the previous window: up, down, same and new', () => {
    const previous = [app(1, 1, 9n), app(2, 2, 8n), app(3, 3, 7n)];
    const { rows } = buildAppsRows([app(2, 1, 9n), app(1, 2, 8n), app(3, 3, 7n), app(4, 4, 6n)], previous);
    expect(rows.map((r) => [r.appId, r.movement, r.isNew])).toEqual([
      [2, 1, false],
      [1, -1, false],
      [3, 0, false],
      [4, null, true],
    ]);
  });

  it('marks everything new when the previous window listed nothing', () => {
    expect(buildAppsRows([app(1, 1, 5n)], []).rows[0]).toMatchObject({ movement: null, isNew: true });
  });
});

describe('validateAppsQuery', () => {
  it('fills the defaults', () => {
    expect(validateAppsQuery({})).toEqual({ ok: true, query: DEFAULT_APPS_QUERY });
  });

  it('derives the category of a subcategory and accepts a consistent pair', () => {
    expect(validateAppsQuery({ subcategory: 'cli-agent' })).toMatchObject({ ok: true, query: { category: 'coding', subcategory: 'cli-agent' } });
    expect(validateAppsQuery({ category: 'coding', subcategory: 'cli-agent', sort: 'trending', window: 'day', page: '8', pageSize: '25' })).toMatchObject({
      ok: true,
      query: { sort: 'trending', window: 'day', page: 8, pageSize: 25 },
    });
  });

  it.each([
    [{ sort: 'newest' }, 'sort'],
    [{ sort: '' }, 'sort'],
    [{ window: 'year' }, 'window'],
    [{ window: 'quarter' }, 'window'],
    [{ category: 'finance' }, 'category'],
    [{ subcategory: 'poetry' }, 'subcategory'],
    [{ category: 'creative', subcategory: 'cli-agent' }, 'subcategory'],
    [{ page: '0' }, 'page'],
    [{ page: '9' }, 'page'],
    [{ page: '5', pageSize: '50' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: '01' }, 'page'],
    [{ page: '-1' }, 'page'],
    [{ page: '1e1' }, 'page'],
    [{ pageSize: '10' }, 'pageSize'],
    [{ pageSize: '100' }, 'pageSize'],
    [{ pageSize: ' 25' }, 'pageSize'],
  ])('rejects %p naming %s', (values, param) => {
    const result = validateAppsQuery(values);
    expect(result).toMatchObject({ ok: false, param });
    expect(!result.ok && result.message.startsWith(`${param} `)).toBe(true);
  });
});
