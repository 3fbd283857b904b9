import {
  defaultFormValues,
  describeExplorerQuery,
  explorerExportHref,
  explorerHref,
  exportFileParts,
  queryFormValues,
  readExplorerQuery,
  submittedFormValues,
} from '@/lib/staff/explorer/query';

const DATA_DAY = '2026-11-29';
const read = (search: string) => readExplorerQuery(new URLSearchParams(search), DATA_DAY);

describe('staff explorer queries, read through the boards registry', () => {
  it('reads a models window and keeps no app filter', () => {
    expect(read('dataset=models&start=2026-11-01&end=2026-11-29&sort=popular&category=&subcategory=')).toEqual({
      ok: true,
      query: { dataset: 'models', start: '2026-11-01', end: '2026-11-29' },
      params: { dataset: 'models', start: '2026-11-01', end: '2026-11-29', sort: 'popular', category: '', subcategory: '' },
    });
  });

  it('reads an apps window with its filters; a subcategory brings its category', () => {
    const input = read('dataset=apps&start=2026-11-01&end=2026-11-29&sort=trending&subcategory=cli-agent');
    expect(input.ok && input.query).toEqual({ dataset: 'apps', start: '2026-11-01', end: '2026-11-29', sort: 'trending', category: 'coding', subcategory: 'cli-agent' });
  });

  it.each([
    ['dataset=model&start=2026-11-01&end=2026-11-29', 'dataset', 'Dataset must be one of models, apps.'],
    ['dataset=apps&start=2026-11-01', 'end', 'End date is required (YYYY-MM-DD).'],
    ['dataset=apps&start=2024-12-31&end=2025-01-02', 'start', 'Start date must be on or after 2025-01-01, the first day of the datasets.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-30', 'end', 'End date must be on or before 2026-11-29, the latest UTC day with settled figures.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&sort=newest', 'sort', 'sort must be one of popular, trending.'],
    // Every board's filters are checked whichever dataset is asked.
    ['dataset=models&start=2026-11-01&end=2026-11-29&category=finance', 'category', 'category must be one of coding, creative, productivity, entertainment.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&subcategory=legal&category=coding', 'subcategory', 'subcategory legal is not in category coding.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&limit=5', null, 'limit is not a known parameter (allowed: dataset, start, end, sort, category, subcategory).'],
  ])('refuses %s naming %s', (search, param, message) => {
    expect(read(search)).toEqual({ ok: false, param, message });
  });

  it('spells each query one way, with the board’s filters only', () => {
    const apps = { dataset: 'apps', start: '2026-11-01', end: '2026-11-29', sort: 'popular', category: 'coding' } as const;
    const models = { dataset: 'models', start: '2026-11-01', end: '2026-11-29' } as const;
    expect(explorerHref(apps)).toBe('/staff/explorer?dataset=apps&start=2026-11-01&end=2026-11-29&sort=popular&category=coding');
    expect(explorerHref(models)).toBe('/staff/explorer?dataset=models&start=2026-11-01&end=2026-11-29');
    expect(explorerExportHref(models, 'csv')).toBe('/api/staff/explorer?dataset=models&start=2026-11-01&end=2026-11-29&format=csv');
    expect(describeExplorerQuery(apps)).toBe('app-rankings popular coding 2026-11-01..2026-11-29');
    expect(describeExplorerQuery(models)).toBe('rankings-daily 2026-11-01..2026-11-29');
    expect(exportFileParts(apps)).toEqual(['apps', '2026-11-01', '2026-11-29', 'popular', 'coding']);
    expect(exportFileParts(models)).toEqual(['models', '2026-11-01', '2026-11-29']);
    const parsed = read(explorerHref(apps).split('?')[1]!);
    expect(parsed.ok && parsed.query).toEqual(apps);
  });

  it('fills the form: defaults, what was submitted, what a query holds', () => {
    const defaults = { dataset: 'models', start: '2026-10-31', end: DATA_DAY, sort: 'popular', category: '', subcategory: '' };
    expect(defaultFormValues(DATA_DAY)).toEqual(defaults);
    expect(submittedFormValues(new URLSearchParams('dataset=apps&sort=bogus'), DATA_DAY)).toEqual({ ...defaults, dataset: 'apps', sort: 'bogus' });
    expect(queryFormValues({ dataset: 'apps', start: '2026-11-01', end: '2026-11-02', sort: 'trending' }, DATA_DAY)).toEqual({
      ...defaults,
      dataset: 'apps',
      start: '2026-11-01',
      end: '2026-11-02',
      sort: 'trending',
    });
  });
});
