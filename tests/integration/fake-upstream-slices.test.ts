/** @jest-environment node */
import { createHash } from 'node:crypto';
import { FAKE_ENDPOINT_PATHS, startFakeUpstream, type FakeEndpoint, type FakeUpstream } from '../helpers/fake-upstream';

// The most recent completed UTC day is therefore 2026-02-28, a Saturday.
const TODAY = '2026-03-01';
const SECOND_KEY = 'sk-or-second-key';
const WEEK = { start_date: '2026-02-02', end_date: '2026-02-08' };
const MODALITIES = ['text', 'image', 'image_output', 'audio', 'tool_calling'];
const CONTEXT_BUCKETS = ['1K', '10K', '100K', '1M', '10M'];
const CATEGORIES = ['programming', 'roleplay', 'marketing', 'marketing/seo', 'technology', 'science', 'translation', 'legal', 'finance', 'health', 'trivia', 'academia'];
const TURN_RANGES = ['1-turn', '2-9-turns', '10-49-turns', '50-plus-turns'];
const PERMASLUG = /^[a-z0-9-]+\/[a-z0-9.-]+(:[a-z]+)?$/;

interface DailyRow {
  date: string;
  model_permaslug: string;
  total_tokens: string;
}

interface DailyBody {
  data: DailyRow[];
  meta: { as_of: string; start_date: string; end_date: string; version: string };
}

interface SessionCostRow {
  app_name: string;
  app_slug: string;
  median_session_cost_usd: number;
  model_permaslug: string;
  turn_range: string;
}

interface SessionCostBody {
  data: SessionCostRow[];
  meta: { as_of: string; version: string; window_days: number | null; window_end_date: string | null };
}

interface Share {
  usage_share: number;
  token_share: number;
}

interface Classification extends Share {
  tag: string;
  display_name: string;
  macro_category: string;
  category_usage_share: number;
  category_token_share: number;
  models: { id: string; tag_usage_share: number; tag_token_share: number }[];
}

interface ClassificationsBody {
  data: { as_of: string; window_days: number; classifications: Classification[]; macro_categories: (Share & { key: string; label: string })[] };
}

let fake: FakeUpstream;

// Limits high enough for the data tests' many requests; the limit tests lower them with configure.
beforeAll(async () => {
  fake = await startFakeUpstream({ keys: ['sk-or-test-key', SECOND_KEY], today: TODAY, perMinute: 10_000, perDay: 100_000 });
});
afterAll(() => fake?.stop());
beforeEach(() => fake.reset());

type Query = Record<string, string>;

function get(endpoint: FakeEndpoint, query: Query = {}, key: string | null = fake.key) {
  return fetch(`${fake.baseUrl}/${FAKE_ENDPOINT_PATHS[endpoint]}?${new URLSearchParams(query)}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
}

async function ok<Body>(endpoint: FakeEndpoint, query: Query = {}): Promise<Body> {
  const res = await get(endpoint, query);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${endpoint} ${JSON.stringify(query)} answered ${res.status}: ${JSON.stringify(body)}`);
  return body as Body;
}

const daily = (query: Query) => ok<DailyBody>('rankings-daily', query).then((body) => body.data);

async function expectError(res: Response, status: number, mentioning?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(body).toEqual({ error: { code: status, message: expect.any(String) } });
  if (mentioning) expect(body.error.message).toContain(mentioning);
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (iso: string) => isoDay(dayNumber(iso) - ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

function totalsBy(rows: DailyRow[], bucket: (date: string) => string = (date) => date) {
  const totals = new Map<string, bigint>();
  for (const row of rows) totals.set(bucket(row.date), (totals.get(bucket(row.date)) ?? 0n) + BigInt(row.total_tokens));
  return totals;
}

function groupByDate(rows: DailyRow[]) {
  const groups = new Map<string, DailyRow[]>();
  for (const row of rows) groups.set(row.date, [...(groups.get(row.date) ?? []), row]);
  return groups;
}

/** ≤ 50 distinct models sorted by tokens desc (ties alphabetical), then at most one `other`, last. */
function expectBucketShape(rows: DailyRow[]) {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(51);
  const models = rows.filter((row) => row.model_permaslug !== 'other');
  expect(rows.slice(0, models.length)).toEqual(models);
  expect(rows.length - models.length).toBeLessThanOrEqual(1);
  expect(new Set(models.map((row) => row.model_permaslug)).size).toBe(models.length);
  for (let i = 1; i < models.length; i++) {
    const [prev, cur] = [BigInt(models[i - 1]!.total_tokens), BigInt(models[i]!.total_tokens)];
    expect(prev > cur || (prev === cur && models[i - 1]!.model_permaslug < models[i]!.model_permaslug)).toBe(true);
  }
  for (const row of rows) expect(row.total_tokens).toMatch(/^[1-9]\d*$/);
}

describe('rankings-daily filter rules', () => {
  it.each<[string, Query, string]>([
    ['period=day with category', { category: 'programming', period: 'day' }, 'period'],
    ['period=day with language_type', { language_type: 'natural', period: 'day' }, 'period'],
    ['category with language_type', { category: 'legal', language_type: 'natural' }, 'language_type'],
    ['category with modality', { category: 'legal', modality: 'text' }, 'modality'],
    ['category with context_bucket', { category: 'legal', context_bucket: '1K' }, 'context_bucket'],
    ['language_type with modality', { language_type: 'programming', modality: 'audio' }, 'modality'],
    ['language_type with context_bucket, even weekly', { language_type: 'natural', context_bucket: '10K', period: 'week' }, 'context_bucket'],
    ['an unknown modality', { modality: 'video' }, 'modality'],
    ['a modality in the wrong case', { modality: 'Text' }, 'modality'],
    ['an unknown context_bucket', { context_bucket: '2K' }, 'context_bucket'],
    ['an unknown category', { category: 'cooking' }, 'category'],
    ['the app-rankings category "coding"', { category: 'coding' }, 'category'],
    ['an unknown language_type', { language_type: 'klingon' }, 'language_type'],
    ['an unknown period', { period: 'year' }, 'period'],
    ['an empty period', { period: '' }, 'period'],
  ])('rejects %s with 400 naming the parameter', async (_, query, mentioning) => {
    await expectError(await get('rankings-daily', { ...WEEK, ...query }), 400, mentioning);
  });

  it('accepts each value of each filter, and modality with context_bucket', async () => {
    for (const modality of MODALITIES) expect((await get('rankings-daily', { ...WEEK, modality })).status).toBe(200);
    for (const context_bucket of CONTEXT_BUCKETS) expect((await get('rankings-daily', { ...WEEK, context_bucket })).status).toBe(200);
    for (const category of CATEGORIES) expect((await get('rankings-daily', { ...WEEK, category })).status).toBe(200);
    for (const language_type of ['natural', 'programming']) expect((await get('rankings-daily', { ...WEEK, language_type, period: 'month' })).status).toBe(200);
    expect((await get('rankings-daily', { ...WEEK, modality: 'tool_calling', context_bucket: '100K', period: 'week' })).status).toBe(200);
  });
});

describe('rankings-daily without filters', () => {
  // sha256 of the raw response bodies, captured from main at bb8ef8d (before the filters existed) with
  // FAKE_TODAY=2026-03-01: the unfiltered daily answer must stay byte for byte what it was.
  it.each<[Query, number, string]>([
    [{}, 160_527, '91b23916178a5e8b2057774472b8164162b6459b12abc03bc1fe7f9318608a52'],
    [{ start_date: '2025-06-01', end_date: '2025-06-01' }, 5_417, '8c298b7a04575e0a248fad00b56fc7a6a2f5bad32ff2cc8279ac4eb98d0ecea9'],
    [{ start_date: '2025-06-01', end_date: '2025-06-30' }, 158_985, 'c4521cc0937c470a3dc98a2b3593dde76da815d8b7843eaf3c05f2c3ee7f3aa5'],
    [{ start_date: '2025-01-01', end_date: '2025-12-31' }, 1_919_804, 'dff98f98fe2c9ae46902ab5bed7f3244a84cee5944b427ac333f70b3879fe350'],
    [{ start_date: '2025-02-28', end_date: '2026-02-28' }, 1_917_296, 'a654945e87964f0149f0245c2efa25b716869f0528a963a63a347671d1a8c244'],
  ])('%j is byte-identical to the answer before the filters', async (query, length, sha256) => {
    for (const explicit of [query, { ...query, period: 'day' }]) {
      const text = await (await get('rankings-daily', explicit)).text();
      expect(text.length).toBe(length);
      expect(createHash('sha256').update(text).digest('hex')).toBe(sha256);
    }
  });
});

describe('rankings-daily grain', () => {
  it('buckets weeks from Monday, each dated by its Monday, summing only the days inside the window', async () => {
    const window = { start_date: '2025-12-03', end_date: '2026-01-20' }; // a Wednesday to a Tuesday
    const days = await daily(window);
    const weeks = await daily({ ...window, period: 'week' });
    const buckets = groupByDate(weeks);
    expect([...buckets.keys()]).toEqual(['2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22', '2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19']);
    for (const [date, rows] of buckets) {
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(1);
      expectBucketShape(rows);
    }
    expect(totalsBy(weeks)).toEqual(totalsBy(days, mondayOf));

    // A model that is in the daily top 50 on every day of its week has exactly the sum of those days.
    for (const [monday, rows] of buckets) {
      const week = days.filter((row) => mondayOf(row.date) === monday);
      const dayCount = new Set(week.map((row) => row.date)).size;
      for (const row of rows.filter((r) => r.model_permaslug !== 'other')) {
        const seen = week.filter((r) => r.model_permaslug === row.model_permaslug);
        if (seen.length === dayCount) expect(BigInt(row.total_tokens)).toBe(seen.reduce((sum, r) => sum + BigInt(r.total_tokens), 0n));
      }
    }
  });

  it('buckets months by their first day, summing only the days inside the window', async () => {
    const window = { start_date: '2025-11-15', end_date: '2026-02-10' };
    const days = await daily(window);
    const months = await daily({ ...window, period: 'month' });
    const buckets = groupByDate(months);
    expect([...buckets.keys()]).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    for (const rows of buckets.values()) {
      expectBucketShape(rows);
      expect(rows).toHaveLength(51);
      expect(rows[50]!.model_permaslug).toBe('other');
    }
    expect(totalsBy(months)).toEqual(totalsBy(days, monthOf));
  });

  it('keeps the meta block of the window asked', async () => {
    const body = await ok<DailyBody>('rankings-daily', { start_date: '2025-12-03', end_date: '2026-01-20', modality: 'text', period: 'week' });
    expect(body.meta).toEqual({ as_of: '2026-03-01T00:00:00.000Z', start_date: '2025-12-03', end_date: '2026-01-20', version: 'v1' });
  });
});

describe('rankings-daily exact slices (modality, context_bucket)', () => {
  it.each([...MODALITIES.map((value) => ['modality', value]), ...CONTEXT_BUCKETS.map((value) => ['context_bucket', value])])(
    '%s=%s has per-day totals below the unfiltered ones',
    async (name, value) => {
      const unfiltered = await daily(WEEK);
      const all = totalsBy(unfiltered);
      const slice = await daily({ ...WEEK, [name]: value });
      const totals = totalsBy(slice);
      expect([...totals.keys()]).toEqual([...all.keys()]);
      for (const [date, total] of totals) {
        expect(total).toBeGreaterThan(0n);
        expect(total).toBeLessThan(all.get(date)!);
      }
      for (const rows of groupByDate(slice).values()) expectBucketShape(rows);
      // And model by model, wherever the model is in both answers.
      const tokensOf = new Map(unfiltered.map((row) => [`${row.date} ${row.model_permaslug}`, BigInt(row.total_tokens)]));
      for (const row of slice.filter((r) => r.model_permaslug !== 'other')) {
        const whole = tokensOf.get(`${row.date} ${row.model_permaslug}`);
        if (whole !== undefined) expect(BigInt(row.total_tokens)).toBeLessThan(whole);
      }
    },
  );

  it('differs by slice: not every model is in every slice, and the order changes', async () => {
    const day = { start_date: '2026-02-10', end_date: '2026-02-10' };
    const models = async (query: Query) => (await daily({ ...day, ...query })).map((row) => row.model_permaslug).filter((slug) => slug !== 'other');
    const [text, image, imageOutput, toolCalling, huge] = await Promise.all([
      models({ modality: 'text' }),
      models({ modality: 'image' }),
      models({ modality: 'image_output' }),
      models({ modality: 'tool_calling' }),
      models({ context_bucket: '10M' }),
    ]);
    expect(text).toHaveLength(50);
    expect(text.some((slug) => !image.includes(slug))).toBe(true);
    expect(imageOutput.length).toBeGreaterThan(0);
    expect(imageOutput.length).toBeLessThan(10);
    expect(huge.length).toBeLessThan(10);
    expect(toolCalling.slice(0, 10)).not.toEqual(text.slice(0, 10));
  });

  it('omits other when the slice has no long tail', async () => {
    const rows = await daily({ ...WEEK, context_bucket: '10M' });
    for (const bucket of groupByDate(rows).values()) expect(bucket.some((row) => row.model_permaslug === 'other')).toBe(false);
  });

  it('combines modality and context_bucket into a slice of both', async () => {
    const query = { ...WEEK, modality: 'tool_calling', context_bucket: '100K' };
    const both = totalsBy(await daily(query));
    const modality = totalsBy(await daily({ ...WEEK, modality: 'tool_calling' }));
    const context = totalsBy(await daily({ ...WEEK, context_bucket: '100K' }));
    expect(both.size).toBe(7);
    for (const [date, total] of both) {
      expect(total).toBeGreaterThan(0n);
      expect(total).toBeLessThan(modality.get(date)!);
      expect(total).toBeLessThan(context.get(date)!);
    }
    const weekly = await daily({ ...query, period: 'week' });
    expect([...totalsBy(weekly).values()]).toEqual([[...both.values()].reduce((a, b) => a + b, 0n)]);
  });

  it('answers the same rows to the same request', async () => {
    const query = { start_date: '2025-10-01', end_date: '2026-01-31', modality: 'image', context_bucket: '10K', period: 'month' };
    const first = await (await get('rankings-daily', query)).text();
    expect(await (await get('rankings-daily', query)).text()).toBe(first);
    expect(await (await get('rankings-daily', query, SECOND_KEY)).text()).toBe(first);
  });
});

describe('rankings-daily sampled slices (category, language_type)', () => {
  it('defaults to weeks that start inside the window, the last one running past end_date', async () => {
    const window = { start_date: '2026-01-07', end_date: '2026-02-18' }; // a Wednesday to a Wednesday
    const weeks = await daily({ ...window, category: 'programming' });
    const buckets = groupByDate(weeks);
    expect([...buckets.keys()]).toEqual(['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    for (const rows of buckets.values()) expectBucketShape(rows);
    expect(weeks).toEqual(await daily({ ...window, category: 'programming', period: 'week' }));

    // The trailing week is whole: ending the window on that week's Sunday changes nothing.
    const toSunday = await daily({ ...window, end_date: '2026-02-22', category: 'programming' });
    expect(toSunday).toEqual(weeks);
    const shorter = await daily({ ...window, end_date: '2026-02-15', category: 'programming' });
    expect([...groupByDate(shorter).keys()].at(-1)).toBe('2026-02-09');
  });

  it.each([...CATEGORIES.map((value) => ['category', value]), ['language_type', 'natural'], ['language_type', 'programming']])(
    '%s=%s has weekly totals below the unfiltered ones of the whole week',
    async (name, value) => {
      const window = { start_date: '2026-01-26', end_date: '2026-02-18' };
      const all = totalsBy(await daily({ start_date: '2026-01-26', end_date: '2026-02-22' }), mondayOf);
      const totals = totalsBy(await daily({ ...window, [name]: value }));
      expect([...totals.keys()]).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
      for (const [monday, total] of totals) {
        expect(total).toBeGreaterThan(0n);
        expect(total).toBeLessThan(all.get(monday)!);
      }
    },
  );

  it('has narrower categories below wider ones, and the two language types together below everything', async () => {
    const window = { start_date: '2026-02-02', end_date: '2026-02-08' };
    const total = async (query: Query) => [...totalsBy(await daily({ ...window, ...query })).values()].reduce((a, b) => a + b, 0n);
    expect(await total({ category: 'marketing/seo' })).toBeLessThan(await total({ category: 'marketing' }));
    const languages = (await total({ language_type: 'natural' })) + (await total({ language_type: 'programming' }));
    expect(languages).toBeLessThan(await total({}));
  });

  it('groups weeks into months by the month they start in', async () => {
    const window = { start_date: '2025-12-01', end_date: '2026-02-28' };
    const weeks = await daily({ ...window, category: 'legal' });
    const months = await daily({ ...window, category: 'legal', period: 'month' });
    expect([...groupByDate(months).keys()]).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    for (const rows of groupByDate(months).values()) expectBucketShape(rows);
    expect(totalsBy(months)).toEqual(totalsBy(weeks, monthOf));
  });

  it('has some models missing from some categories', async () => {
    const models = async (category: string) => new Set((await daily({ ...WEEK, category })).map((row) => row.model_permaslug));
    const programming = await models('programming');
    const roleplay = await models('roleplay');
    expect([...roleplay].some((slug) => !programming.has(slug))).toBe(true);
    expect([...programming].some((slug) => !roleplay.has(slug))).toBe(true);
  });

  it('answers the same rows to the same request', async () => {
    const query = { start_date: '2025-09-01', end_date: '2026-02-28', language_type: 'programming', period: 'month' };
    expect(await daily(query)).toEqual(await daily(query));
  });
});

describe('session-cost', () => {
  const all = () => ok<SessionCostBody>('session-cost', { limit: '500' });

  it('has the documented rows and meta, 100 rows by default', async () => {
    const body = await ok<SessionCostBody>('session-cost');
    expect(body.meta).toEqual({ as_of: '2026-02-23T00:00:00.000Z', version: 'v1', window_days: 28, window_end_date: '2026-02-22' });
    expect(body.data).toHaveLength(100);
    for (const row of body.data) {
      expect(Object.keys(row).sort()).toEqual(['app_name', 'app_slug', 'median_session_cost_usd', 'model_permaslug', 'turn_range']);
      expect(row.app_slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(row.app_name).not.toBe('');
      expect(row.model_permaslug).toMatch(PERMASLUG);
      expect(TURN_RANGES).toContain(row.turn_range);
      expect(typeof row.median_session_cost_usd).toBe('number');
      expect(Number.isFinite(row.median_session_cost_usd) && row.median_session_cost_usd >= 0).toBe(true);
    }
  });

  it('covers a handful of harnesses and a few dozen models from rankings-daily, not every cell', async () => {
    const { data, meta } = await all();
    const harnesses = new Set(data.map((row) => row.app_slug));
    const models = new Set(data.map((row) => row.model_permaslug));
    expect(harnesses.has('hermes-agent')).toBe(true);
    expect(harnesses.size).toBeGreaterThanOrEqual(5);
    expect(models.size).toBeGreaterThanOrEqual(24);
    expect(data.length).toBeLessThan(harnesses.size * models.size * TURN_RANGES.length);
    expect(data.length).toBeGreaterThan(100);
    expect(new Set(data.map((row) => `${row.app_slug} ${row.model_permaslug} ${row.turn_range}`)).size).toBe(data.length);

    const windowStart = isoDay(dayNumber(meta.window_end_date!) - meta.window_days! + 1);
    const ranked = new Set((await daily({ start_date: windowStart, end_date: meta.window_end_date! })).map((row) => row.model_permaslug));
    for (const model of models) expect(ranked).toContain(model);

    const costs = data.map((row) => row.median_session_cost_usd);
    expect(Math.min(...costs.filter((cost) => cost > 0))).toBeLessThan(0.05);
    expect(Math.max(...costs)).toBeGreaterThan(10);
    expect(Math.max(...costs)).toBeLessThan(100);
    // Longer sessions cost more for the same harness and model.
    const cost = (row: SessionCostRow, turnRange: string) =>
      data.find((r) => r.app_slug === row.app_slug && r.model_permaslug === row.model_permaslug && r.turn_range === turnRange)?.median_session_cost_usd;
    for (const row of data.filter((r) => r.turn_range === '1-turn' && r.median_session_cost_usd > 0)) {
      const longer = cost(row, '10-49-turns');
      if (longer !== undefined) expect(longer).toBeGreaterThan(row.median_session_cost_usd);
    }
  });

  it('pages with limit and offset over one stable order', async () => {
    const { data } = await all();
    expect(data.length).toBeLessThan(500);
    const page = await ok<SessionCostBody>('session-cost', { limit: '50', offset: '50' });
    expect(page.data).toEqual(data.slice(50, 100));
    const pages: SessionCostRow[] = [];
    for (let offset = 0; offset < data.length; offset += 100) pages.push(...(await ok<SessionCostBody>('session-cost', { offset: String(offset) })).data);
    expect(pages).toEqual(data);
    expect((await ok<SessionCostBody>('session-cost', { offset: String(data.length) })).data).toEqual([]);
    expect((await ok<SessionCostBody>('session-cost', { offset: '5000', limit: '1' })).data).toEqual([]);
  });

  it('filters by app_slug, model and turn_range, together or alone', async () => {
    const { data } = await all();
    const hermes = await ok<SessionCostBody>('session-cost', { app_slug: 'hermes-agent', limit: '500' });
    expect(hermes.data.length).toBeGreaterThan(0);
    expect(hermes.data).toEqual(data.filter((row) => row.app_slug === 'hermes-agent'));

    const model = hermes.data[0]!.model_permaslug;
    const byModel = await ok<SessionCostBody>('session-cost', { model, limit: '500' });
    expect(new Set(byModel.data.map((row) => row.app_slug)).size).toBeGreaterThan(1);
    expect(byModel.data).toEqual(data.filter((row) => row.model_permaslug === model));

    const query = { app_slug: 'hermes-agent', model, turn_range: '2-9-turns' };
    expect((await ok<SessionCostBody>('session-cost', query)).data).toEqual(
      data.filter((row) => row.app_slug === 'hermes-agent' && row.model_permaslug === model && row.turn_range === '2-9-turns'),
    );
    const longest = await ok<SessionCostBody>('session-cost', { turn_range: '50-plus-turns', limit: '10', offset: '5' });
    expect(longest.data).toEqual(data.filter((row) => row.turn_range === '50-plus-turns').slice(5, 15));

    expect((await ok<SessionCostBody>('session-cost', { app_slug: 'no-such-harness' })).data).toEqual([]);
    expect((await ok<SessionCostBody>('session-cost', { model: 'openai/no-such-model' })).data).toEqual([]);
  });

  it.each<[string, Query, string]>([
    ['limit 0', { limit: '0' }, 'limit'],
    ['limit 501', { limit: '501' }, 'limit'],
    ['limit 2.5', { limit: '2.5' }, 'limit'],
    ['offset -1', { offset: '-1' }, 'offset'],
    ['offset 5001', { offset: '5001' }, 'offset'],
    ['an unknown turn_range', { turn_range: '3-turns' }, 'turn_range'],
    ['an empty app_slug', { app_slug: '' }, 'app_slug'],
    ['an unknown parameter', { start_date: '2026-02-01' }, 'start_date'],
  ])('rejects %s with 400 naming the parameter', async (_, query, mentioning) => {
    await expectError(await get('session-cost', query), 400, mentioning);
  });

  it('accepts the boundaries', async () => {
    expect((await get('session-cost', { limit: '1', offset: '0' })).status).toBe(200);
    expect((await get('session-cost', { limit: '500', offset: '5000' })).status).toBe(200);
  });

  it('answers an unpublished snapshot with empty data and null window, until reset', async () => {
    await fake.configure({ sessionCostPublished: false });
    const body = await ok<SessionCostBody>('session-cost', { app_slug: 'hermes-agent' });
    expect(body).toEqual({ data: [], meta: { as_of: expect.any(String), version: 'v1', window_days: null, window_end_date: null } });
    expect(Number.isNaN(Date.parse(body.meta.as_of))).toBe(false);
    await expectError(await get('session-cost', { turn_range: 'many' }), 400, 'turn_range');
    await fake.configure({ sessionCostPublished: true });
    expect((await ok<SessionCostBody>('session-cost')).meta.window_days).toBe(28);
    await fake.configure({ sessionCostPublished: false });
    await fake.reset();
    expect((await ok<SessionCostBody>('session-cost')).data).toHaveLength(100);
  });

  it('answers the same rows to the same request', async () => {
    expect(await all()).toEqual(await all());
  });
});

describe('task classifications', () => {
  const fraction = (value: number) => {
    expect(typeof value).toBe('number');
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  };
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // Fractions with six decimals: sums may overshoot 1 by float rounding only.
  const atMostOne = (value: number) => expect(value).toBeLessThanOrEqual(1 + 1e-9);

  it('has the documented body for the last 7 days, window=7d being the default', async () => {
    const body = await ok<ClassificationsBody>('task-classifications');
    expect(await ok<ClassificationsBody>('task-classifications', { window: '7d' })).toEqual(body);
    expect(Object.keys(body)).toEqual(['data']);
    const { data } = body;
    expect(Object.keys(data).sort()).toEqual(['as_of', 'classifications', 'macro_categories', 'window_days']);
    expect(data.as_of).toBe('2026-02-28');
    expect(data.window_days).toBe(7);
    expect(data.classifications.length).toBeGreaterThanOrEqual(8);
    expect(new Set(data.classifications.map((c) => c.tag)).size).toBe(data.classifications.length);
    for (const c of data.classifications) {
      expect(c.tag).toMatch(/^(code|data|agent|general):[a-z_]+$/);
      expect(c.tag.startsWith(`${c.macro_category}:`)).toBe(true);
      expect(c.display_name).not.toBe('');
    }
    expect(data.macro_categories.map((m) => m.key).sort()).toEqual(['agent', 'code', 'data', 'general']);
    for (const m of data.macro_categories) expect(m.label).not.toBe('');
  });

  it('has shares within [0, 1] that sum to at most 1 within their groups', async () => {
    const { data } = await ok<ClassificationsBody>('task-classifications');
    for (const key of ['usage_share', 'token_share'] as const) {
      atMostOne(sum(data.classifications.map((c) => c[key])));
      atMostOne(sum(data.macro_categories.map((m) => m[key])));
      expect(sum(data.classifications.map((c) => c[key]))).toBeGreaterThan(0.99);
    }
    for (const c of data.classifications) {
      [c.usage_share, c.token_share, c.category_usage_share, c.category_token_share].forEach(fraction);
      expect(c.category_usage_share).toBeGreaterThanOrEqual(c.usage_share);
      expect(c.models.length).toBeGreaterThan(0);
      expect(new Set(c.models.map((m) => m.id)).size).toBe(c.models.length);
      for (const m of c.models) {
        expect(m.id).toMatch(PERMASLUG);
        [m.tag_usage_share, m.tag_token_share].forEach(fraction);
      }
      atMostOne(sum(c.models.map((m) => m.tag_usage_share)));
      atMostOne(sum(c.models.map((m) => m.tag_token_share)));
      const usage = c.models.map((m) => m.tag_usage_share);
      expect(usage).toEqual([...usage].sort((a, b) => b - a));
    }
    for (const m of data.macro_categories) {
      const tags = data.classifications.filter((c) => c.macro_category === m.key);
      expect(tags.length).toBeGreaterThan(0);
      expect(m.usage_share).toBeCloseTo(sum(tags.map((c) => c.usage_share)), 5);
      expect(m.token_share).toBeCloseTo(sum(tags.map((c) => c.token_share)), 5);
      atMostOne(sum(tags.map((c) => c.category_usage_share)));
      atMostOne(sum(tags.map((c) => c.category_token_share)));
    }
  });

  it.each<[string, Query]>([
    ['window=30d', { window: '30d' }],
    ['window=7', { window: '7' }],
    ['an empty window', { window: '' }],
  ])('rejects %s with 400 naming window', async (_, query) => {
    await expectError(await get('task-classifications', query), 400, 'window');
  });

  it('rejects an unknown parameter with 400 naming it', async () => {
    await expectError(await get('task-classifications', { start_date: '2026-02-01' }), 400, 'start_date');
  });

  it('answers the same body to the same request', async () => {
    const first = await (await get('task-classifications')).text();
    expect(await (await get('task-classifications', {}, SECOND_KEY)).text()).toBe(first);
  });
});

describe('the new operations share auth, limits, faults and the request log', () => {
  const slice = { ...WEEK, modality: 'text' };

  it('rejects a missing or unknown key with 401', async () => {
    await expectError(await get('session-cost', {}, null), 401);
    await expectError(await get('session-cost', {}, 'sk-or-wrong'), 401);
    await expectError(await get('task-classifications', {}, 'sk-or-wrong'), 401);
    await expectError(await get('rankings-daily', slice, 'sk-or-wrong'), 401);
  });

  it('counts every operation against one per-key minute, 400s included, 401s not', async () => {
    await fake.configure({ perMinute: 4 });
    expect((await get('session-cost', {}, 'sk-or-wrong')).status).toBe(401);
    expect((await get('session-cost')).status).toBe(200);
    expect((await get('task-classifications', { window: '30d' })).status).toBe(400);
    expect((await get('rankings-daily', slice)).status).toBe(200);
    expect((await get('app-rankings')).status).toBe(200);
    const res = await get('task-classifications');
    await expectError(res, 429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await get('task-classifications', {}, SECOND_KEY)).status).toBe(200);
  });

  it('counts every operation against the account day across keys', async () => {
    await fake.configure({ perDay: 3 });
    expect((await get('session-cost')).status).toBe(200);
    expect((await get('task-classifications', {}, SECOND_KEY)).status).toBe(200);
    expect((await get('rankings-daily', { ...WEEK, category: 'legal' })).status).toBe(200);
    await expectError(await get('session-cost', {}, SECOND_KEY), 429);
  });

  it('answers injected faults on one operation only when targeted', async () => {
    await fake.fault({ type: '503', endpoint: 'session-cost' });
    await expectError(await get('session-cost'), 503);
    expect((await get('task-classifications')).status).toBe(200);
    await fake.fault({ type: '500', endpoint: 'task-classifications', times: 1 });
    await expectError(await get('task-classifications'), 500);
    expect((await get('task-classifications')).status).toBe(200);
    await fake.fault({ type: '429', retryAfter: 9 });
    const res = await get('rankings-daily', slice);
    await expectError(res, 429);
    expect(res.headers.get('retry-after')).toBe('9');
  });

  it('drifts each body into a changed schema', async () => {
    await fake.fault({ type: 'drift' });
    const cost = await (await get('session-cost')).json();
    expect(cost.meta.as_of).toBeUndefined();
    expect(typeof cost.data[0].median_session_cost_usd).toBe('string');
    const tasks = await (await get('task-classifications')).json();
    expect(tasks.data.as_of).toBeUndefined();
    expect(typeof tasks.data.classifications[0].usage_share).toBe('string');
    const sliced = await (await get('rankings-daily', slice)).json();
    expect(typeof sliced.data[0].total_tokens).toBe('number');
  });

  it('answers malformed JSON and timeouts on the new operations too', async () => {
    await fake.fault({ type: 'malformed', times: 1 });
    const text = await (await get('task-classifications')).text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    await fake.fault({ type: 'timeout', times: 1 });
    await expect(
      fetch(`${fake.baseUrl}/datasets/session-cost`, { headers: { authorization: `Bearer ${fake.key}` }, signal: AbortSignal.timeout(300) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('records each attempt by operation name, but not peeks', async () => {
    await fake.peek('session-cost', {});
    await fake.peek('task-classifications', {});
    await get('session-cost', { limit: '5' });
    await get('task-classifications', { window: '30d' });
    await get('rankings-daily', slice, null);
    const stats = await fake.stats();
    expect(stats.byEndpoint).toEqual({ 'app-rankings': 0, 'rankings-daily': 1, 'session-cost': 1, 'task-classifications': 1 });
    expect(stats.requests.map((r) => [r.endpoint, r.query, r.status])).toEqual([
      ['session-cost', { limit: '5' }, 200],
      ['task-classifications', { window: '30d' }, 400],
      ['rankings-daily', slice, 401],
    ]);
  });

  it('peeks exactly what a request gets, at the path of the operation', async () => {
    for (const [endpoint, query] of [
      ['session-cost', { app_slug: 'hermes-agent' }],
      ['task-classifications', {}],
      ['rankings-daily', { ...WEEK, category: 'finance', period: 'month' }],
    ] as [FakeEndpoint, Query][]) {
      expect(await fake.peek(endpoint, query)).toEqual({ status: 200, body: await (await get(endpoint, query)).json() });
    }
    expect((await fake.peek('task-classifications', { window: '30d' })).status).toBe(400);
  });
});
