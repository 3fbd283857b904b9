import { DEFAULT_APPS_QUERY, type AppsQuery } from '@/lib/boards/apps/types';
import { appsApiHref, appsHref, appsQueryFromSearch } from '@/lib/boards/apps/url';

const query = (overrides: Partial<AppsQuery> = {}): AppsQuery => ({ ...DEFAULT_APPS_QUERY, ...overrides });
const unfiltered = { category: null, subcategory: null } as const;

describe('appsHref', () => {
  it('drops every default, so the default view is the bare path', () => {
    expect(appsHref('/apps', query())).toBe('/apps');
    expect(appsHref('/apps/coding', query())).toBe('/apps/coding');
    expect(appsHref('/apps/coding/cli-agent', query())).toBe('/apps/coding/cli-agent');
  });

  it('writes only what differs from the defaults', () => {
    expect(appsHref('/apps', query({ sort: 'trending' }))).toBe('/apps?sort=trending');
    expect(appsHref('/apps', query({ window: 'day' }))).toBe('/apps?window=day');
    expect(appsHref('/apps', query({ page: 3 }))).toBe('/apps?page=3');
    expect(appsHref('/apps', query({ pageSize: 50 }))).toBe('/apps?pageSize=50');
  });

  it('keeps the order sort, window, page, pageSize whatever the object order', () => {
    const shuffled = { pageSize: 50, page: 2, window: 'week', sort: 'trending' } as const;
    expect(appsHref('/apps/creative', shuffled)).toBe('/apps/creative?sort=trending&window=week&page=2&pageSize=50');
  });

  it('ignores category and subcategory: they live in the path', () => {
    expect(appsHref('/apps/coding/cli-agent', query({ category: 'coding', subcategory: 'cli-agent', window: 'week' }))).toBe(
      '/apps/coding/cli-agent?window=week',
    );
  });
});

describe('appsApiHref', () => {
  it('is the bare route for the default query', () => {
    expect(appsApiHref(query())).toBe('/api/apps');
  });

  it('includes category and subcategory only when set, in the fixed order', () => {
    expect(appsApiHref(query({ category: 'coding' }))).toBe('/api/apps?category=coding');
    expect(appsApiHref(query({ category: 'coding', subcategory: 'cli-agent' }))).toBe('/api/apps?category=coding&subcategory=cli-agent');
    expect(
      appsApiHref({ pageSize: 50, page: 4, subcategory: 'roleplay', category: 'entertainment', window: 'day', sort: 'trending' }),
    ).toBe('/api/apps?sort=trending&window=day&category=entertainment&subcategory=roleplay&page=4&pageSize=50');
  });

  it('gives equal queries equal keys (SWR caches by this string)', () => {
    expect(appsApiHref(query({ page: 2, sort: 'trending' }))).toBe(appsApiHref({ ...query(), sort: 'trending', page: 2 }));
    expect(appsApiHref(query({ page: 2 }))).not.toBe(appsApiHref(query({ page: 3 })));
  });
});

describe('appsQueryFromSearch', () => {
  it('reads an empty search as the defaults, with the fixed filter', () => {
    expect(appsQueryFromSearch('', unfiltered)).toEqual(DEFAULT_APPS_QUERY);
    expect(appsQueryFromSearch('?', { category: 'coding', subcategory: 'ide-extension' })).toEqual(
      query({ category: 'coding', subcategory: 'ide-extension' }),
    );
  });

  it('reads every parameter, with or without the leading ?', () => {
    const expected = query({ sort: 'trending', window: 'week', page: 2, pageSize: 50 });
    expect(appsQueryFromSearch('?sort=trending&window=week&page=2&pageSize=50', unfiltered)).toEqual(expected);
    expect(appsQueryFromSearch('pageSize=50&page=2&window=week&sort=trending', unfiltered)).toEqual(expected);
  });

  it('round-trips every href it is given', () => {
    for (const sort of ['popular', 'trending'] as const) {
      for (const window of ['day', 'week', 'month'] as const) {
        for (const pageSize of [25, 50] as const) {
          for (const page of [1, 2, 200 / pageSize]) {
            const q = query({ sort, window, page, pageSize, category: 'creative' });
            const href = appsHref('/apps/creative', q);
            const search = href.includes('?') ? href.slice(href.indexOf('?')) : '';
            expect(appsQueryFromSearch(search, { category: 'creative', subcategory: null })).toEqual(q);
          }
        }
      }
    }
  });

  it('takes the filter from `fixed`, never from the search', () => {
    expect(appsQueryFromSearch('?category=coding&subcategory=cli-agent', unfiltered)).toEqual(DEFAULT_APPS_QUERY);
  });

  it('falls back to the default for unknown or invalid values, one parameter at a time', () => {
    expect(appsQueryFromSearch('?sort=newest&window=week', unfiltered)).toEqual(query({ window: 'week' }));
    expect(appsQueryFromSearch('?sort=trending&window=year', unfiltered)).toEqual(query({ sort: 'trending' }));
    expect(appsQueryFromSearch('?sort=Trending', unfiltered).sort).toBe('popular');
    expect(appsQueryFromSearch('?pageSize=100&page=2', unfiltered)).toEqual(query({ page: 2 }));
    expect(appsQueryFromSearch('?pageSize=50.0', unfiltered).pageSize).toBe(25);
    for (const page of ['0', '-1', '2.5', '02', '1e1', 'two', '', ' 2', '9007199254740993']) {
      expect(appsQueryFromSearch(`?page=${encodeURIComponent(page)}`, unfiltered).page).toBe(1);
    }
  });

  it('rejects pages that could never hold a rank (200 ranks at most)', () => {
    expect(appsQueryFromSearch('?page=8', unfiltered).page).toBe(8);
    expect(appsQueryFromSearch('?page=9', unfiltered).page).toBe(1);
    expect(appsQueryFromSearch('?page=4&pageSize=50', unfiltered).page).toBe(4);
    expect(appsQueryFromSearch('?page=5&pageSize=50', unfiltered).page).toBe(1);
  });

  it('uses the first of repeated parameters', () => {
    expect(appsQueryFromSearch('?sort=trending&sort=popular', unfiltered).sort).toBe('trending');
  });

  it('ignores parameters it does not know', () => {
    expect(appsQueryFromSearch('?utm_source=x&window=day', unfiltered)).toEqual(query({ window: 'day' }));
  });
});
