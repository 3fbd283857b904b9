import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { liveKey, oidcLogins, setAllowlistFile, signInWithPassword, signInWithSso, SSO_STAFF_EMAIL, STAFF_EMAIL } from './staff-helpers';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

let anonymous: APIRequestContext;

test.beforeAll(async () => {
  expect(process.env.STAFF_TEST_PASSWORD).toBeTruthy();
  anonymous = await playwrightRequest.newContext({ baseURL: BASE });
});

test.afterAll(async () => {
  await setAllowlistFile([SSO_STAFF_EMAIL]);
  await anonymous.dispose();
});

test('anonymous visitors are sent to sign-in, and the staff API answers 401 JSON', async () => {
  const page = await anonymous.get('/staff', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(new URL(page.headers().location ?? '', BASE).href).toBe(`${BASE}/sign-in?callbackUrl=%2Fstaff`);
  expect(page.headers()['cache-control']).toContain('no-store');

  const api = await anonymous.get('/api/staff/explorer?dataset=models&format=json', { maxRedirects: 0 });
  expect(api.status()).toBe(401);
  expect(api.headers()['content-type']).toContain('application/json');
  expect(await api.json()).toEqual({ error: { code: 401, message: 'Sign in as staff to use this endpoint.' } });
});

test('the sign-in page is not indexed, and a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await page.getByLabel('Email').fill(STAFF_EMAIL);
  await page.getByLabel('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That email and password do not match a staff account.' })).toBeVisible();
  expect((await page.request.get('/staff', { maxRedirects: 0 })).status()).toBe(307);
});

test('staff sign in with a password and reach the console; the session cookie is HttpOnly and SameSite', async ({ page, context }) => {
  await signInWithPassword(page);
  await expect(page.getByText(`Signed in as ${STAFF_EMAIL}`)).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name === 'tokenboard.session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // A short session: the configured 60 minutes, not next-auth's default 30 days.
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(60 * 60_000 + 5_000);
  expect(session!.expires * 1000 - Date.now()).toBeGreaterThan(50 * 60_000);
});

test('staff sign in through a real OpenID Connect provider', async ({ page }) => {
  const before = await oidcLogins();
  await signInWithSso(page, SSO_STAFF_EMAIL);
  await expect(page.getByRole('heading', { level: 1, name: 'Staff console' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${SSO_STAFF_EMAIL}`)).toBeVisible();
  expect(await oidcLogins()).toEqual([...before, SSO_STAFF_EMAIL]);
});

test('signed in but not on the allowlist: 403 page and 403 JSON', async ({ page }) => {
  await signInWithSso(page, 'carol@elsewhere.example');
  const response = await page.reload();
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'No access to the staff view' })).toBeVisible();
  await expect(page.getByText('Staff console')).toHaveCount(0);
  const api = await page.request.get('/api/staff/explorer?dataset=models&format=json');
  expect(api.status()).toBe(403);
  expect((await api.json()).error.message).toBe('Your account is not on the staff allowlist.');
});

test('removing someone from the allowlist file denies their next request, with the session still valid', async ({ page }) => {
  await signInWithSso(page, SSO_STAFF_EMAIL);
  expect((await page.reload())?.status()).toBe(200);

  await setAllowlistFile(['# bob left the team']);
  expect((await page.reload())?.status()).toBe(403);
  expect((await page.request.get('/api/staff/explorer?dataset=models&format=json')).status()).toBe(403);

  await setAllowlistFile([SSO_STAFF_EMAIL]);
  expect((await page.reload())?.status()).toBe(200);
});

// Each probe must end anywhere but the console: sign-in redirect, 401/403/404, never staff content.
const PAGE_PROBES: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'x-middleware-subrequest: middleware', path: '/staff', headers: { 'x-middleware-subrequest': 'middleware' } },
  { name: 'x-middleware-subrequest repeated 5 times', path: '/staff', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } },
  { name: 'x-middleware-subrequest src/ variant', path: '/staff', headers: { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' } },
  { name: 'x-middleware-subrequest pages/_middleware', path: '/staff', headers: { 'x-middleware-subrequest': 'pages/_middleware' } },
  { name: '/staff.rsc', path: '/staff.rsc' },
  { name: 'RSC: 1 header', path: '/staff', headers: { RSC: '1' } },
  { name: 'RSC prefetch headers', path: '/staff', headers: { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
  { name: 'trailing slash', path: '/staff/' },
  { name: 'percent-encoded s', path: '/%73taff' },
  { name: 'percent-encoded a', path: '/st%61ff' },
  { name: 'upper case', path: '/STAFF' },
  { name: 'explorer, percent-encoded slash', path: '/staff%2Fexplorer' },
  { name: 'double slash', path: '//staff' },
];

const API_PROBES: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'API with x-middleware-subrequest', path: '/api/staff/explorer?dataset=models&format=json', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } },
  { name: 'API trailing slash', path: '/api/staff/explorer/?dataset=models&format=json' },
  { name: 'API percent-encoded', path: '/api/%73taff/explorer?dataset=models&format=json' },
];

test('bypass probes without a session are all denied', async () => {
  const observed: string[] = [];
  for (const probe of [...PAGE_PROBES, ...API_PROBES]) {
    // Absolute, so `//staff` stays a path rather than becoming a host.
    const response = await anonymous.get(`${BASE}${probe.path}`, { headers: probe.headers ?? {}, maxRedirects: 0 });
    const status = response.status();
    const body = await response.text();
    observed.push(`${probe.name}: ${status} ${response.headers().location ?? ''}`.trim());
    expect(body, probe.name).not.toContain('Staff console');
    expect(body, probe.name).not.toContain(liveKey);
    if (status === 307 || status === 308) {
      const location = response.headers().location ?? '';
      // Either straight to sign-in, or a normalising redirect whose target is itself gated.
      if (!location.includes('/sign-in?callbackUrl=')) {
        const next = await anonymous.get(new URL(location, BASE).href, { maxRedirects: 0 });
        expect([307, 401], `${probe.name} → ${location}`).toContain(next.status());
        expect(await next.text(), probe.name).not.toContain('Staff console');
      }
    } else {
      expect([401, 403, 404], probe.name).toContain(status);
    }
  }
  console.log(`bypass probes:\n  ${observed.join('\n  ')}`);
});
