import { expect, test } from '@playwright/test';

// Live mode: the production build talks to the fake upstream (FAKE_ORIGIN) with a recognisable key.
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';
const key = process.env.OPENROUTER_API_KEY ?? '';

async function upstreamAttempts(): Promise<number> {
  const response = await fetch(`${fakeOrigin}/__control/stats`);
  return ((await response.json()) as { total: number }).total;
}

test.beforeAll(() => {
  expect(fakeOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(key).toMatch(/^sk-or-e2e-/);
});

test('the home page publishes live figures with the required citation and licence', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Demo data — synthetic, not from OpenRouter')).toHaveCount(0);

  const dataDay = (await (await page.request.get('/api/health')).json()).dataDay as string;
  const start = new Date(Date.parse(`${dataDay}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  const expected = await fetch(`${fakeOrigin}/__control/peek/datasets/rankings-daily?start_date=${start}&end_date=${dataDay}`);
  const { data, meta } = (await expected.json()) as { data: { model_permaslug: string; total_tokens: string }[]; meta: { as_of: string } };

  await expect(page.getByText(`Source: OpenRouter (openrouter.ai/rankings), as of ${meta.as_of}.`).first()).toBeVisible();
  await expect(page.getByText(/^Source: OpenRouter \(openrouter\.ai\/apps\), as of /)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Licensed under CC BY 4.0.' }).first()).toBeVisible();

  // The 30-day top 10, recomputed here from the raw upstream rows.
  const totals = new Map<string, bigint>();
  for (const row of data) {
    if (row.model_permaslug !== 'other') totals.set(row.model_permaslug, (totals.get(row.model_permaslug) ?? 0n) + BigInt(row.total_tokens));
  }
  const top10 = [...totals.entries()]
    .sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1))
    .slice(0, 10)
    .map(([slug]) => slug);
  const table = page.getByRole('table', { name: /Top 10 models by tokens/ });
  // Rows show model names; each name links to its model with the permaslug as the link's title.
  await expect(table.getByRole('rowheader')).toHaveCount(10);
  expect(await table.locator('tbody th a').evaluateAll((links) => links.map((a) => a.getAttribute('title')))).toEqual(top10);
});

test('visitors do not reach the upstream: pages are served from cache', async ({ page, request }) => {
  const before = await upstreamAttempts();
  for (let i = 0; i < 5; i += 1) {
    expect((await page.goto('/'))?.status()).toBe(200);
    expect((await request.get('/api/health')).status()).toBe(200);
  }
  expect(await upstreamAttempts()).toBe(before);
});

test('health reports live mode and the budget spent, never the key', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toContain(key);
  const body = JSON.parse(text);
  expect(body).toMatchObject({ status: 'ok', mode: 'live', circuit: 'closed', hasCachedData: true });
  expect(body.lastSuccessfulUpstreamCall).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(body.budget.usedToday).toBe(await upstreamAttempts());
});
