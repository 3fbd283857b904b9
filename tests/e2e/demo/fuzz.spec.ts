import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';

// Property-based fuzzing of every public JSON route, download and page route: 10,000 generated requests in all.
// Demo mode, so the "upstream" is the local demo source; every call to it still passes the governor
// and is counted in /api/health's budget, which is how "invalid input costs nothing" is measured.

const APP_PARAMS = ['sort', 'window', 'category', 'subcategory', 'page', 'pageSize'] as const;
const VALID: Record<(typeof APP_PARAMS)[number], readonly string[]> = {
  sort: ['popular', 'trending'],
  window: ['day', 'week', 'month'],
  category: ['coding', 'creative', 'productivity', 'entertainment'],
  subcategory: ['cli-agent', 'image-gen', 'roleplay', 'legal'],
  page: ['1', '2', '4', '8'],
  pageSize: ['25', '50'],
};
const CATEGORY_OF: Record<string, string> = { 'cli-agent': 'coding', 'image-gen': 'creative', roleplay: 'entertainment', legal: 'productivity' };
const MODEL_WINDOWS = ['day', 'week', 'month', 'quarter', 'year'];

// Values that look almost right, break parsers, or are simply hostile.
const TRICKY = ['', ' ', 'Popular', 'popular ', 'MONTH', '0', '-1', '1.5', '1e3', '0x1', '01', '9', '99999', '²', 'null', 'undefined', '[]', '{}', '%', '%ZZ', '../', '<script>', "'; drop table", '💥', 'ü', '\u0000', 'a'.repeat(300)];

const value = (valid: readonly string[]) =>
  fc.oneof(
    ...(valid.length > 0 ? [fc.constantFrom(...valid)] : []),
    fc.constantFrom(...TRICKY),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );

type Pair = [string, string];

/** A query string as a list of pairs: known names and others, valid and invalid values, repeats. */
function queryArbitrary(names: readonly string[], valid: Record<string, readonly string[]>): fc.Arbitrary<Pair[]> {
  const pair = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), value(valid[name] ?? []))) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('Sort', 'window[]', 'page ', 'utm_source')), value([])) },
  );
  return fc.array(pair, { maxLength: 5 });
}

/** The documented rules of GET /api/apps, written independently of the site's validator. */
function appsQueryIsValid(pairs: Pair[]): boolean {
  const seen = new Map<string, string>();
  for (const [name, val] of pairs) {
    if (!(APP_PARAMS as readonly string[]).includes(name) || seen.has(name)) return false;
    seen.set(name, val);
  }
  for (const [name, val] of seen) {
    if (name === 'page' || name === 'subcategory') continue;
    if (!VALID[name as keyof typeof VALID].includes(val)) return false;
  }
  const subcategory = seen.get('subcategory');
  if (subcategory !== undefined) {
    // Own keys only: fast-check's strings include 'valueOf', 'constructor' and other Object.prototype names.
    if (!Object.hasOwn(CATEGORY_OF, subcategory)) return false;
    if (seen.has('category') && seen.get('category') !== CATEGORY_OF[subcategory]) return false;
  }
  const page = seen.get('page');
  if (page !== undefined) {
    const pages = 200 / Number(seen.get('pageSize') ?? '25');
    if (!/^[1-9]\d{0,2}$/.test(page) || Number(page) > pages) return false;
  }
  return true;
}

function modelsQueryIsValid(pairs: Pair[]): boolean {
  return pairs.every(([name]) => name === 'window') && pairs.length <= 1 && pairs.every(([, val]) => MODEL_WINDOWS.includes(val));
}

// Downloads (`/download/<table>.<csv|json>`): the apps views without page/pageSize (a file holds every
// rank), and the model leaderboard of a window or of a complete calendar month since 2025-01.
const DOWNLOAD_APP_PARAMS = APP_PARAMS.filter((name) => name !== 'page' && name !== 'pageSize');
// Complete whatever the data day (the suite runs after 2026-01); and months that never are.
const COMPLETE_MONTHS = ['2025-01', '2025-02', '2025-12', '2026-01'];
const DOWNLOAD_MONTHS = [...COMPLETE_MONTHS, '2024-12', '2099-01', '2025-13', '2025-1', '2025-00'];
const DOWNLOAD_MODEL_VALID = { window: MODEL_WINDOWS, month: DOWNLOAD_MONTHS };

function appsDownloadQueryIsValid(pairs: Pair[]): boolean {
  return pairs.every(([name]) => name !== 'page' && name !== 'pageSize') && appsQueryIsValid(pairs);
}

function modelsDownloadQueryIsValid(pairs: Pair[]): boolean {
  if (pairs.length > 1) return false; // a repeat, or window and month together
  return pairs.every(([name, val]) => (name === 'window' && MODEL_WINDOWS.includes(val)) || (name === 'month' && COMPLETE_MONTHS.includes(val)));
}

const downloadFormat = fc.constantFrom('csv', 'json');

/** A download URL and whether the documented rules accept it. */
const downloadArbitrary = fc.oneof(
  fc.tuple(downloadFormat, queryArbitrary(DOWNLOAD_APP_PARAMS, VALID)).map(([format, pairs]) => ({
    url: `/download/apps.${format}?${toSearch(pairs)}`,
    valid: appsDownloadQueryIsValid(delivered(pairs)),
  })),
  fc.tuple(downloadFormat, queryArbitrary(['window', 'month'], DOWNLOAD_MODEL_VALID)).map(([format, pairs]) => ({
    url: `/download/models.${format}?${toSearch(pairs)}`,
    valid: modelsDownloadQueryIsValid(delivered(pairs)),
  })),
);

const toSearch = (pairs: Pair[]) => new URLSearchParams(pairs).toString();

/**
 * The query the site receives: Next 16 drops a `__proto__` parameter while parsing the URL, before
 * middleware or any route sees it (checked: `?__proto__=1&a=2` reaches a handler as `?a=2`), so the
 * documented rules apply to the rest. fast-check's strings include `__proto__` on purpose.
 */
const delivered = (pairs: Pair[]): Pair[] => pairs.filter(([name]) => name !== '__proto__');

async function demoCalls(request: APIRequestContext): Promise<number> {
  return (await (await request.get('/api/health')).json()).budget.usedToday as number;
}

async function expectRefused(response: Awaited<ReturnType<APIRequestContext['get']>>, url: string): Promise<void> {
  expect(response.status(), url).toBe(400);
  const body = (await response.json()) as { error?: { code?: number; message?: unknown } };
  expect(body.error?.code, url).toBe(400);
  expect(typeof body.error?.message === 'string' && body.error.message.length > 0, url).toBe(true);
}

test.describe.configure({ timeout: 300_000 });

test('4,000 invalid API queries: each a 400 with a message, and not one call to the data source', async ({ request }) => {
  const before = await demoCalls(request);
  const invalid = fc.oneof(
    queryArbitrary(APP_PARAMS, VALID).filter((pairs) => !appsQueryIsValid(delivered(pairs))).map((pairs) => `/api/apps?${toSearch(pairs)}`),
    queryArbitrary(['window'], { window: MODEL_WINDOWS }).filter((pairs) => !modelsQueryIsValid(delivered(pairs))).map((pairs) => `/api/models?${toSearch(pairs)}`),
    downloadArbitrary.filter(({ valid }) => !valid).map(({ url }) => url),
  );
  await fc.assert(
    fc.asyncProperty(invalid, async (url) => {
      await expectRefused(await request.get(url), url);
    }),
    { numRuns: 4000 },
  );
  expect(await demoCalls(request)).toBe(before);
});

test('4,000 arbitrary API queries: 200 exactly when the documented rules allow it, otherwise 400, never 5xx', async ({ request }) => {
  const any = fc.oneof(
    queryArbitrary(APP_PARAMS, VALID).map((pairs) => ({ url: `/api/apps?${toSearch(pairs)}`, valid: appsQueryIsValid(delivered(pairs)) })),
    queryArbitrary(['window'], { window: MODEL_WINDOWS }).map((pairs) => ({ url: `/api/models?${toSearch(pairs)}`, valid: modelsQueryIsValid(delivered(pairs)) })),
    downloadArbitrary,
  );
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(any, async ({ url, valid }) => {
      const response = await request.get(url);
      if (valid) {
        expect(response.status(), url).toBe(200);
        accepted += 1;
      } else {
        await expectRefused(response, url);
      }
    }),
    { numRuns: 4000 },
  );
  console.log(`arbitrary API queries: ${accepted} of 4,000 valid`);
  expect(accepted).toBeGreaterThan(0);
});

const segment = fc.oneof(
  fc.constantFrom('coding', 'creative', 'image-gen', 'cli-agent', 'roleplay', 'openai', 'gpt-4o', 'anthropic', 'claude-3.5-sonnet:free', 'v', 'window', 'month', '..', '.', '%2F', '%ZZ', '%00', '💥', 'a'.repeat(200)),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

const pagePath = fc.oneof(
  fc.tuple(fc.constantFrom('/models', '/apps', '/models/window', '/apps/v', '/models/archive', '/embed', '/embed/v/models'), fc.array(segment, { maxLength: 4 })).map(([base, parts]) => [base, ...parts].join('/')),
  fc.tuple(fc.constantFrom('/embed/models', '/embed/apps'), queryArbitrary(['sort', 'window', 'top', 'theme'], { ...VALID, top: ['1', '10', '50'], theme: ['light', 'dark', 'auto'] })).map(([base, pairs]) => `${base}?${toSearch(pairs)}`),
  fc.tuple(fc.constantFrom('/models', '/apps', '/apps/coding', '/apps/creative/image-gen'), queryArbitrary([...APP_PARAMS], VALID)).map(([base, pairs]) => `${base}?${toSearch(pairs)}`),
);

test('2,000 arbitrary page URLs under /models, /apps and /embed: a page or a 404, never 5xx', async ({ request }) => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(pagePath, async (url) => {
      const response = await request.get(url);
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      expect([200, 404], url).toContain(response.status());
    }),
    { numRuns: 2000 },
  );
  console.log(`arbitrary page URLs: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
});
