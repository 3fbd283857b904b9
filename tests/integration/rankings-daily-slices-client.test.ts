/** @jest-environment node */
import { rmSync } from 'node:fs';
import type { ModelDay } from '../../lib/datasets/endpoints';
import { CATEGORIES, CONTEXT_BUCKETS, LANGUAGE_TYPES, MODALITIES, PERIODS } from '../../lib/datasets/endpoints/rankings-daily/values';
import { InvalidParamsError } from '../../lib/datasets/errors';
import { createTestDataLayer, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

// The fake's last completed UTC day is 2026-02-28; the client's clock agrees (its data day is the same).
const TODAY = '2026-03-01';
const NOW = new Date(`${TODAY}T06:00:00Z`);
const WEEK = { startDate: '2026-02-02', endDate: '2026-02-08' };
const YEAR = { startDate: '2025-02-28', endDate: '2026-02-28' };

type Input = Record<string, string>;

let fake: FakeUpstream;
const dataDirs: string[] = [];

beforeAll(async () => {
  fake = await startFakeUpstream({ today: TODAY, perMinute: 100_000, perDay: 1_000_000 });
});
afterAll(async () => {
  await fake?.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

function layer() {
  const dataDir = tempDataDir();
  dataDirs.push(dataDir);
  return createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key, dataDir, perMinute: 100_000, perDay: 1_000_000, now: () => NOW });
}

const withPeriod = (period: string | undefined, filters: Input): Input => ({ ...filters, ...(period ? { period } : {}) });

/**
 * Every request the site could plausibly send over a window: unfiltered, each filter value at each period it
 * allows (period left out and given explicitly), and each modality with each context bucket.
 */
function requests(window: Input): Input[] {
  const list: Input[] = [];
  for (const period of [undefined, ...PERIODS]) {
    list.push(withPeriod(period, window));
    for (const modality of MODALITIES) list.push(withPeriod(period, { ...window, modality }));
    for (const contextBucket of CONTEXT_BUCKETS) list.push(withPeriod(period, { ...window, contextBucket }));
    for (const modality of MODALITIES) {
      for (const contextBucket of CONTEXT_BUCKETS) list.push(withPeriod(period, { ...window, modality, contextBucket }));
    }
    if (period === 'day') continue;
    for (const category of CATEGORIES) list.push(withPeriod(period, { ...window, category }));
    for (const languageType of LANGUAGE_TYPES) list.push(withPeriod(period, { ...window, languageType }));
  }
  return list;
}

function expectGrain(input: Input, rows: readonly ModelDay[]) {
  const estimated = input.category !== undefined || input.languageType !== undefined;
  const period = input.period ?? (estimated ? 'week' : 'day');
  const wrong = rows.filter(
    (row) =>
      row.period !== (period === 'day' ? undefined : period) ||
      row.estimated !== (estimated ? true : undefined) ||
      (period === 'week' && new Date(`${row.date}T00:00:00Z`).getUTCDay() !== 1) ||
      (period === 'month' && !row.date.endsWith('-01')) ||
      (estimated && row.totalTokens % 1_000_000n !== 0n),
  );
  expect(wrong).toEqual([]);
}

describe('every request the site could send is one the upstream accepts', () => {
  it.each<[string, Input]>([
    ['a week', WEEK],
    ['366 days', YEAR],
  ])('over %s: the fake answers 200 to each, once per distinct request, and the client parses every body', async (_label, window) => {
    const { client } = layer();
    const inputs = requests(window);
    expect(inputs).toHaveLength(4 * 36 + 3 * 14);
    let withRows = 0;
    for (const input of inputs) {
      const dataset = await client.get('rankings-daily', input);
      expect(dataset.meta).toMatchObject({ startDate: window.startDate, endDate: window.endDate, version: 'v1' });
      expectGrain(input, dataset.rows);
      if (dataset.rows.length > 0) withRows += 1;
    }
    // Some pairs have no model in common and no long tail (image_output × 10M): a 200 with no rows.
    expect(withRows).toBeGreaterThan(inputs.length * 0.9);

    const { requests: seen, byStatus } = await fake.stats();
    expect(byStatus).toEqual({ 200: seen.length });
    expect(seen.filter((request) => request.status === 400)).toHaveLength(0);
    // A period left out and the same period given are one request: one key, one upstream call.
    const exactOnly = inputs.filter((input) => !input.category && !input.languageType);
    const sampled = inputs.length - exactOnly.length;
    expect(seen).toHaveLength((exactOnly.length * 3) / 4 + (sampled * 2) / 3);
    for (const { query } of seen) {
      expect(query.period).not.toBe('day');
      if (query.category || query.language_type) expect(['week', 'month']).toContain(query.period);
      expect(Object.keys(query).filter((name) => !['start_date', 'end_date', 'period', 'modality', 'context_bucket', 'category', 'language_type'].includes(name))).toEqual([]);
    }
  }, 120_000);

  it('sends an unfiltered request exactly as before the slices', async () => {
    const { client } = layer();
    await client.get('rankings-daily', WEEK);
    await client.get('rankings-daily', { ...WEEK, period: 'day' });
    const { requests: seen } = await fake.stats();
    expect(seen.map((request) => request.query)).toEqual([{ start_date: '2026-02-02', end_date: '2026-02-08' }]);
  });
});

describe('what the site refuses costs no upstream call, and the upstream would refuse it too', () => {
  // [input, the parameter named, the same request as the upstream spells it (null: no upstream spelling)]
  it.each<[string, Input, string, Input | null]>([
    ['period=day with category', { category: 'programming', period: 'day' }, 'period', { category: 'programming', period: 'day' }],
    ['period=day with languageType', { languageType: 'natural', period: 'day' }, 'period', { language_type: 'natural', period: 'day' }],
    ['category with languageType', { category: 'legal', languageType: 'natural' }, 'languageType', { category: 'legal', language_type: 'natural' }],
    ['category with modality', { category: 'legal', modality: 'text' }, 'modality', { category: 'legal', modality: 'text' }],
    ['category with contextBucket', { category: 'legal', contextBucket: '1K' }, 'contextBucket', { category: 'legal', context_bucket: '1K' }],
    ['languageType with modality', { languageType: 'programming', modality: 'audio' }, 'modality', { language_type: 'programming', modality: 'audio' }],
    [
      'languageType with contextBucket, weekly',
      { languageType: 'natural', contextBucket: '10K', period: 'week' },
      'contextBucket',
      { language_type: 'natural', context_bucket: '10K', period: 'week' },
    ],
    ['an unknown period', { period: 'year' }, 'period', { period: 'year' }],
    ['an unknown modality', { modality: 'video' }, 'modality', { modality: 'video' }],
    ['an unknown context bucket', { contextBucket: '2K' }, 'contextBucket', { context_bucket: '2K' }],
    ['an app-rankings category', { category: 'coding' }, 'category', { category: 'coding' }],
    ['an unknown language type', { languageType: 'klingon' }, 'languageType', { language_type: 'klingon' }],
    ['a 367-day window of a slice', { modality: 'text', startDate: '2025-02-27' }, 'startDate', { modality: 'text', start_date: '2025-02-27' }],
    ['the upstream spelling of a parameter', { context_bucket: '1K' }, 'context_bucket', null],
  ])('%s', async (_label, input, param, upstream) => {
    const { client } = layer();
    const request = { ...YEAR, ...input };
    const refused = await client.get('rankings-daily', request).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidParamsError);
    expect((refused as InvalidParamsError).param).toBe(param);
    expect((await fake.stats()).total).toBe(0);

    if (upstream) {
      const answer = await fake.peek('rankings-daily', { start_date: YEAR.startDate, end_date: YEAR.endDate, ...upstream });
      expect(answer.status).toBe(400);
    }
  });
});
