import { expect, test } from '@playwright/test';

// `npm run serve` on a fresh machine configures no staff sign-in: every staff route stays closed.
test('without staff sign-in configured, the staff view is closed and says why', async ({ page, request }) => {
  const redirect = await request.get('/staff', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toMatch(/\/sign-in\?callbackUrl=%2Fstaff$/);

  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: 'Staff sign-in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/Staff sign-in is not configured on this deployment/);
  await expect(page.getByRole('button', { name: /Sign in/ })).toHaveCount(0);

  const api = await request.get('/api/staff/explorer?dataset=models&format=csv');
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe(401);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /staff');
  expect(robots).toContain('Disallow: /sign-in');
});
