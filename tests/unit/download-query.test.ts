import { readDownloadQuery, type DownloadQueryResult } from '@/lib/export/download-query';
import type { BoardId as DownloadTable } from '@/lib/boards';

const DATA_DAY = '2026-11-29';

function read(table: DownloadTable, search: string): DownloadQueryResult {
  return readDownloadQuery(table, new URLSearchParams(search), DATA_DAY);
}

function refusal(table: DownloadTable, search: string): { param: string | null; message: string } {
  const result = read(table, search);
  if (result.ok) throw new Error(`${table}?${search} was accepted`);
  return result;
}

describe('readDownloadQuery: models', () => {
  it('defaults to the 30-day window and accepts every named window', () => {
    expect(read('models', '')).toEqual({ ok: true, query: { table: 'models', period: { window: 'month' } } });
    for (const window of ['day', 'week', 'month', 'quarter', 'year']) {
      expect(read('models', `window=${window}`)).toEqual({ ok: true, query: { table: 'models', period: { window } } });
    }
  });

  it('accepts every complete calendar month from 2025-01 to the last one ended by the data day', () => {
    expect(read('models', 'month=2025-01')).toEqual({ ok: true, query: { table: 'models', period: { month: '2025-01' } } });
    expect(read('models', 'month=2026-10')).toEqual({ ok: true, query: { table: 'models', period: { month: '2026-10' } } });
    // November 2026 ends on the 30th, after the data day.
    expect(read('models', 'month=2026-11')).toEqual({
      ok: false,
      param: 'month',
      message: 'month must be a complete calendar month of the datasets, from 2025-01 to 2026-10',
    });
    expect(readDownloadQuery('models', new URLSearchParams('month=2026-11'), '2026-11-30').ok).toBe(true);
  });

  it.each([
    ['window=decade', 'window', /^window must be one of day, week, month, quarter, year$/],
    ['window=', 'window', /^window must be one of/],
    ['window=Week', 'window', /^window must be one of/],
    ['window=week&window=day', 'window', /^window must be given at most once$/],
    ['window=week&month=2025-01', 'month', /^window and month cannot be combined/],
    ['month=2025-1', 'month', /^month must be a calendar month written YYYY-MM/],
    ['month=2025-13', 'month', /^month must be a calendar month written YYYY-MM/],
    ['month=2024-12', 'month', /^month must be a complete calendar month of the datasets, from 2025-01/],
    ['month=2030-01', 'month', /^month must be a complete calendar month/],
    ['month=', 'month', /^month must be a calendar month/],
    ['month=2025-02&month=2025-03', 'month', /^month must be given at most once$/],
    ['sort=popular', 'sort', /^sort is not a known parameter \(allowed: window, month\)$/],
    ['id=openai/gpt-4o', 'id', /^id is not a known parameter/],
  ])('refuses %s, naming %s', (search, param, message) => {
    const result = refusal('models', search);
    expect(result.param).toBe(param);
    expect(result.message).toMatch(message);
    expect(result.message).toContain(param);
  });
});

describe('readDownloadQuery: apps', () => {
  it('fills in the defaults and keeps the filter', () => {
    expect(read('apps', '')).toEqual({ ok: true, query: { table: 'apps', view: { sort: 'popular', window: 'month', category: null, subcategory: null } } });
    expect(read('apps', 'sort=trending&window=week&category=coding')).toEqual({
      ok: true,
      query: { table: 'apps', view: { sort: 'trending', window: 'week', category: 'coding', subcategory: null } },
    });
    // A subcategory alone implies its category, as on /api/apps.
    expect(read('apps', 'subcategory=cli-agent')).toEqual({
      ok: true,
      query: { table: 'apps', view: { sort: 'popular', window: 'month', category: 'coding', subcategory: 'cli-agent' } },
    });
  });

  it.each([
    ['page=2', 'page', /^page is not a parameter of a download: the file holds every rank of the view/],
    ['pageSize=50', 'pageSize', /^pageSize is not a parameter of a download/],
    ['sort=trending&page=1', 'page', /^page is not a parameter of a download/],
    ['sort=newest', 'sort', /^sort must be one of popular, trending$/],
    ['window=quarter', 'window', /^window must be one of day, week, month$/],
    ['category=games', 'category', /^category must be one of coding, creative, productivity, entertainment$/],
    ['subcategory=nope', 'subcategory', /^subcategory is not a known subcategory$/],
    ['category=creative&subcategory=cli-agent', 'subcategory', /^subcategory cli-agent is not in category creative$/],
    ['category=', 'category', /^category must be one of/],
    ['sort=popular&sort=trending', 'sort', /^sort must be given at most once$/],
    ['format=csv', 'format', /^format is not a known parameter \(allowed: sort, window, category, subcategory\)$/],
  ])('refuses %s, naming %s', (search, param, message) => {
    const result = refusal('apps', search);
    expect(result.param).toBe(param);
    expect(result.message).toMatch(message);
  });
});

describe('readDownloadQuery: model', () => {
  it('takes the permaslug as given, variant and all', () => {
    expect(read('model', 'id=deepseek%2Fdeepseek-chat-v3.1%3Afree')).toEqual({
      ok: true,
      query: { table: 'model', permaslug: 'deepseek/deepseek-chat-v3.1:free' },
    });
    // Whether it names a model is the history's to say (a 404), not the validator's.
    expect(read('model', 'id=nope/nope')).toEqual({ ok: true, query: { table: 'model', permaslug: 'nope/nope' } });
  });

  it.each([
    ['', 'id', /^id is required/],
    ['id=', 'id', /^id is required/],
    ['id=a/b&id=c/d', 'id', /^id must be given at most once$/],
    ['id=a%0Ab', 'id', /^id must be a model permaslug of at most 300 printable characters$/],
    [`id=a/${'b'.repeat(300)}`, 'id', /^id must be a model permaslug/],
    ['permaslug=a/b', 'permaslug', /^permaslug is not a known parameter \(allowed: id\)$/],
    ['id=a/b&window=week', 'window', /^window is not a known parameter/],
  ])('refuses %s, naming %s', (search, param, message) => {
    const result = refusal('model', search);
    expect(result.param).toBe(param);
    expect(result.message).toMatch(message);
  });
});
