import type { AppsRanking, AppsViewRow } from '@/lib/boards/apps/types';
import type { ModelDay } from '@/lib/datasets/endpoints';
import { parseDownloadFile } from '@/lib/boards';
import { appsDownloadHref } from '@/lib/boards/apps/url';
import { modelDownloadHref } from '@/lib/boards/model/board';
import { modelsDownloadHref } from '@/lib/boards/models/board';
import { downloadHrefs } from '@/lib/downloads';
import { appsDownloadFile } from '@/lib/boards/apps/files';
import { modelHistoryDownloadFile } from '@/lib/boards/model/files';
import { modelsDownloadFile } from '@/lib/boards/models/files';
import type { Provenance } from '@/lib/export/download-files';
import { buildHistory } from '@/lib/rankings/history';
import { computeLeaderboard, rangeLeaderboard } from '@/lib/rankings/leaderboard';
import { modelProfile } from '@/lib/rankings/model-profile';
import { monthRange } from '@/lib/utc-day';

const BOM = '\uFEFF';
const LICENSE = 'Licensed under CC BY 4.0. https://creativecommons.org/licenses/by/4.0/';
const DEMO = 'Demo data — synthetic, not from OpenRouter';

/** The file's lines (no field here holds a line break), checking the BOM and the final CRLF. */
function csvLines(body: string): string[] {
  expect(body.startsWith(BOM)).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  return body.slice(1, -2).split('\r\n');
}

/** Fields of lines whose fields hold no comma or quote (the preamble excepted: read it as lines). */
const fields = (lines: string[]) => lines.map((line) => line.split(','));

function day(date: string, models: Record<string, bigint>, other: bigint): ModelDay[] {
  return [
    ...Object.entries(models).map(([permaslug, totalTokens]) => ({ date, permaslug, totalTokens, isOther: false })),
    { date, permaslug: 'other', totalTokens: other, isOther: true },
  ];
}

// Exact figures beyond 2^53: a Number round trip would change them.
const BIG = 9_007_199_254_740_993n;
const history = buildHistory([
  ...day('2026-11-21', { 'openai/gpt-4o': 100n, 'anthropic/claude-sonnet-4': 300n }, 600n),
  ...day('2026-11-28', { 'openai/gpt-4o': BIG, 'anthropic/claude-sonnet-4': 200n }, 800n),
  ...day('2026-11-29', { 'openai/gpt-4o': 50n, 'deepseek/deepseek-chat-v3.1:free': 25n }, 925n),
]);
const live: Provenance = { source: 'openrouter', asOf: '2026-11-30T00:00:00.000Z', dataDay: '2026-11-29' };
const demo: Provenance = { ...live, source: 'demo' };

describe('download URLs', () => {
  it('spell each file once: defaults dropped, fixed order', () => {
    expect(modelsDownloadHref({ window: 'month' }, 'csv')).toBe('/download/models.csv');
    expect(modelsDownloadHref({ window: 'week' }, 'json')).toBe('/download/models.json?window=week');
    expect(modelsDownloadHref({ month: '2025-03' }, 'csv')).toBe('/download/models.csv?month=2025-03');
    expect(appsDownloadHref({ sort: 'popular', window: 'month', category: null, subcategory: null }, 'csv')).toBe('/download/apps.csv');
    expect(appsDownloadHref({ sort: 'trending', window: 'week', category: 'coding', subcategory: 'cli-agent' }, 'json')).toBe(
      '/download/apps.json?sort=trending&window=week&category=coding&subcategory=cli-agent',
    );
    expect(modelDownloadHref('deepseek/deepseek-chat-v3.1:free', 'csv')).toBe('/download/model.csv?id=deepseek%2Fdeepseek-chat-v3.1%3Afree');
    expect(downloadHrefs((format) => modelsDownloadHref({ window: 'day' }, format))).toEqual({
      csv: '/download/models.csv?window=day',
      json: '/download/models.json?window=day',
    });
  });

  it('name exactly eight files', () => {
    expect(parseDownloadFile('models.csv')).toEqual({ table: 'models', format: 'csv' });
    expect(parseDownloadFile('slices.csv')).toEqual({ table: 'slices', format: 'csv' });
    expect(parseDownloadFile('model.json')).toEqual({ table: 'model', format: 'json' });
    expect(parseDownloadFile('apps.json')).toEqual({ table: 'apps', format: 'json' });
    for (const other of ['models.xlsx', 'models', 'Models.csv', 'models.csv.csv', 'app.csv', '.csv', 'models.CSV', 'slice.csv', 'rankings.csv']) {
      expect(parseDownloadFile(other)).toBeNull();
    }
  });
});

describe('model leaderboard files', () => {
  const board = computeLeaderboard(history, 'week', '2026-11-29');

  it('CSV: citation and licence, then every row with exact tokens, share, change and movement', () => {
    const file = modelsDownloadFile(board, { window: 'week' }, live, 'csv');
    expect(file.fileName).toBe('tokenboard-models-week-2026-11-29.csv');
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
    ]);
    // Week 2026-11-23..29 vs 2026-11-16..22: gpt-4o was #2 before (100 < 300), now #1.
    const total = BIG + 200n + 800n + 50n + 25n + 925n;
    expect(board.total).toBe(total);
    expect(fields(lines.slice(4))).toEqual([
      ['1', 'openai/gpt-4o', 'openai', (BIG + 50n).toString(), '100.00', '100', String(board.rows[0]!.changePct), '2', '1', 'false'],
      ['2', 'anthropic/claude-sonnet-4', 'anthropic', '200', '0.00', '300', '-33.33', '1', '-1', 'false'],
      ['3', 'deepseek/deepseek-chat-v3.1:free', 'deepseek', '25', '0.00', '0', '', '', '', 'true'],
    ]);
  });

  it('JSON: the same rows with types, the attribution as fields, totals and ranges', () => {
    const file = modelsDownloadFile(board, { window: 'week' }, live, 'json');
    expect(file.fileName).toBe('tokenboard-models-week-2026-11-29.json');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    const json = JSON.parse(file.body);
    expect(json).toMatchObject({
      citation: 'Source: OpenRouter (openrouter.ai/rankings), as of 2026-11-30T00:00:00.000Z.',
      license: { text: 'Licensed under CC BY 4.0.', url: 'https://creativecommons.org/licenses/by/4.0/' },
      source: 'openrouter',
      dataDay: '2026-11-29',
      asOf: '2026-11-30T00:00:00.000Z',
      query: { window: 'week' },
      range: { start: '2026-11-23', end: '2026-11-29' },
      previousRange: { start: '2026-11-16', end: '2026-11-22' },
      total: board.total.toString(),
      other: '1725',
    });
    expect(json.rows[0]).toEqual({
      rank: 1,
      model_permaslug: 'openai/gpt-4o',
      author: 'openai',
      total_tokens: '9007199254741043',
      share_percent: '100.00',
      previous_total_tokens: '100',
      change_percent: board.rows[0]!.changePct,
      previous_rank: 2,
      movement: 1,
      is_new: false,
    });
    expect(json.rows[2]).toMatchObject({ rank: 3, previous_rank: null, movement: null, change_percent: null, is_new: true });
  });

  it('a calendar month is named by the month alone', () => {
    const month = rangeLeaderboard(history, monthRange('2026-11')!, monthRange('2026-10')!);
    expect(modelsDownloadFile(month, { month: '2026-11' }, live, 'csv').fileName).toBe('tokenboard-models-2026-11.csv');
    expect(JSON.parse(modelsDownloadFile(month, { month: '2026-11' }, live, 'json').body).query).toEqual({ month: '2026-11' });
  });

  it('demo figures carry the demo label and no licence, never OpenRouter’s citation', () => {
    const csv = modelsDownloadFile(board, { window: 'week' }, demo, 'csv').body;
    // The label holds a comma, so it is quoted.
    expect(csvLines(csv).slice(0, 3)).toEqual([`"${DEMO}"`, '', 'rank,model_permaslug,author,total_tokens,share_percent,previous_total_tokens,change_percent,previous_rank,movement,is_new']);
    expect(csv).not.toContain('OpenRouter (');
    const json = JSON.parse(modelsDownloadFile(board, { window: 'week' }, demo, 'json').body);
    expect(json).toMatchObject({ citation: DEMO, license: null, source: 'demo' });
  });
});

describe('app ranking files', () => {
  const row = (rank: number, appName: string, tokens: string, extra: Partial<AppsViewRow> = {}): AppsViewRow => ({
    rank,
    appId: 100 + rank,
    appName,
    tokens,
    requests: 10,
    tokensPerRequest: null,
    shareBp: 5000,
    movement: null,
    isNew: false,
    ...extra,
  });
  const ranking: AppsRanking = {
    dataDay: '2026-11-29',
    range: { start: '2026-10-31', end: '2026-11-29' },
    asOf: '2026-11-30T00:00:00.000Z',
    source: 'openrouter',
    listedTotal: '36893488147419103232',
    comparable: true,
    rows: [
      row(1, '=HYPERLINK("http://evil.example")', '18446744073709551616', { movement: 2, tokensPerRequest: '1844674407370955162' }),
      row(2, 'Build, Test, Ship', '18446744073709551616', { isNew: true }),
    ],
  };
  const view = { sort: 'popular', window: 'month', category: null, subcategory: null } as const;

  it('CSV: every rank, names guarded against formulas, movement for compared views', () => {
    const file = appsDownloadFile(ranking, view, 'csv');
    expect(file.fileName).toBe('tokenboard-apps-popular-month-all-2026-11-29.csv');
    const body = file.body.slice(1);
    expect(body.split('\r\n').slice(0, 4)).toEqual([
      '"Source: OpenRouter (openrouter.ai/apps), as of 2026-11-30T00:00:00.000Z."',
      LICENSE,
      '',
      'rank,app_id,app_name,total_tokens,total_requests,tokens_per_request,share_percent,movement,is_new',
    ]);
    expect(body).toContain(`1,101,"'=HYPERLINK(""http://evil.example"")",18446744073709551616,10,1844674407370955162,50.00,2,false\r\n`);
    expect(body).toContain('2,102,"Build, Test, Ship",18446744073709551616,10,,50.00,,true\r\n');
  });

  it('a filtered view has no movement columns and its filter in the name', () => {
    const file = appsDownloadFile({ ...ranking, comparable: false }, { ...view, sort: 'trending', window: 'week', category: 'coding', subcategory: 'cli-agent' }, 'json');
    expect(file.fileName).toBe('tokenboard-apps-trending-week-cli-agent-2026-11-29.json');
    const json = JSON.parse(file.body);
    expect(json.query).toEqual({ sort: 'trending', window: 'week', category: 'coding', subcategory: 'cli-agent' });
    expect(Object.keys(json.rows[0])).toEqual(['rank', 'app_id', 'app_name', 'total_tokens', 'total_requests', 'tokens_per_request', 'share_percent']);
    // JSON holds the name as sent: the formula guard is for spreadsheets only.
    expect(json.rows[0].app_name).toBe('=HYPERLINK("http://evil.example")');
  });
});

describe('model history files', () => {
  it('every day from the first in a top 50, empty tokens where the model was outside it', () => {
    const profile = modelProfile(history, 'anthropic/claude-sonnet-4', '2026-11-29')!;
    const file = modelHistoryDownloadFile(profile, live, 'csv');
    expect(file.fileName).toBe('tokenboard-model-anthropic-claude-sonnet-4-2026-11-29.csv');
    expect(fields(csvLines(file.body).slice(3))).toEqual([
      ['date', 'rank', 'total_tokens', 'share_percent', 'day_total_tokens'],
      ['2026-11-21', '1', '300', '30.00', '1000'],
      ['2026-11-28', '2', '200', '0.00', (BIG + 1000n).toString()],
      ['2026-11-29', '', '', '', '1000'],
    ]);
    const json = JSON.parse(modelHistoryDownloadFile(profile, live, 'json').body);
    expect(json).toMatchObject({ query: { id: 'anthropic/claude-sonnet-4' }, permaslug: 'anthropic/claude-sonnet-4', author: 'anthropic' });
    expect(json.rows.at(-1)).toEqual({ date: '2026-11-29', rank: null, total_tokens: null, share_percent: null, day_total_tokens: '1000' });
  });
});
