import { DOWNLOAD_FILES, embedHref, embedOfUrl, embedPagePath, EMBED_PATHS, isEmbedPath, parseDownloadFile, type Embed } from '@/lib/boards';
import { DEFAULT_EMBED } from '@/lib/boards/board';
import {
  RANKINGS_PATH,
  sliceEmbedHref,
  sliceHref,
  sliceOgImageHref,
  slicesBoard,
  slicesDownloadHref,
  slicesEmbedOf,
  wholeWeeksOf,
  type SlicesDownloadQuery,
} from '@/lib/boards/slices/board';
import { sliceCard } from '@/lib/boards/slices/card';
import { explorerRequest, slicesExplorerTable, type SlicesExplorerResult } from '@/lib/boards/slices/explore';
import { sliceFeedEntries, sliceLeaderChanges } from '@/lib/boards/slices/feed';
import { ESTIMATED_NOTICE, slicesDownloadFile } from '@/lib/boards/slices/files';
import { buildSliceHistory, sliceLeaderboard, type SliceLeaderboard } from '@/lib/boards/slices/rows';
import { slicesSitemapPages } from '@/lib/boards/slices/sitemap';
import { SLICES, sliceById, type Slice } from '@/lib/boards/slices/slices';
import { sliceWindow, type SliceWindowName } from '@/lib/boards/slices/windows';
import type { ModelDay } from '@/lib/datasets/endpoints';
import { downloadFileName, type Provenance } from '@/lib/export/download-files';
import { readDownloadQuery } from '@/lib/export/download-query';
import { renderAtom, withEntries, type AtomFeed } from '@/lib/feed/atom';
import { cardAlt } from '@/lib/og/card-data';

const DATA_DAY = '2026-11-29'; // a Sunday: the week of Nov 23 is complete
const BOM = '\uFEFF';
const LICENSE = 'Licensed under CC BY 4.0. https://creativecommons.org/licenses/by/4.0/';
const DEMO = 'Demo data — synthetic, not from OpenRouter';
// Exact figures beyond 2^53: a Number round trip would change them.
const BIG = 9_007_199_254_740_993n;

const slice = (id: string): Slice => sliceById(id)!;
const programming = slice('use-case/programming');
const seo = slice('use-case/marketing-seo');
const oneM = slice('context/1m');
const text = slice('modality/text');

const live: Provenance = { source: 'openrouter', asOf: '2026-11-30T00:00:00.000Z', dataDay: DATA_DAY };
const demo: Provenance = { ...live, source: 'demo' };

function rows(date: string, models: Record<string, bigint>, other: bigint, grain: 'day' | 'week'): ModelDay[] {
  const extra = grain === 'week' ? { period: 'week' as const, estimated: true as const } : {};
  return [
    ...Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false, ...extra })),
    { date, permaslug: 'other', totalTokens: other, isOther: true, ...extra },
  ];
}

/** Sampled: week of Nov 16 led by sonnet, week of Nov 23 by gpt-4o with a figure past 2^53. */
const sampledRows = [
  ...rows('2026-11-16', { 'anthropic/claude-sonnet-4': 300n, 'openai/gpt-4o': 100n }, 600n, 'week'),
  ...rows('2026-11-23', { 'openai/gpt-4o': BIG, 'anthropic/claude-sonnet-4': 200n, 'x-ai/grok-code-fast-1': 25n }, 800n, 'week'),
];
/** Exact: one day each in both weeks, the same leader both weeks. */
const exactRows = [
  ...rows('2026-11-20', { 'openai/gpt-4o': 500n, 'google/gemini-2.5-flash': 100n }, 400n, 'day'),
  ...rows('2026-11-29', { 'openai/gpt-4o': 700n, 'google/gemini-2.5-flash': 300n }, 0n, 'day'),
];

function boardOf(s: Slice, data: readonly ModelDay[], name: SliceWindowName = 'week', dataDay = DATA_DAY): SliceLeaderboard {
  return sliceLeaderboard(buildSliceHistory(s, data, dataDay), sliceWindow(s, name, dataDay)!);
}

function csvLines(body: string): string[] {
  expect(body.startsWith(BOM)).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  return body.slice(1, -2).split('\r\n');
}
const fields = (lines: string[]) => lines.map((line) => line.split(','));

const read = (search: string) => readDownloadQuery('slices', new URLSearchParams(search), DATA_DAY);

describe('slice downloads: the query', () => {
  it('reads a slice and a window it offers, week by default', () => {
    expect(read('slice=use-case/marketing-seo')).toEqual({ ok: true, query: { table: 'slices', slice: 'use-case/marketing-seo', window: 'week' } });
    expect(read('slice=use-case%2Fmarketing-seo&window=4-weeks')).toEqual({ ok: true, query: { table: 'slices', slice: 'use-case/marketing-seo', window: '4-weeks' } });
    for (const window of ['day', 'week', '4-weeks', '30-days']) {
      expect(read(`slice=context/1m&window=${window}`)).toEqual({ ok: true, query: { table: 'slices', slice: 'context/1m', window } });
    }
  });

  it.each([
    ['', 'slice', 'slice is required: a slice board\'s family and slug, such as use-case/programming or context/1m'],
    ['window=week', 'slice', 'slice is required: a slice board\'s family and slug, such as use-case/programming or context/1m'],
    ['slice=', 'slice', 'slice is required: a slice board\'s family and slug, such as use-case/programming or context/1m'],
    ['slice=use-case/marketing/seo', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m'],
    ['slice=use-case', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m'],
    ['slice=Use-Case/programming', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m'],
    ['slice=use-case/valueOf', 'slice', 'slice must name one of the 24 slice boards, such as use-case/programming or context/1m'],
    ['slice=use-case/programming&window=day', 'window', 'window must be one of week, 4-weeks for use-case/programming (its figures are weekly estimates, so it has no daily window)'],
    ['slice=language/natural&window=30-days', 'window', 'window must be one of week, 4-weeks for language/natural (its figures are weekly estimates, so it has no daily window)'],
    ['slice=context/1m&window=month', 'window', 'window must be one of day, week, 4-weeks, 30-days for context/1m'],
    ['slice=context/1m&window=', 'window', 'window must be one of day, week, 4-weeks, 30-days for context/1m'],
    ['slice=context/1m&top=5', 'top', 'top is not a known parameter (allowed: slice, window)'],
    ['slice=context/1m&slice=context/10m', 'slice', 'slice must be given at most once'],
  ])('refuses %j naming %s', (search, param, message) => {
    expect(read(search)).toEqual({ ok: false, param, message });
  });

  it('spells each file once, defaults dropped, and is one of the files /download/ serves', () => {
    expect(slicesDownloadHref({ slice: 'use-case/marketing-seo', window: 'week' }, 'csv')).toBe('/download/slices.csv?slice=use-case%2Fmarketing-seo');
    expect(slicesDownloadHref({ slice: 'context/1m', window: '30-days' }, 'json')).toBe('/download/slices.json?slice=context%2F1m&window=30-days');
    for (const s of SLICES) {
      for (const window of ['week', '4-weeks'] as const) {
        const href = new URL(slicesDownloadHref({ slice: s.id, window }, 'csv'), 'http://localhost');
        expect(parseDownloadFile(href.pathname.slice('/download/'.length))).toEqual({ table: 'slices', format: 'csv' });
        expect(readDownloadQuery('slices', href.searchParams, DATA_DAY)).toEqual({ ok: true, query: { table: 'slices', slice: s.id, window } });
      }
    }
    expect(DOWNLOAD_FILES).toBe('models.csv or models.json, apps.csv or apps.json, model.csv or model.json, slices.csv or slices.json');
  });

  it('names files tokenboard-slices-<family>-<slug>-<window>-<date>', () => {
    const q = (slice: SlicesDownloadQuery['slice'], window: SliceWindowName): SlicesDownloadQuery => ({ table: 'slices', slice, window });
    expect(downloadFileName(q('use-case/marketing-seo', 'week'), DATA_DAY, 'csv')).toBe('tokenboard-slices-use-case-marketing-seo-week-2026-11-29.csv');
    expect(downloadFileName(q('context/1m', '4-weeks'), DATA_DAY, 'json')).toBe('tokenboard-slices-context-1m-4-weeks-2026-11-29.json');
    expect(downloadFileName(q('modality/tool-calling', '30-days'), DATA_DAY, 'csv')).toBe('tokenboard-slices-modality-tool-calling-30-days-2026-11-29.csv');
    expect(slicesBoard.download.missing!(q('context/1m', 'day'))).toBe('slice context/1m has no figures for its day window yet.');
  });
});

describe('slice downloads: the files', () => {
  const sampled = boardOf(seo, sampledRows);
  const exact = boardOf(oneM, exactRows, '30-days');

  it('CSV of a sampled slice: citation and licence, exact tokens, comparison, and every row estimated', () => {
    const file = slicesDownloadFile(seo, sampled, live, 'csv');
    expect(file.fileName).toBe('tokenboard-slices-use-case-marketing-seo-week-2026-11-29.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const lines = csvLines(file.body);
    expect(lines.slice(0, 3)).toEqual(['"Source: OpenRouter (openrouter.ai/rankings), as of 2026-11-30T00:00:00.000Z."', LICENSE, '']);
    expect(fields(lines)[3]).toEqual([
      'rank',
      'model_permaslug',
      'author',
      'total_tokens',
      'share_percent',
      'previous_total_tokens',
      'change_percent',
      'previous_rank',
      'movement',
      'is_new',
      'estimated',
    ]);
    expect(fields(lines.slice(4))).toEqual([
      ['1', 'openai/gpt-4o', 'openai', BIG.toString(), '100.00', '100', String(sampled.rows[0]!.changePct), '2', '1', 'false', 'true'],
      ['2', 'anthropic/claude-sonnet-4', 'anthropic', '200', '0.00', '300', '-33.33', '1', '-1', 'false', 'true'],
      ['3', 'x-ai/grok-code-fast-1', 'x-ai', '25', '0.00', '0', '', '', '', 'true', 'true'],
    ]);
  });

  it('JSON of a sampled slice: the rows typed, the slice, its filter, the estimate notice, totals and ranges', () => {
    const json = JSON.parse(slicesDownloadFile(seo, sampled, live, 'json').body);
    expect(json).toMatchObject({
      citation: 'Source: OpenRouter (openrouter.ai/rankings), as of 2026-11-30T00:00:00.000Z.',
      source: 'openrouter',
      dataDay: DATA_DAY,
      query: { slice: 'use-case/marketing-seo', window: 'week' },
      label: 'Marketing: SEO',
      filter: { category: 'marketing/seo' },
      grain: 'week',
      estimated: true,
      notice: ESTIMATED_NOTICE,
      range: { start: '2026-11-23', end: '2026-11-29' },
      previousRange: { start: '2026-11-16', end: '2026-11-22' },
      comparable: true,
      total: (BIG + 225n + 800n).toString(),
      other: '800',
      previousTotal: '1000',
    });
    expect(json.rows[0]).toEqual({
      rank: 1,
      model_permaslug: 'openai/gpt-4o',
      author: 'openai',
      total_tokens: '9007199254740993',
      share_percent: '100.00',
      previous_total_tokens: '100',
      change_percent: sampled.rows[0]!.changePct,
      previous_rank: 2,
      movement: 1,
      is_new: false,
      estimated: true,
    });
  });

  it('an exact slice says its figures are not estimates; demo figures carry the demo label, never the citation', () => {
    const csv = slicesDownloadFile(oneM, exact, demo, 'csv');
    expect(csv.fileName).toBe('tokenboard-slices-context-1m-30-days-2026-11-29.csv');
    const lines = csvLines(csv.body);
    expect(lines.slice(0, 2)).toEqual([`"${DEMO}"`, '']);
    expect(fields(lines.slice(3)).map((row) => [row[1], row[3], row.at(-1)])).toEqual([
      ['openai/gpt-4o', '1200', 'false'],
      ['google/gemini-2.5-flash', '400', 'false'],
    ]);
    const json = JSON.parse(slicesDownloadFile(oneM, exact, demo, 'json').body);
    expect(json).toMatchObject({ citation: DEMO, license: null, estimated: false, notice: null, grain: 'day', filter: { contextBucket: '1M' } });
    expect(csv.body).not.toContain('OpenRouter (');
  });

  it('leaves the comparison empty when the period before is not inside the data', () => {
    const first = boardOf(programming, rows('2025-01-06', { 'openai/gpt-4o': 10n }, 5n, 'week'), 'week', '2025-01-12');
    expect(first.comparable).toBe(false);
    const json = JSON.parse(slicesDownloadFile(programming, first, live, 'json').body);
    expect(json.previousTotal).toBeNull();
    expect(json.rows).toEqual([
      {
        rank: 1,
        model_permaslug: 'openai/gpt-4o',
        author: 'openai',
        total_tokens: '10',
        share_percent: '66.67',
        previous_total_tokens: null,
        change_percent: null,
        previous_rank: null,
        movement: null,
        is_new: null,
        estimated: true,
      },
    ]);
  });
});

describe('slice widgets', () => {
  const url = (href: string) => new URL(href, 'http://localhost');
  const fromHref = (href: string) => embedOfUrl(url(href).pathname, url(href).searchParams);

  it('are one of the registry`s widget paths', () => {
    expect(EMBED_PATHS).toEqual(['/embed/models', '/embed/apps', '/embed/rankings']);
    expect(isEmbedPath('/embed/rankings')).toBe(true);
    expect(['/embed/slices', '/embed/rankings/', '/embed/v/rankings', '/embed'].some(isEmbedPath)).toBe(false);
  });

  it('read a slice (required) and a window it offers, then top and theme', () => {
    expect(fromHref('/embed/rankings?slice=use-case/programming')).toEqual({ kind: 'slices', slice: 'use-case/programming', window: 'week', top: 10, theme: 'auto' });
    expect(fromHref('/embed/rankings?slice=context%2F1m&window=day&top=3&theme=dark')).toEqual({ kind: 'slices', slice: 'context/1m', window: 'day', top: 3, theme: 'dark' });
    for (const href of [
      '/embed/rankings',
      '/embed/rankings?slice=',
      '/embed/rankings?slice=use-case',
      '/embed/rankings?slice=use-case/nope',
      '/embed/rankings?slice=use-case/programming&window=day',
      '/embed/rankings?slice=language/natural&window=30-days',
      '/embed/rankings?slice=context/1m&window=month',
      '/embed/rankings?slice=context/1m&top=51',
      '/embed/rankings?slice=context/1m&theme=blue',
      '/embed/slices?slice=context/1m',
    ]) {
      expect([href, fromHref(href)]).toEqual([href, null]);
    }
  });

  it('public URL, page path and path segments name the same widget', () => {
    const widgets: Embed[] = [
      { kind: 'slices', slice: 'use-case/programming', window: 'week', top: 10, theme: 'auto' },
      { kind: 'slices', slice: 'use-case/marketing-seo', window: '4-weeks', top: 5, theme: 'light' },
      { kind: 'slices', slice: 'modality/image-output', window: '30-days', top: 50, theme: 'dark' },
    ];
    expect(widgets.map(embedHref)).toEqual([
      '/embed/rankings?slice=use-case%2Fprogramming',
      '/embed/rankings?slice=use-case%2Fmarketing-seo&window=4-weeks&top=5&theme=light',
      '/embed/rankings?slice=modality%2Fimage-output&window=30-days&top=50&theme=dark',
    ]);
    expect(widgets.map(embedPagePath)).toEqual([
      '/embed/v/rankings/use-case/programming/week/10/auto',
      '/embed/v/rankings/use-case/marketing-seo/4-weeks/5/light',
      '/embed/v/rankings/modality/image-output/30-days/50/dark',
    ]);
    for (const widget of widgets) {
      expect(fromHref(embedHref(widget))).toEqual(widget);
      const [family, slug, window, top, theme] = embedPagePath(widget).split('/').slice(4);
      expect(slicesEmbedOf({ slice: `${family}/${slug}`, window, top, theme })).toEqual(widget);
    }
    expect(sliceEmbedHref({ slice: 'context/1m', window: 'day' })).toBe('/embed/rankings?slice=context%2F1m&window=day');
    expect(sliceEmbedHref({ slice: 'context/1m', window: 'week', top: DEFAULT_EMBED.top, theme: 'dark' })).toBe('/embed/rankings?slice=context%2F1m&theme=dark');
  });
});

describe('slice pages, cards and sitemap', () => {
  it('spell the board, its windows and its card', () => {
    expect(sliceHref(seo)).toBe('/rankings/use-case/marketing-seo');
    expect(sliceHref(seo, '4-weeks')).toBe('/rankings/use-case/marketing-seo?window=4-weeks');
    expect(sliceHref(oneM, '30-days')).toBe('/rankings/context/1m?window=30-days');
    expect(sliceOgImageHref(seo)).toBe('/og/rankings/use-case/marketing-seo');
  });

  it('the card shows the last completed week`s first five, and says "estimated" on a sampled slice, alt text included', () => {
    const card = sliceCard(seo, boardOf(seo, sampledRows), false);
    expect(card).toEqual({
      title: 'Use case: Marketing: SEO',
      subtitle: 'Estimated tokens · Last completed week · Nov 23, 2026 – Nov 29, 2026 (UTC)',
      rows: [
        { name: 'openai/gpt-4o', tokens: BIG.toString() },
        { name: 'anthropic/claude-sonnet-4', tokens: '200' },
        { name: 'x-ai/grok-code-fast-1', tokens: '25' },
      ],
      demo: false,
    });
    expect(cardAlt(card)).toMatch(/^Use case: Marketing: SEO\. Estimated tokens · Last completed week · .*: 1\. openai\/gpt-4o /);
    const exact = sliceCard(oneM, boardOf(oneM, exactRows), true);
    expect(exact.subtitle).toMatch(/^Last completed week · /);
    expect(cardAlt(exact)).toMatch(/^Demo data, synthetic\. Context length: 1M context\./);
    expect(sliceCard(text, null, false)).toMatchObject({ subtitle: 'Last completed week', rows: [] });
  });

  it('the sitemap: the hub, then each board and its other windows, a sampled board dated by its last completed week', () => {
    const pages = slicesSitemapPages('2026-12-02', [seo, oneM]);
    expect(pages).toEqual([
      { path: RANKINGS_PATH, lastModified: '2026-12-02' },
      { path: '/rankings/use-case/marketing-seo', lastModified: '2026-11-29' },
      { path: '/rankings/use-case/marketing-seo?window=4-weeks', lastModified: '2026-11-29' },
      { path: '/rankings/context/1m?window=day', lastModified: '2026-12-02' },
      { path: '/rankings/context/1m', lastModified: '2026-12-02' },
      { path: '/rankings/context/1m?window=4-weeks', lastModified: '2026-12-02' },
      { path: '/rankings/context/1m?window=30-days', lastModified: '2026-12-02' },
    ]);
    // 12 + 2 sampled boards × 2 windows, 10 exact boards × 4, and the hub.
    expect(slicesSitemapPages(DATA_DAY)).toHaveLength(14 * 2 + 10 * 4 + 1);
  });
});

describe('slice explorer', () => {
  it('asks for the window per day on an exact slice, and for its whole weeks per week on a sampled one', () => {
    expect(explorerRequest(oneM, { start: '2026-11-24', end: '2026-11-26' })).toEqual({
      range: { start: '2026-11-24', end: '2026-11-26' },
      query: { startDate: '2026-11-24', endDate: '2026-11-26', contextBucket: '1M' },
    });
    expect(explorerRequest(seo, { start: '2026-11-01', end: '2026-11-28' })).toEqual({
      range: { start: '2026-11-02', end: '2026-11-22' },
      query: { startDate: '2026-11-02', endDate: '2026-11-22', period: 'week', category: 'marketing/seo' },
    });
    expect(explorerRequest(seo, { start: '2026-11-23', end: '2026-11-29' })?.range).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(explorerRequest(seo, { start: '2026-11-24', end: '2026-11-29' })).toBeNull();
    expect(wholeWeeksOf({ start: '2026-11-23', end: '2026-11-28' })).toBeNull();
  });

  it('exports every model with exact tokens, then other, each row saying whether it is an estimate', () => {
    const result: SlicesExplorerResult = {
      dataset: 'slices',
      query: { dataset: 'slices', start: '2026-11-01', end: '2026-11-28', slice: seo.id },
      source: 'openrouter',
      asOf: live.asOf,
      dataDay: DATA_DAY,
      grain: 'week',
      estimated: true,
      range: { start: '2026-11-02', end: '2026-11-22' },
      total: BIG + 300n,
      other: 100n,
      otherShareBp: 0,
      bucketsCovered: 3,
      rows: [
        { rank: 1, permaslug: 'openai/gpt-4o', author: 'openai', tokens: BIG, shareBp: 10_000 },
        { rank: 2, permaslug: 'anthropic/claude-sonnet-4', author: 'anthropic', tokens: 200n, shareBp: 0 },
      ],
    };
    expect(slicesExplorerTable(result)).toEqual({
      columns: ['rank', 'model_permaslug', 'author', 'total_tokens', 'share_percent', 'estimated'],
      rows: [
        { rank: 1, model_permaslug: 'openai/gpt-4o', author: 'openai', total_tokens: '9007199254740993', share_percent: '100.00', estimated: true },
        { rank: 2, model_permaslug: 'anthropic/claude-sonnet-4', author: 'anthropic', total_tokens: '200', share_percent: '0.00', estimated: true },
        { rank: null, model_permaslug: 'other', author: null, total_tokens: '100', share_percent: '0.00', estimated: true },
      ],
    });
  });
});

describe('slice feed entries', () => {
  const sampled = boardOf(seo, sampledRows);
  const exact = boardOf(oneM, exactRows);
  const SITE = 'https://tokenboard.example';

  it('one change per slice whose last completed week has a new #1, naming the week before`s', () => {
    expect(sliceLeaderChanges([{ board: sampled }, { board: exact }, { board: null }])).toEqual([
      {
        slice: seo,
        week: { start: '2026-11-23', end: '2026-11-29' },
        leader: { permaslug: 'openai/gpt-4o', tokens: BIG },
        total: BIG + 225n + 800n,
        previousLeader: 'anthropic/claude-sonnet-4',
        estimated: true,
      },
    ]);
  });

  it('nothing to compare: the first week, or a week before without figures; a leader that fell out of the ranks is not named', () => {
    const first = boardOf(programming, rows('2025-01-06', { 'openai/gpt-4o': 10n }, 5n, 'week'), 'week', '2025-01-12');
    const gap = boardOf(seo, rows('2026-11-23', { 'openai/gpt-4o': 10n }, 5n, 'week'));
    expect(sliceLeaderChanges([{ board: first }, { board: gap }])).toEqual([]);
    const fellOut = boardOf(seo, [...rows('2026-11-16', { 'a/gone': 50n }, 5n, 'week'), ...rows('2026-11-23', { 'b/new': 10n }, 5n, 'week')]);
    expect(sliceLeaderChanges([{ board: fellOut }])).toMatchObject([{ leader: { permaslug: 'b/new' }, previousLeader: null }]);
  });

  it('as Atom entries: stable tag ids per slice and week, dated by the week`s end, linked, cited or labelled demo', () => {
    const changes = sliceLeaderChanges([{ board: sampled }]);
    const [entry] = sliceFeedEntries({ changes, siteUrl: SITE, source: 'openrouter', asOf: live.asOf });
    expect(entry).toMatchObject({
      id: 'tag:tokenboard.example,2025-01-01:rankings/use-case/marketing-seo/weekly/2026-11-23',
      title: 'Week of 2026-11-23: openai/gpt-4o is the new #1 — Use case: Marketing: SEO (estimated)',
      updated: '2026-11-30T00:00:00Z',
      links: [
        { href: `${SITE}/models/openai/gpt-4o`, rel: 'alternate', type: 'text/html' },
        { href: `${SITE}/rankings/use-case/marketing-seo`, rel: 'related', type: 'text/html', title: 'Use case: Marketing: SEO' },
      ],
      rights: 'Source: OpenRouter (openrouter.ai/rankings), as of 2026-11-30T00:00:00.000Z. Licensed under CC BY 4.0.',
    });
    expect(entry!.contentHtml).toContain('9,007,199,254,740,993 estimated tokens');
    expect(entry!.contentHtml).toContain(`It takes over from <a href="${SITE}/models/anthropic/claude-sonnet-4">anthropic/claude-sonnet-4</a>.`);
    expect(entry!.contentHtml).toContain('weekly estimates, not counts');

    const [demoEntry] = sliceFeedEntries({ changes, siteUrl: SITE, source: 'demo', asOf: live.asOf });
    expect(demoEntry!.title.startsWith('[Demo data] Week of 2026-11-23: ')).toBe(true);
    expect(demoEntry!.rights).toBe(`${DEMO}.`);
    expect(demoEntry!.contentHtml).toContain(DEMO);
    expect(demoEntry!.contentHtml).not.toContain('Source: OpenRouter');
  });

  it('merge into the site feed newest first, the feed`s own entries first at the same instant', () => {
    const feed: AtomFeed = {
      id: 'tag:x,2025-01-01:models/daily',
      title: 'T',
      updated: '2026-11-30T00:00:00.000Z',
      links: [],
      author: { name: 'T' },
      entries: ['2026-11-29', '2026-11-28'].map((date) => ({ id: date, title: date, updated: `${date}T00:00:00Z`, links: [], contentHtml: '' })),
    };
    const slices = [
      { id: 'a', title: 'a', updated: '2026-11-29T00:00:00Z', links: [], contentHtml: '' },
      { id: 'b', title: 'b', updated: '2026-12-01T00:00:00Z', links: [], contentHtml: '' },
    ];
    const merged = withEntries(feed, slices);
    expect(merged.entries.map((e) => e.id)).toEqual(['b', '2026-11-29', 'a', '2026-11-28']);
    expect(merged.updated).toBe('2026-12-01T00:00:00.000Z');
    expect(withEntries(feed, []).updated).toBe(feed.updated);
    expect(renderAtom(merged)).toContain('<id>b</id>');
  });
});
