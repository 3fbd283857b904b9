import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { fakeAsOf } from '../../helpers/fake-upstream';
import { fakeOrigin, liveKey, signInWithPassword, STAFF_EMAIL, upstreamAttempts } from './staff-helpers';

async function setAsOfOffset(seconds: number): Promise<void> {
  const response = await fetch(`${fakeOrigin}/__control/config`, { method: 'POST', body: JSON.stringify({ asOfOffsetSeconds: seconds }) });
  expect(response.status).toBe(200);
}

async function health(page: Page) {
  return (await (await page.request.get('/api/health')).json()) as {
    dataDay: string;
    budget: { usedToday: number; partitions: { staff: { used: number; left: number } } };
  };
}

test.afterAll(async () => {
  await setAsOfOffset(0);
});

test('the console shows the running site: live mode, the key redacted, budget and attempts as counted', async ({ page }) => {
  await signInWithPassword(page);
  const stats = (await (await fetch(`${fakeOrigin}/__control/stats`)).json()) as { total: number; requests: { endpoint: string; query: Record<string, string> }[] };
  const { dataDay, budget } = await health(page);

  const site = page.getByRole('region', { name: 'Site' });
  await expect(site.getByText('Live', { exact: true })).toBeVisible();
  await expect(site.getByText(`…${liveKey.slice(-4)}`, { exact: true })).toBeVisible();
  await expect(site.getByText(dataDay, { exact: true })).toBeVisible();

  const budgetRegion = page.getByRole('region', { name: 'Upstream budget' });
  await expect(budgetRegion.getByText(`${budget.usedToday} / 500`, { exact: true })).toBeVisible();

  // Every attempt the fake saw is in the console's list (it keeps the last 200), newest first.
  const attempts = page.getByRole('table', { name: /upstream attempts, newest first/ }).locator('tbody tr');
  await expect(attempts).toHaveCount(Math.min(200, stats.total));
  const newest = stats.requests.at(-1)!;
  await expect(attempts.first().locator('td').nth(0)).toHaveText(newest.endpoint);
  await expect(attempts.first().locator('td').nth(1)).toHaveText(
    Object.entries(newest.query)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}=${value}`)
      .join(' '),
  );

  // The freshness table lists the current month of model history, fetched on this data day (a slice
  // board's open block ends on it too, with its filter named before or after the dates).
  const freshness = page.getByRole('table', { name: /Every dataset the site holds/ });
  const month = freshness.getByRole('row', { name: new RegExp(`rankings-daily end_date=${dataDay} start_date=`) });
  await expect(month).toHaveCount(1);
  await expect(month.getByRole('cell').nth(0)).toHaveText(dataDay);
  await expect(month.getByText('fresh', { exact: true })).toBeVisible();

  const html = await page.content();
  expect(html).not.toContain(liveKey);
});

test('a refresh without a valid CSRF token is refused and spends nothing', async ({ page }) => {
  await signInWithPassword(page);
  const before = await upstreamAttempts();
  const form = page.getByRole('region', { name: 'Refresh now' });
  await form.getByLabel('What to refresh').selectOption({ index: 1 });
  await form.getByLabel(/I want to spend staff budget/).check();

  await page.locator('input[name="csrf"]').evaluate((input) => input.remove());
  await form.getByRole('button', { name: 'Refresh now' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Refused: the form's security token is missing or out of date/);

  await page.reload();
  await form.getByLabel('What to refresh').selectOption({ index: 1 });
  await form.getByLabel(/I want to spend staff budget/).check();
  await page.locator('input[name="csrf"]').evaluate((input) => ((input as HTMLInputElement).value = 'forged-token'));
  await form.getByRole('button', { name: 'Refresh now' }).click();
  await expect(form.getByRole('status')).toHaveText(/^Refused: the form's security token/);

  expect(await upstreamAttempts()).toBe(before);
  await page.reload();
  const audit = page.getByRole('table', { name: /Staff actions/ });
  await expect(audit.getByRole('row').filter({ hasText: 'refused: missing or invalid CSRF token' })).toHaveCount(2);
});

test('refreshing the data day fetches it again on the staff budget and the public pages follow', async ({ page, browser }) => {
  // More datasets than the staff share of a minute (20) are paced: up to a minute of waiting.
  test.setTimeout(180_000);
  await signInWithPassword(page);
  const before = await upstreamAttempts();
  const budgetBefore = (await health(page)).budget.partitions.staff.used;
  const { dataDay } = await health(page);

  // The upstream restates the day: same figures, published an hour later.
  await setAsOfOffset(3600);

  const form = page.getByRole('region', { name: 'Refresh now' });
  const option = form.getByRole('option', { name: new RegExp(`^Whole data day ${dataDay}`) });
  const calls = Number(/— (\d+) calls?$/.exec((await option.textContent()) ?? '')?.[1]);
  expect(calls).toBeGreaterThan(0);
  await form.getByLabel('What to refresh').selectOption('day');

  // Without the confirmation the browser refuses to submit.
  await form.getByRole('button', { name: 'Refresh now' }).click();
  expect(await upstreamAttempts()).toBe(before);

  await form.getByLabel(/I want to spend staff budget/).check();
  await form.getByRole('button', { name: 'Refresh now' }).click();
  await expect(form.getByRole('status')).toHaveText(`Refreshed data day ${dataDay} (${calls} datasets). Pages built from it regenerate on their next request.`, {
    timeout: 150_000,
  });

  expect(await upstreamAttempts()).toBe(before + calls);
  expect((await health(page)).budget.partitions.staff.used).toBe(budgetBefore + calls);
  const restatedAsOf = fakeAsOf(3600);

  // A visitor (no session) sees the restated figures' date on the home page within a few requests.
  const visitor = await browser.newPage();
  await expect(async () => {
    await visitor.goto('/');
    await expect(visitor.getByText(`Source: OpenRouter (openrouter.ai/rankings), as of ${restatedAsOf}.`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await visitor.close();

  await page.reload();
  const audit = page.getByRole('table', { name: /Staff actions/ });
  await expect(audit.getByRole('row').filter({ hasText: `data day ${dataDay} (${calls} datasets): Refreshed` }).first()).toContainText(STAFF_EMAIL);
});

test('the refresh action replayed without a session is denied and spends nothing', async ({ page }) => {
  await signInWithPassword(page);
  const form = page.getByRole('region', { name: 'Refresh now' });
  await form.getByLabel('What to refresh').selectOption({ index: 1 });
  await form.getByLabel(/I want to spend staff budget/).check();
  // Capture the real server action request (its action id, headers and body) as the browser sends it.
  const [actionRequest] = await Promise.all([
    page.waitForRequest((request) => request.method() === 'POST' && request.headers()['next-action'] !== undefined),
    form.getByRole('button', { name: 'Refresh now' }).click(),
  ]);
  // The data day's datasets include the slice boards' open blocks: a refresh may wait out the staff minute.
  await expect(form.getByRole('status')).not.toBeEmpty({ timeout: 120_000 });
  const before = await upstreamAttempts();

  const stranger = await playwrightRequest.newContext();
  const headers = await actionRequest.allHeaders();
  delete headers.cookie;
  const replay = await stranger.post(actionRequest.url(), { headers, data: actionRequest.postDataBuffer() ?? '', maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers().location).toContain('/sign-in?callbackUrl=');
  expect(await replay.text()).not.toContain('Refreshed');
  await stranger.dispose();
  expect(await upstreamAttempts()).toBe(before);
});

test('the API key appears in no staff response except redacted', async ({ page }) => {
  await signInWithPassword(page);
  const responses = await Promise.all([
    page.request.get('/staff'),
    page.request.get('/staff', { headers: { RSC: '1' } }),
    page.request.get('/api/auth/session'),
    page.request.get('/sign-in'),
    page.request.get('/staff/explorer'),
  ]);
  for (const response of responses) {
    expect(response.status(), response.url()).toBe(200);
    expect(await response.text(), response.url()).not.toContain(liveKey);
  }
  expect(await responses[0]!.text()).toContain(`…${liveKey.slice(-4)}`);
});
