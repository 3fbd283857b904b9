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
    ['dataset=model&start=2026-11-01&end=2026-11-29', 'dataset', 'Dataset must be one of models, apps, slices.'],
    ['dataset=apps&start=2026-11-01', 'end', 'End date is required (YYYY-MM-DD).'],
    ['dataset=apps&start=2024-12-31&end=2025-01-02', 'start', 'Start date must be on or after 2025-01-01, the first day of the datasets.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-30', 'end', 'End date must be on or before 2026-11-29, the latest UTC day with settled figures.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&sort=newest', 'sort', 'sort must be one of popular, trending.'],
    // Every board's filters are checked whichever dataset is asked.
    ['dataset=models&start=2026-11-01&end=2026-11-29&category=finance', 'category', 'category must be one of coding, creative, productivity, entertainment.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&subcategory=legal&category=coding', 'subcategory', 'subcategory legal is not in category coding.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&limit=5', null, 'limit is not a known parameter (allowed: dataset, start, end, sort, category, subcategory, slice).'],
    ['dataset=models&start=2026-11-01&end=2026-11-29&slice=use-case', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m.'],
    ['dataset=apps&start=2026-11-01&end=2026-11-29&slice=use-case%2FProgramming', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m.'],
    // A sampled slice is read per ISO week: the window must hold a whole one (Tuesday to Sunday, Monday to Saturday do not).
    ['dataset=slices&start=2026-11-24&end=2026-11-29&slice=use-case%2Flegal', 'start', 'Legal is a weekly estimate: the window must hold at least one whole ISO week, Monday to Sunday.'],
    ['dataset=slices&start=2026-11-23&end=2026-11-28&slice=language%2Fnatural', 'start', 'Natural languages is a weekly estimate: the window must hold at least one whole ISO week, Monday to Sunday.'],
    ['dataset=slices&start=2026-11-23&end=2026-11-28', 'start', 'Programming is a weekly estimate: the window must hold at least one whole ISO week, Monday to Sunday.'],
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
    const defaults = { dataset: 'models', start: '2026-10-31', end: DATA_DAY, sort: 'popular', category: '', subcategory: '', slice: 'use-case/programming' };
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

  it('reads a slices window: the slice asked for (the first by default), any days for an exact slice, whole weeks for a sampled one', () => {
    expect(read('dataset=slices&start=2026-11-24&end=2026-11-26&slice=context%2F1m&sort=popular&category=&subcategory=')).toEqual({
      ok: true,
      query: { dataset: 'slices', start: '2026-11-24', end: '2026-11-26', slice: 'context/1m' },
      params: { dataset: 'slices', start: '2026-11-24', end: '2026-11-26', slice: 'context/1m', sort: 'popular', category: '', subcategory: '' },
    });
    const programming = read('dataset=slices&start=2026-11-01&end=2026-11-29&slice=');
    expect(programming.ok && programming.query).toEqual({ dataset: 'slices', start: '2026-11-01', end: '2026-11-29', slice: 'use-case/programming' });
    const seo = read('dataset=slices&start=2026-11-23&end=2026-11-29&slice=use-case/marketing-seo');
    expect(seo.ok && seo.query).toEqual({ dataset: 'slices', start: '2026-11-23', end: '2026-11-29', slice: 'use-case/marketing-seo' });
    // Another dataset ignores the slices' weeks rule (the slice itself is still checked).
    expect(read('dataset=models&start=2026-11-24&end=2026-11-26&slice=use-case%2Flegal').ok).toBe(true);
  });

  it('spells a slices query one way and describes the weeks a sampled one reads', () => {
    const exact = { dataset: 'slices', start: '2026-11-24', end: '2026-11-26', slice: 'modality/image-input' } as const;
    const sampled = { dataset: 'slices', start: '2026-11-01', end: '2026-11-28', slice: 'use-case/marketing-seo' } as const;
    expect(explorerHref(exact)).toBe('/staff/explorer?dataset=slices&start=2026-11-24&end=2026-11-26&slice=modality%2Fimage-input');
    expect(explorerExportHref(sampled, 'json')).toBe('/api/staff/explorer?dataset=slices&start=2026-11-01&end=2026-11-28&slice=use-case%2Fmarketing-seo&format=json');
    expect(describeExplorerQuery(exact)).toBe('rankings-daily modality/image-input 2026-11-24..2026-11-26');
    expect(describeExplorerQuery(sampled)).toBe('rankings-daily use-case/marketing-seo weeks 2026-11-02..2026-11-22 of 2026-11-01..2026-11-28');
    expect(exportFileParts(sampled)).toEqual(['slices', '2026-11-01', '2026-11-28', 'use-case', 'marketing-seo']);
    const parsed = read(explorerHref(sampled).split('?')[1]!);
    expect(parsed.ok && parsed.query).toEqual(sampled);
    expect(queryFormValues(exact, DATA_DAY)).toMatchObject({ dataset: 'slices', slice: 'modality/image-input', sort: 'popular' });
  });
});
