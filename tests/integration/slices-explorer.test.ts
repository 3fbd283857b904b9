/** @jest-environment node */
import { rmSync } from 'node:fs';
import { exploreSlicesWith, slicesExplorerTable } from '../../lib/boards/slices/explore';
import { readExplorerQuery } from '../../lib/staff/explorer/query';
import type { ExplorerQuery } from '../../lib/boards';
import { createTestDataLayer, tempDataDir } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

// The fake's last completed UTC day is Saturday 2026-02-28; the client's data day is the same.
const TODAY = '2026-03-01';
const DATA_DAY = '2026-02-28';
const NOW = new Date(`${TODAY}T06:00:00Z`);

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

/** The staff explorer's query for a search string, as the page reads it. */
function slicesQuery(search: string): Extract<ExplorerQuery, { dataset: 'slices' }> {
  const input = readExplorerQuery(new URLSearchParams(search), DATA_DAY);
  if (!input.ok || input.query.dataset !== 'slices') throw new Error(`not a slices query: ${search}`);
  return input.query;
}

/** Sum of a fake body's token strings, `other` included, per date. */
function totalsOf(body: { data: { date: string; total_tokens: string }[] }): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const row of body.data) totals.set(row.date, (totals.get(row.date) ?? 0n) + BigInt(row.total_tokens));
  return totals;
}

describe('the staff explorer over a slice, through the real client to the fake upstream', () => {
  it('a sampled slice: one weekly request for the whole ISO weeks inside the window, every figure an estimate', async () => {
    const { client } = layer();
    const query = slicesQuery('dataset=slices&start=2026-02-01&end=2026-02-28&slice=use-case%2Fmarketing-seo');
    const result = await exploreSlicesWith(client, query);

    const { requests } = await fake.stats();
    expect(requests.map((r) => [r.endpoint, r.status, r.query])).toEqual([
      ['rankings-daily', 200, { start_date: '2026-02-02', end_date: '2026-02-22', period: 'week', category: 'marketing/seo' }],
    ]);
    const { body } = await fake.peek('rankings-daily', { start_date: '2026-02-02', end_date: '2026-02-22', period: 'week', category: 'marketing/seo' });
    const totals = totalsOf(body);
    expect([...totals.keys()]).toEqual(['2026-02-02', '2026-02-09', '2026-02-16']);

    expect(result).toMatchObject({ dataset: 'slices', query, grain: 'week', estimated: true, range: { start: '2026-02-02', end: '2026-02-22' }, bucketsCovered: 3, dataDay: DATA_DAY });
    expect(result.total).toBe([...totals.values()].reduce((a, b) => a + b, 0n));
    expect(result.rows.length).toBeGreaterThan(1);
    expect(result.rows.reduce((sum, row) => sum + row.tokens, result.other)).toBe(result.total);

    const table = slicesExplorerTable(result);
    expect(table.columns).toEqual(['rank', 'model_permaslug', 'author', 'total_tokens', 'share_percent', 'estimated']);
    expect(table.rows.every((row) => row.estimated === true && /^\d+$/.test(String(row.total_tokens)))).toBe(true);
    expect(table.rows.at(-1)).toMatchObject({ rank: null, model_permaslug: 'other', total_tokens: result.other.toString() });
  });

  it('an exact slice: one daily request for the window as given; repeating it costs nothing', async () => {
    const { client } = layer();
    const query = slicesQuery('dataset=slices&start=2026-02-10&end=2026-02-12&slice=context%2F1m');
    const result = await exploreSlicesWith(client, query);
    await exploreSlicesWith(client, query);

    const { requests } = await fake.stats();
    expect(requests.map((r) => r.query)).toEqual([{ start_date: '2026-02-10', end_date: '2026-02-12', context_bucket: '1M' }]);
    const { body } = await fake.peek('rankings-daily', { start_date: '2026-02-10', end_date: '2026-02-12', context_bucket: '1M' });
    expect(result).toMatchObject({ grain: 'day', estimated: false, range: { start: '2026-02-10', end: '2026-02-12' }, bucketsCovered: 3 });
    expect(result.total).toBe([...totalsOf(body).values()].reduce((a, b) => a + b, 0n));
    expect(slicesExplorerTable(result).rows.every((row) => row.estimated === false)).toBe(true);
  });
});
