import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';

// The suite runner starts this server with DATA_SETTLE_MINUTES set so that the data day turns over about
// two minutes after the build: pages are built for the old day, then the upstream fails as the new day
// arrives, then it recovers. No clock is faked: this is the production code path.
const fakeOrigin = process.env.FAKE_ORIGIN ?? '';

async function control(path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${fakeOrigin}/__control/${path}`, {
    method: body === undefined ? 'DELETE' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

async function dataDayOfPage(request: APIRequestContext, path: string): Promise<{ status: number; day: string | undefined; cache: string | undefined }> {
  const response = await request.get(path);
  const html = await response.text();
  return {
    status: response.status(),
    day: /Data through <time dateTime="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1],
    cache: response.headers()['x-nextjs-cache'],
  };
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

test('an upstream outage at the data-day change keeps the last good pages; recovery needs no restart', async ({ request }) => {
  test.setTimeout(6 * 60_000);
  const built = await dataDayOfPage(request, '/models?window=week');
  expect(built.status).toBe(200);
  const oldDay = built.day!;
  expect(oldDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await control('fault', { type: '500' });
  const health = await waitFor(
    async () => (await (await request.get('/api/health')).json()) as { dataDay: string },
    (h) => h.dataDay !== oldDay,
    4 * 60_000,
  );
  expect(health.dataDay > oldDay).toBe(true);
  const before = (await (await fetch(`${fakeOrigin}/__control/stats`)).json()).total as number;

  // Once the page is past its revalidate time, a request is answered STALE and triggers a regeneration,
  // which fails: every answer meanwhile is the last good page.
  const seen: string[] = [];
  await waitFor(
    async () => {
      const page = await dataDayOfPage(request, '/models?window=week');
      expect(page.status).toBe(200);
      expect(page.day).toBe(oldDay);
      seen.push(page.cache ?? 'none');
      return page;
    },
    (page) => page.cache === 'STALE' && seen.filter((c) => c === 'STALE').length >= 3,
    3 * 60_000,
  );
  expect(seen.filter((c) => c === 'STALE').length).toBeGreaterThanOrEqual(3);
  const home = await dataDayOfPage(request, '/');
  expect(home).toMatchObject({ status: 200, day: oldDay });

  // Regeneration attempts reached the upstream, but boundedly: no retry storm.
  const during = (await (await fetch(`${fakeOrigin}/__control/stats`)).json()).total as number;
  expect(during).toBeGreaterThan(before);
  expect(during - before).toBeLessThanOrEqual(12);

  await control('fault');
  const recovered = await waitFor(() => dataDayOfPage(request, '/models?window=week'), (p) => p.day === health.dataDay, 3 * 60_000);
  expect(recovered).toMatchObject({ status: 200, day: health.dataDay });
});

test('a cold start during an outage answers 503 with Retry-After, then serves once the upstream is back', async ({ request }) => {
  test.setTimeout(3 * 60_000);
  const port = 3101;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tokenboard-cold-'));
  await control('fault', { type: '503' });
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: path.resolve(__dirname, '../../..'),
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const health = await waitFor(
      () => request.get(`${base}/api/health`).catch(() => null),
      (response) => response !== null && response.status() === 503,
      60_000,
    );
    expect(health?.status()).toBe(503);

    for (const pathname of ['/', '/models?window=week', '/models/openai/gpt-4o-2024-05-13']) {
      const response = await request.get(`${base}${pathname}`);
      expect(response.status(), pathname).toBe(503);
      expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
      expect(await response.text()).toContain('Temporarily unavailable');
    }
    const api = await request.get(`${base}/api/models`);
    expect(api.status()).toBe(503);
    expect((await api.json()).error.message).toMatch(/not available yet/);

    await control('fault');
    const recovered = await waitFor(() => dataDayOfPage(request, `${base}/models?window=week`), (p) => p.status === 200, 120_000);
    expect(recovered.status).toBe(200);
    expect(recovered.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  } finally {
    server.kill('SIGTERM');
  }
});
