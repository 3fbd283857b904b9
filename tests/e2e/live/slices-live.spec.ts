import { expect, test } from '@playwright/test';
import type { FakeRequest } from './apps-views';
import { fakeRequests } from './apps-views';

// The slice boards against the fake upstream: figures recomputed from the upstream's own rows, the
// citation with its as_of, repeat visits at no cost, no request the upstream refuses, and addresses that
// name nothing answered before anything is fetched.
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';

interface PeekRow {
  date: string;
  model_permaslug: string;
  total_tokens: string;
}

async function peek(query: Record<string, string>): Promise<{ data: PeekRow[]; meta: { as_of: string } }> {
  return (await fetch(`${fakeOrigin}/__control/peek/datasets/rankings-daily?${new URLSearchParams(query)}`)).json();
}

/** The Sunday ending the last ISO week completed on `day`. */
function lastSunday(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() - date.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
}

const minusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Models by tokens summed over the rows, `other` left out, ties by permaslug. */
function ranked(rows: readonly PeekRow[]): string[] {
  const totals = new Map<string, bigint>();
  for (const row of rows) if (row.model_permaslug !== 'other') totals.set(row.model_permaslug, (totals.get(row.model_permaslug) ?? 0n) + BigInt(row.total_tokens));
  return [...totals].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1)).map(([slug]) => slug);
}

// A board's first load needs a few calls; the suite's earlier specs (the hub's 24 among them) may have
// filled the minute, when the site would rightly answer 503: start once the minute window has room.
test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  for (let i = 0; i < 100; i += 1) {
    const { budget } = (await (await request.get('/api/health')).json()) as { budget: { usedThisMinute: number } };
    if (budget.usedThisMinute <= 5) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
});

const sliceRequests = (requests: readonly FakeRequest[]) =>
  requests.filter((r) => r.endpoint === 'rankings-daily' && ['category', 'language_type', 'context_bucket', 'modality'].some((name) => name in r.query));

test('an address that names no slice board answers 404 (or 400 naming the parameter) with no upstream call', async ({ request }) => {
  const before = (await fakeRequests()).length;
  for (const path of ['/rankings/use-case/nope', '/rankings/context/1m?window=year', '/rankings/use-case/legal?window=day', '/og/rankings/use-case/nope', '/embed/rankings?slice=use-case/nope', '/api/rankings/nope/nothing']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const path of ['/api/rankings/use-case/legal?window=day', '/download/slices.csv?slice=use-case/nope', '/download/slices.json?slice=context/1m&window=year']) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
  expect((await fakeRequests()).length).toBe(before);
});

test('a board shows the upstream`s figures with the citation, and a second visit costs nothing', async ({ page, request }) => {
  const dataDay = ((await (await request.get('/api/health')).json()) as { dataDay: string }).dataDay;
  const sunday = lastSunday(dataDay);
  const monday = minusDays(sunday, 6);

  // An exact slice: the last completed week's daily rows, summed per model.
  const exact = await peek({ start_date: monday, end_date: sunday, context_bucket: '1M' });
  const exactBoard = (await (await request.get('/api/rankings/context/1m')).json()) as { rows: { permaslug: string; tokens: string }[]; estimated: boolean; meta: { asOf: string } };
  expect(exactBoard.estimated).toBe(false);
  expect(exactBoard.rows.map((r) => r.permaslug)).toEqual(ranked(exact.data));

  // A sampled slice: the week's estimate, one row per model.
  const sampled = await peek({ start_date: monday, end_date: sunday, category: 'programming', period: 'week' });
  const sampledBoard = (await (await request.get('/api/rankings/use-case/programming')).json()) as { rows: { permaslug: string }[]; estimated: boolean };
  expect(sampledBoard.estimated).toBe(true);
  expect(sampledBoard.rows.map((r) => r.permaslug)).toEqual(ranked(sampled.data.filter((row) => row.date === monday)));

  await page.goto('/rankings/context/1m');
  await expect(page.getByText('Demo data — synthetic, not from OpenRouter')).toHaveCount(0);
  await expect(page.getByText(/^Source: OpenRouter \(openrouter\.ai\/rankings\), as of /).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Licensed under CC BY 4.0.' }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: /^Models by tokens, 1M context/ }).getByRole('rowheader').first().getByRole('link')).toHaveAttribute(
    'title',
    exactBoard.rows[0]!.permaslug,
  );

  expect((await request.get('/rankings')).status()).toBe(200);
  const before = (await fakeRequests()).length;
  for (const path of ['/rankings', '/rankings/context/1m', '/rankings/context/1m?window=30-days', '/rankings/use-case/programming', '/api/rankings/context/1m', '/download/slices.csv?slice=context/1m']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  expect((await fakeRequests()).length).toBe(before);
  // Every slice request the site made is one the upstream accepted.
  expect(sliceRequests(await fakeRequests()).filter((r) => r.status !== 200)).toEqual([]);
});
