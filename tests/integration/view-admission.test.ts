/** @jest-environment node */
import { appsUpstreamRequest, appsViewRequests, UPSTREAM_PAGE } from '../../lib/boards/apps/view-requests';
import type { AppsQuery } from '../../lib/boards/apps/types';
import { createViewAdmission } from '../../lib/datasets/admission';
import { addDays, windowRange, previousWindowRange } from '../../lib/utc-day';
import { createTestDataLayer, type LoggedEvent } from '../helpers/data-layer';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream';

// The admission check middleware.ts asks (lib/view-admission.ts), on the real governor, cache and client
// against the fake upstream: what it reserves is what the view's loads then spend.
let fake: FakeUpstream;

beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  await fake.reset();
});

const view = (q: Partial<AppsQuery>): AppsQuery => ({ sort: 'popular', window: 'month', category: null, subcategory: null, page: 1, pageSize: 25, ...q });

function setup() {
  const layer = createTestDataLayer({ baseUrl: fake.baseUrl, apiKey: fake.key });
  const logs: LoggedEvent[] = [];
  const check = createViewAdmission({
    governor: layer.governor,
    cache: layer.cache,
    waitMs: 0,
    log: (event, fields, level = 'info') => logs.push({ event, level, fields, line: JSON.stringify({ event, ...fields }) }),
  });
  return { ...layer, check, logs };
}

/** Loads a view's pages as lib/boards/apps/view.ts does: offset 0, then offset 100 when the first page is full (else its slot goes back). */
async function loadView(client: ReturnType<typeof setup>['client'], q: AppsQuery, dataDay: string) {
  const ranges = [windowRange(q.window, dataDay), ...(q.category === null ? [previousWindowRange(q.window, dataDay)] : [])];
  for (const range of ranges) {
    const first = await client.get('app-rankings', appsUpstreamRequest(q, range, 0), { partition: 'apps' });
    if (first.rows.length === UPSTREAM_PAGE) await client.get('app-rankings', appsUpstreamRequest(q, range, UPSTREAM_PAGE), { partition: 'apps' });
    else client.release('app-rankings', appsUpstreamRequest(q, range, UPSTREAM_PAGE));
  }
}

/** How many more apps attempts the minute admits now, reservations counted: reserves them to find out. */
async function appsRoom(governor: ReturnType<typeof setup>['governor']): Promise<number> {
  let room = 0;
  while ((await governor.reserve('apps', [`probe-${room}`])).ok) room += 1;
  return room;
}

it('reserves exactly the calls the view then makes, and nothing is left reserved after it', async () => {
  const { client, governor, check } = setup();
  const q = view({ sort: 'trending', window: 'week' });
  expect(await check(appsViewRequests(q, client.dataDay()))).toEqual({ ok: true });
  await loadView(client, q, client.dataDay());
  // An unfiltered view: two windows of two full pages each, every one a reserved key.
  expect((await fake.stats()).total).toBe(4);
  expect(await appsRoom(governor)).toBe(20 - 4);
});

it('a short first page gives back the slot reserved for the page after it', async () => {
  const { client, governor, check } = setup();
  const q = view({ category: 'coding', subcategory: 'cli-agent' });
  expect(await check(appsViewRequests(q, client.dataDay()))).toEqual({ ok: true });
  await loadView(client, q, client.dataDay());
  expect((await fake.stats()).total).toBe(1);
  expect(await appsRoom(governor)).toBe(20 - 1);
});

it('a view held today or yesterday passes; a new one the minute cannot pay is refused, logged once', async () => {
  const { client, governor, check, logs } = setup();
  const dataDay = client.dataDay();
  const held = view({ category: 'creative' });
  await loadView(client, held, dataDay);
  for (let i = 0; i < 19; i += 1) await governor.acquire('apps');
  const cold = view({ category: 'productivity', sort: 'trending' });
  for (let i = 0; i < 3; i += 1) {
    expect(await check(appsViewRequests(cold, dataDay))).toMatchObject({ ok: false, scope: 'minute' });
  }
  expect(await check(appsViewRequests(held, dataDay))).toEqual({ ok: true });
  // The day after, its keys have moved on, but its page is still there to serve while it regenerates.
  expect(await check(appsViewRequests(held, addDays(dataDay, 1)))).toEqual({ ok: true });
  expect(await check(appsViewRequests(held, addDays(dataDay, 2)))).toMatchObject({ ok: false });
  expect(logs.filter((l) => l.event === 'view_admission_refused').map((l) => l.fields)).toEqual([{ partition: 'apps', scope: 'minute', retryAfterSeconds: expect.any(Number) }]);
  expect((await fake.stats()).total).toBe(1);
});

it('a visitor joining a background request that waits for the minute promotes it', async () => {
  const { client, governor } = setup();
  // The background share of the minute (a third) is spent; visitors still have room.
  for (let i = 0; i < 10; i += 1) await governor.acquire('core');
  const window = { startDate: addDays(client.dataDay(), -6), endDate: client.dataDay() };
  let backgroundDone = false;
  const background = client.get('rankings-daily', window, { background: true }).then((result) => ((backgroundDone = true), result));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(backgroundDone).toBe(false);
  expect((await fake.stats()).total).toBe(0);
  const visitor = await client.get('rankings-daily', window);
  expect((await background).rows).toEqual(visitor.rows);
  expect((await fake.stats()).total).toBe(1);
});
