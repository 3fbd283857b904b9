import { expect, test } from '@playwright/test';

const fakeOrigin = process.env.FAKE_ORIGIN ?? '';

async function rankingsDailyCalls(): Promise<number> {
  const stats = (await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { byEndpoint: Record<string, number> };
  return stats.byEndpoint['rankings-daily'] ?? 0;
}

test('every model view, window and 20 model pages are served without a single upstream call', async ({ page, request }) => {
  // A model page says where the model ranks: every slice's last week, which the hub reads (and holds) too.
  expect((await request.get('/rankings')).status()).toBe(200);
  const before = await rankingsDailyCalls();
  const board = await (await request.get('/api/models?window=year')).json();
  const models = (board.rows as { permaslug: string }[]).slice(0, 20).map((r) => r.permaslug);
  expect(models).toHaveLength(20);

  const paths = ['/', '/models', ...['day', 'week', 'quarter', 'year'].map((w) => `/models?window=${w}`), ...models.map((m) => `/models/${m}`)];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  for (const window of ['day', 'week', 'month', 'quarter', 'year']) {
    expect((await request.get(`/api/models?window=${window}`)).status()).toBe(200);
  }
  await page.goto('/models/nobody/unknown-model');
  expect(await rankingsDailyCalls()).toBe(before);
});

test('model pages carry the rankings citation with the upstream as_of, and the licence', async ({ page, request }) => {
  const health = await (await request.get('/api/health')).json();
  const peek = await (await fetch(`${fakeOrigin}/__control/peek/datasets/rankings-daily?start_date=${health.dataDay}&end_date=${health.dataDay}`)).json();
  const citation = `Source: OpenRouter (openrouter.ai/rankings), as of ${peek.meta.as_of}.`;

  await page.goto('/models?window=week');
  await expect(page.getByText(citation).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Licensed under CC BY 4.0.' }).first()).toBeVisible();

  const top = peek.data[0].model_permaslug as string;
  await page.goto(`/models/${top}`);
  // The heading names the model as readers know it; the permaslug is spelled out under it.
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  await expect(page.getByRole('main').locator('code').first()).toHaveText(top);
  await expect(page.getByText(citation).first()).toBeVisible();

  const json = await (await request.get('/api/models?window=day')).json();
  expect(json.citation).toBe(citation);
  expect(json.license).toEqual({ text: 'Licensed under CC BY 4.0.', url: 'https://creativecommons.org/licenses/by/4.0/' });
  expect(json.rows.map((r: { permaslug: string; tokens: string }) => [r.permaslug, r.tokens])).toEqual(
    peek.data.filter((r: { model_permaslug: string }) => r.model_permaslug !== 'other').map((r: { model_permaslug: string; total_tokens: string }) => [r.model_permaslug, r.total_tokens]),
  );
});
