import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_CATEGORIES } from '../../../lib/datasets/endpoints/app-rankings/values';
import { startFakeUpstream, type FakeUpstream } from '../../helpers/fake-upstream';
import { startNextServer, type NextServer } from '../../helpers/next-server';

// The way it happens: a server starts on an empty DATA_DIR (its warm-up has the whole model history to
// fetch), and visitors ask for views nobody has fetched yet at once. No answer may be a 500: each is a
// 200, or a 503 with Retry-After and the friendly page. Each start gets a fake upstream of its own, so
// the upstream's per-key limit counts only this server's calls (and the suite's server keeps its own).
const PORT = Number(process.env.E2E_PORT ?? 3100) + 60;

async function coldStart(quota?: (now: number) => object): Promise<{ server: NextServer; fake: FakeUpstream }> {
  const fake = await startFakeUpstream({ keys: [`sk-or-cold-${Date.now()}`] });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tokenboard-cold-budget-'));
  if (quota) writeFileSync(path.join(dataDir, 'quota.json'), JSON.stringify(quota(Date.now())));
  try {
    const server = await startNextServer(PORT, { DATA_DIR: dataDir, OPENROUTER_API_KEY: fake.key, OPENROUTER_BASE_URL: fake.baseUrl });
    return { server, fake };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

/** The minute as a build leaves it when the server starts right after: `n` core attempts 5 s ago. */
const spentByBuild = (n: number) => (now: number) => {
  const hours = () => Array.from({ length: 24 }, () => 0);
  const hourly = { core: hours(), apps: hours(), staff: hours() };
  hourly.core[new Date(now).getUTCHours()] = n;
  return {
    day: new Date(now).toISOString().slice(0, 10),
    dayCounts: { core: n, apps: 0, staff: 0 },
    recent: Array.from({ length: n }, () => ({ at: now - 5_000, partition: 'core' })),
    hourly,
    blockedUntil: 0,
    lastSuccessAt: null,
  };
};

interface Answer {
  url: string;
  status: number;
  retryAfter: string | null;
  body: string;
  /** Rendered now, not an ISR page an earlier run of this build left behind. */
  rendered: boolean;
}

async function ask(origin: string, url: string): Promise<Answer> {
  const response = await fetch(`${origin}${url}`, { redirect: 'manual' });
  const cache = response.headers.get('x-nextjs-cache');
  return { url, status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text(), rendered: cache !== 'HIT' && cache !== 'STALE' };
}

function expectNo500(answers: Answer[]): void {
  for (const answer of answers) {
    expect([200, 503], answer.url).toContain(answer.status);
    if (answer.status === 503) {
      expect(Number(answer.retryAfter), answer.url).toBeGreaterThan(0);
      expect(answer.body, answer.url).toContain('Temporarily unavailable');
      expect(answer.body, answer.url).toContain('Please try again in');
    }
  }
}

test('right after a start, the first visitors never pay for the warm-up', async () => {
  test.setTimeout(3 * 60_000);
  const urls = ['/apps?sort=trending', '/apps/coding/cli-agent', '/apps?page=2'];
  for (let round = 1; round <= 3; round += 1) {
    // The build's calls still fill a third of the minute: the warm-up may take none of it until they age out.
    const { server, fake } = await coldStart(spentByBuild(10));
    try {
      const answers = await Promise.all(urls.map((url) => ask(server.origin, url)));
      console.log(`cold start ${round}: ${answers.map((a) => `${a.url} ${a.status}`).join(', ')}`);
      expectNo500(answers);
      // The three views fit the visitors' share together, whatever order they arrive in (4 + 4 + 1 calls).
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const calls = (await fake.stats()).requests;
      expect(calls.filter((r) => r.endpoint === 'rankings-daily')).toHaveLength(0);
      expect(calls.every((r) => r.status === 200)).toBe(true);
      // Later rounds serve the pages rendered in the first (ISR), so only the first pays for them.
      if (answers.every((a) => a.rendered)) expect(calls.filter((r) => r.endpoint === 'app-rankings')).toHaveLength(9);
    } finally {
      await server.stop();
      await fake.stop();
    }
  }
});

test('57 never-fetched category views at once, as a crawler walking the sitemap: 200 or 503, never 500, logged once', async () => {
  test.setTimeout(2 * 60_000);
  const filters = Object.entries(APP_CATEGORIES).flatMap(([category, subcategories]) => [`/apps/${category}`, ...subcategories.map((s) => `/apps/${category}/${s}`)]);
  // Trending in every window: views no other spec renders.
  const urls = ['day', 'week', 'month'].flatMap((window) => filters.map((filter) => `${filter}?sort=trending&window=${window}`));
  expect(urls).toHaveLength(57);
  const { server, fake } = await coldStart();
  try {
    const answers = await Promise.all(urls.map((url) => ask(server.origin, url)));
    const tally = answers.reduce<Record<number, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});
    const calls = (await fake.stats()).requests;
    const history = calls.filter((r) => r.endpoint === 'rankings-daily').length;
    const apps = calls.filter((r) => r.endpoint === 'app-rankings').length;
    console.log(`57 cold views at once: ${JSON.stringify(tally)}; upstream: ${apps} app-rankings, ${history} rankings-daily (warm-up)`);
    expectNo500(answers);
    expect(tally[200]).toBeGreaterThan(0);
    // Never past the minute: the warm-up within its third, each admitted view one call (their pages are short).
    expect(history).toBeLessThanOrEqual(10);
    // (Views an earlier run of this build rendered are served from ISR and may regenerate in the background.)
    if (answers.every((a) => a.status !== 200 || a.rendered)) expect(apps).toBe(tally[200]);
    expect(apps + history).toBeLessThanOrEqual(20);
    expect(calls.every((r) => r.status === 200)).toBe(true);
    const refusals = server.output().split('\n').filter((line) => line.includes('"event":"view_admission_refused"'));
    expect(refusals).toHaveLength(tally[503] ? 1 : 0);
    expect(server.output()).not.toMatch(/"event":"(?:regeneration|request)_failed"/);
  } finally {
    await server.stop();
    await fake.stop();
  }
});
