/** @jest-environment node */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { IncrementalCache } from 'next/dist/server/lib/incremental-cache';
import type { IncrementalResponseCacheEntry } from 'next/dist/server/response-cache';
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external';
import { createClient } from 'redis';
import { createRedisCacheHandler } from '@/lib/cache/redis-cache-handler.mjs';
import { startRedis, type RedisServer } from '../helpers/redis-server';

// Per test: jest ignores a project-level testTimeout, and the outage tests wait for reconnects.
const SLOW_TEST_MS = 30_000;

/*
 * Two handler "processes" (each its own class from createRedisCacheHandler: own Redis client, mirror and
 * tag marks) stand for two `next start` instances. Where Next's reading of the entry matters (staleness,
 * expiry, soft tags) the test goes through Next's real IncrementalCache, which constructs the handler the
 * way `next start` does.
 */

type HandlerClass = ReturnType<typeof createRedisCacheHandler>;
type Handler = InstanceType<HandlerClass>;

const PASSWORD = 'pa55-w0rd-not-for-logs';
const BUILD_ONE = 'demo-build-one';
const BUILD_TWO = 'demo-build-two';
const previewProps = { previewModeId: 'preview', previewModeEncryptionKey: 'key', previewModeSigningKey: 'key' };
const prerenderManifest = { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: previewProps };
const route = { kind: 'APP_PAGE', sourceRoute: '/models/[permaslug]/page' };
const CACHE_CONTROL = { revalidate: 60, expire: 31_536_000 };
const MAX_PROFILE = { expire: 31_536_000 }; // what revalidateTag(tag, 'max') hands the cache handler

let redis: RedisServer;
let raw: ReturnType<typeof createClient>;
const tempDirs: string[] = [];
const classes: HandlerClass[] = [];

function distDir(buildId: string | null): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tokenboard-dist-'));
  tempDirs.push(root);
  mkdirSync(path.join(root, 'server'));
  if (buildId) writeFileSync(path.join(root, 'BUILD_ID'), buildId);
  return path.join(root, 'server');
}

interface Instance {
  Handler: HandlerClass;
  /** A handler as Next constructs one for a request. */
  handler(): Handler;
  /** Next's IncrementalCache over this instance's handler, as for one request. */
  cache(): IncrementalCache;
  logs: string[];
}

function instance(buildId: string, options: Parameters<typeof createRedisCacheHandler>[0] = {}, url = redis.url): Instance {
  const logs: string[] = [];
  const Handler = createRedisCacheHandler({ url, writeLog: (_level, line) => logs.push(line), ...options });
  classes.push(Handler);
  const serverDistDir = distDir(buildId);
  return {
    Handler,
    logs,
    handler: () => new Handler({ serverDistDir, revalidatedTags: [], _requestHeaders: {} }),
    cache: () =>
      new IncrementalCache({
        dev: false,
        requestHeaders: {},
        serverDistDir,
        previewProps,
        prerenderManifest: prerenderManifest as never,
        CurCacheHandler: Handler as never,
      }),
  };
}

function appPage(tags: string[], html = '<main>Top models</main>') {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x41, 0x0a]),
    status: 200,
    postponed: undefined,
    headers: { 'x-next-cache-tags': tags.join(','), 'x-custom': 'kept' },
    segmentData: new Map([
      ['/_tree', Buffer.from('{"tree":true}')],
      ['/models/__PAGE__', Buffer.from([0xc3, 0x28, 0x00, 0xff])],
    ]),
  };
}

function fetchValue(body: unknown) {
  return { kind: 'FETCH', data: { headers: {}, body: JSON.stringify(body), status: 200, url: '' }, revalidate: 31_536_000 };
}

const pageSet = { route, cacheControl: CACHE_CONTROL, isRoutePPREnabled: false, isFallback: false };
const pageGet = { kind: 'APP_PAGE', route, isFallback: false, isRoutePPREnabled: false };

/** A page read as the app-page route module does it for one request. */
const readPage = (server: Instance, pathname: string) =>
  server.cache().get(pathname, pageGet as never) as Promise<IncrementalResponseCacheEntry | null>;

async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

async function eventually<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const events = (logs: string[], event: string) => logs.map((line) => JSON.parse(line)).filter((line) => line.event === event);

beforeAll(async () => {
  redis = await startRedis({ password: PASSWORD });
  raw = createClient({ url: redis.url });
  raw.on('error', () => undefined);
  await raw.connect();
});

afterAll(async () => {
  for (const Handler of classes) Handler.close();
  if (raw.isOpen) raw.destroy();
  await redis.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  // Next's tag manifest is process-wide; each test must see only what its handlers put there.
  tagsManifest.clear();
});

describe('Redis cache handler shared by two instances', () => {
  it('returns an APP_PAGE entry set on A identical on B, Buffers and Map included, under the build ID', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const pathname = `/models/${randomUUID()}`;
    const value = appPage(['_N_T_/layout', `_N_T_${pathname}`, 'data-day:2025-01-01', 'dataset:rankings-daily']);
    const before = Date.now();
    await a.cache().set(pathname, value as never, pageSet as never);

    const entry = await readPage(b, pathname);
    expect(entry).not.toBeNull();
    expect(entry!.value).toEqual(value);
    const got = entry!.value as unknown as ReturnType<typeof appPage>;
    expect(Buffer.isBuffer(got.rscData)).toBe(true);
    expect(got.rscData.equals(value.rscData)).toBe(true);
    expect(got.segmentData).toBeInstanceOf(Map);
    expect([...got.segmentData.keys()]).toEqual([...value.segmentData.keys()]);
    for (const [segment, bytes] of value.segmentData) expect(got.segmentData.get(segment)!.equals(bytes)).toBe(true);
    expect(entry!.isStale).toBeFalsy();
    expect(entry!.cacheControl).toEqual(CACHE_CONTROL);

    const stored = await raw.keys(`tokenboard:${BUILD_ONE}:entry:*${pathname}`);
    expect(stored).toHaveLength(1);
    const direct = await b.handler().get(stored[0]!.slice(`tokenboard:${BUILD_ONE}:entry:`.length), { kind: 'APP_PAGE', isFallback: false } as never);
    expect(direct!.lastModified).toBeGreaterThanOrEqual(before);
    expect(direct!.lastModified).toBeLessThanOrEqual(Date.now());
  });

  it('round-trips every other value kind Next stores, including objects that look like its type tags', async () => {
    const a = instance(BUILD_ONE).handler();
    const b = instance(BUILD_ONE).handler();
    const values = {
      APP_ROUTE: { kind: 'APP_ROUTE', body: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]), status: 201, headers: { 'content-type': 'text/csv', 'x-next-cache-tags': 'dataset:app-rankings' } },
      PAGES: { kind: 'PAGES', html: '<p>x</p>', pageData: { props: { __tokenboard$type: 'Buffer', base64: 'AAAA', nested: { __tokenboard$type: 'Map', entries: [] } } }, status: 200, headers: {} },
      REDIRECT: { kind: 'REDIRECT', props: { destination: '/models', permanent: false } },
      IMAGE: { kind: 'IMAGE', etag: 'e', upstreamEtag: 'u', buffer: Buffer.from([1, 2, 3, 250]), extension: 'webp', revalidate: 60 },
      FETCH: fetchValue({ rows: [1, 2, 3] }),
    } as const;
    for (const [kind, value] of Object.entries(values)) {
      const key = `/${kind}/${randomUUID()}`;
      await a.set(key, value as never, (kind === 'FETCH' ? { fetchCache: true, tags: [] } : { cacheControl: CACHE_CONTROL }) as never);
      const entry = await b.get(key, { kind: kind === 'REDIRECT' ? 'PAGES' : kind, isFallback: false } as never);
      expect({ kind, value: entry?.value }).toEqual({ kind, value });
    }
    const notFound = `/gone/${randomUUID()}`;
    await a.set(notFound, null, { cacheControl: CACHE_CONTROL } as never);
    expect((await b.get(notFound, { kind: 'APP_PAGE', isFallback: false } as never))!.value).toBeNull();
  });

  it('lets the first requests of a starting instance wait for the connection instead of missing Redis', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const a = instance(BUILD_ONE);
      const b = instance(BUILD_ONE);
      const keys = Array.from({ length: 30 }, () => randomUUID());
      await Promise.all(keys.map((key) => a.handler().set(key, fetchValue(key) as never, { fetchCache: true, tags: [] })));
      const seen = await Promise.all(keys.map((key) => b.handler().get(key, { kind: 'FETCH' } as never)));
      expect(seen.map((entry) => entry?.value)).toEqual(keys.map(fetchValue));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('shares FETCH entries with their tags', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const key = randomUUID();
    const tags = [`data-day:${randomUUID()}`, 'dataset:rankings-daily'];
    await a.cache().set(key, fetchValue({ day: '2025-01-01' }) as never, { fetchCache: true, tags, fetchIdx: 0, fetchUrl: 'unstable_cache' });

    const entry = await b.cache().get(key, { kind: 'FETCH', tags, softTags: ['_N_T_/layout'], fetchIdx: 0, fetchUrl: 'unstable_cache' } as never);
    expect(entry?.value.data.body).toBe(JSON.stringify({ day: '2025-01-01' }));
    expect(entry?.isStale).toBe(false);
    const [stored] = await raw.keys(`tokenboard:${BUILD_ONE}:entry:${key}`);
    expect(JSON.parse((await raw.get(stored!))!).tags).toEqual(tags);
  });

  it('revalidateTag with { expire: 0 } on A: B regenerates instead of serving the entry', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const dayTag = `data-day:${randomUUID()}`;
    const pathname = `/models/${randomUUID()}`;
    await a.cache().set(pathname, appPage(['_N_T_/layout', dayTag]) as never, pageSet as never);
    expect(await readPage(b, pathname)).not.toBeNull();

    await a.cache().revalidateTag([dayTag], { expire: 0 });
    expect(tagsManifest.has(dayTag)).toBe(false); // B can learn it only from Redis
    expect(await readPage(b, pathname)).toBeNull();
    expect(await readPage(a, pathname)).toBeNull();

    // The regenerated page is served again, on both.
    await b.cache().set(pathname, appPage(['_N_T_/layout', dayTag], '<main>new</main>') as never, pageSet as never);
    const regenerated = await readPage(a, pathname);
    expect(regenerated?.value).toMatchObject({ html: '<main>new</main>' });
    expect(regenerated?.isStale).toBeFalsy();
  });

  it('revalidateTag without durations (updateTag) expires as { expire: 0 } does', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const tag = `dataset:${randomUUID()}`;
    const pathname = `/apps/${randomUUID()}`;
    await a.cache().set(pathname, appPage([tag]) as never, pageSet as never);
    expect(await readPage(b, pathname)).not.toBeNull();
    await a.handler().revalidateTag(tag);
    expect(await readPage(b, pathname)).toBeNull();
  });

  it("revalidateTag with the 'max' profile: B serves the entry once more, marked stale, until it is regenerated", async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const dayTag = `data-day:${randomUUID()}`;
    const pathname = `/models/${randomUUID()}`;
    const value = appPage([dayTag]);
    await a.cache().set(pathname, value as never, pageSet as never);
    expect((await readPage(b, pathname))?.isStale).toBeFalsy();

    await a.cache().revalidateTag(dayTag, MAX_PROFILE);
    expect(tagsManifest.has(dayTag)).toBe(false);
    const stale = await readPage(b, pathname);
    expect(stale?.value).toEqual(value);
    expect(stale?.isStale).toBe(true);

    await b.cache().set(pathname, appPage([dayTag], '<main>fresh</main>') as never, pageSet as never);
    const fresh = await readPage(a, pathname);
    expect(fresh?.value).toMatchObject({ html: '<main>fresh</main>' });
    expect(fresh?.isStale).toBeFalsy();
  });

  it('honours implicit (soft) tags passed at read time', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const key = randomUUID();
    const pathTag = `_N_T_/models/${randomUUID()}`;
    const fetchGet = (softTags: string[]) => ({ kind: 'FETCH', tags: ['dataset:rankings-daily'], softTags, fetchIdx: 0, fetchUrl: 'unstable_cache' }) as never;
    await a.cache().set(key, fetchValue(1) as never, { fetchCache: true, tags: ['dataset:rankings-daily'] });

    await a.cache().revalidateTag(pathTag, { expire: 0 });
    expect(await b.cache().get(key, fetchGet([pathTag]))).toBeNull();
    expect(await b.cache().get(key, fetchGet(['_N_T_/layout']))).not.toBeNull();
  });

  it('keeps builds apart: another build ID neither sees nor overwrites the entries', async () => {
    const one = instance(BUILD_ONE).handler();
    const two = instance(BUILD_TWO).handler();
    const key = `/models/${randomUUID()}`;
    await one.set(key, fetchValue('one') as never, { fetchCache: true, tags: [] });
    expect(await two.get(key, { kind: 'FETCH' } as never)).toBeNull();
    await two.set(key, fetchValue('two') as never, { fetchCache: true, tags: [] });
    expect((await one.get(key, { kind: 'FETCH' } as never))?.value).toEqual(fetchValue('one'));
    expect(await raw.exists([`tokenboard:${BUILD_ONE}:entry:${key}`, `tokenboard:${BUILD_TWO}:entry:${key}`])).toBe(2);
  });

  it('regenerates a stale entry when Next’s tag manifest cannot be reached, rather than serve it as fresh', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE, { nextTagsManifest: null });
    const tag = `dataset:${randomUUID()}`;
    const key = randomUUID();
    await a.handler().set(key, fetchValue(1) as never, { fetchCache: true, tags: [tag] });
    expect(await b.handler().get(key, { kind: 'FETCH', tags: [tag] } as never)).not.toBeNull();
    await a.handler().revalidateTag(tag, MAX_PROFILE);
    expect(await b.handler().get(key, { kind: 'FETCH', tags: [tag] } as never)).toBeNull();
  });

  it('stays inert during `next build` and refuses to run without a build ID', async () => {
    const logs: string[] = [];
    const Handler = createRedisCacheHandler({ url: redis.url, writeLog: (_level, line) => logs.push(line) });
    classes.push(Handler);
    const noBuildId = { serverDistDir: distDir(null), revalidatedTags: [], _requestHeaders: {} };
    expect(() => new Handler(noBuildId)).toThrow(/BUILD_ID/);

    const phase = process.env.NEXT_PHASE;
    process.env.NEXT_PHASE = 'phase-production-build';
    try {
      const handler = new Handler(noBuildId);
      const key = randomUUID();
      await handler.set(key, fetchValue(1) as never, { fetchCache: true, tags: [] });
      expect(await handler.get(key, { kind: 'FETCH' } as never)).toBeNull();
      expect(await raw.keys(`tokenboard:*:entry:${key}`)).toEqual([]);
    } finally {
      if (phase === undefined) delete process.env.NEXT_PHASE;
      else process.env.NEXT_PHASE = phase;
    }
  });

  it('writes one redacted JSON line to stderr for many failed calls when Redis cannot be reached', async () => {
    const deadPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const Handler = createRedisCacheHandler({ url: `redis://default:${PASSWORD}@127.0.0.1:${deadPort}` });
      classes.push(Handler);
      const ctx = { serverDistDir: distDir(BUILD_ONE), revalidatedTags: [], _requestHeaders: {} };
      for (let i = 0; i < 10; i += 1) {
        const { value, ms } = await timed(() => new Handler(ctx).get(`k${i}`, { kind: 'FETCH' } as never));
        expect(value).toBeNull();
        expect(ms).toBeLessThan(1000);
      }
      const lines = stderr.mock.calls.map(([chunk]) => String(chunk)).filter((chunk) => chunk.includes('redis_cache_unavailable'));
      expect(lines).toHaveLength(1);
      expect(lines[0]!.endsWith('\n')).toBe(true);
      expect(Object.keys(JSON.parse(lines[0]!))).toEqual(['ts', 'level', 'event', 'message']);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'redis_cache_unavailable' });
      expect(lines[0]).not.toContain(PASSWORD);
      Handler.close();
    } finally {
      stderr.mockRestore();
    }
  }, SLOW_TEST_MS);

  it('keeps resetRequestCache as a no-op', () => {
    expect(instance(BUILD_ONE).handler().resetRequestCache()).toBeUndefined();
  });

  it('bounds every call when Redis hangs with the connection open, and picks up again when it answers', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const held = `/models/${randomUUID()}`;
    const value = appPage([`data-day:${randomUUID()}`]);
    await a.handler().set(held, value as never, { cacheControl: CACHE_CONTROL } as never);
    expect(await b.handler().get(`/warm/${randomUUID()}`, { kind: 'APP_PAGE', isFallback: false } as never)).toBeNull();

    await redis.pause();
    try {
      const durations: number[] = [];
      const heldByA = await timed(() => a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never));
      const heldByB = await timed(() => b.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never));
      expect(heldByA.value?.value).toEqual(value);
      expect(heldByB.value).toBeNull();
      durations.push(heldByA.ms, heldByB.ms);
      for (let i = 0; i < 10; i += 1) {
        durations.push((await timed(() => a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never))).ms);
        durations.push((await timed(() => b.handler().set(`/x/${i}`, fetchValue(i) as never, { fetchCache: true, tags: [] }))).ms);
      }
      expect(Math.max(...durations)).toBeLessThan(1000);
      expect(events(a.logs, 'redis_cache_unavailable')).toHaveLength(1);
      expect(events(b.logs, 'redis_cache_unavailable')).toHaveLength(1);
    } finally {
      await redis.resume();
    }

    const afterHang = `/models/${randomUUID()}`;
    const seenByB = await eventually(async () => {
      await a.handler().set(afterHang, fetchValue('answering') as never, { fetchCache: true, tags: [] });
      return b.handler().get(afterHang, { kind: 'FETCH' } as never);
    }, 10_000);
    expect(seenByB?.value).toEqual(fetchValue('answering'));
    expect(events(a.logs, 'redis_cache_recovered')).toHaveLength(1);
    expect(events(b.logs, 'redis_cache_recovered')).toHaveLength(1);
  }, SLOW_TEST_MS);

  // Last: it stops and restarts the shared server.
  it('survives a Redis outage: serves what it holds, never throws or hangs, logs once, recovers without restart', async () => {
    const a = instance(BUILD_ONE);
    const b = instance(BUILD_ONE);
    const tag = `data-day:${randomUUID()}`;
    const held = `/models/${randomUUID()}`;
    const value = appPage([tag]);
    await a.handler().set(held, value as never, { cacheControl: CACHE_CONTROL } as never);
    expect(await b.handler().get(`/warm/${randomUUID()}`, { kind: 'APP_PAGE', isFallback: false } as never)).toBeNull(); // B connected, held never read
    expect(events(a.logs, 'redis_cache_unavailable')).toHaveLength(0);

    await redis.stop();

    const durations: number[] = [];
    const heldByA = await timed(() => a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never));
    durations.push(heldByA.ms);
    expect(heldByA.value?.value).toEqual(value);
    expect(heldByA.value?.cacheControl).toEqual(CACHE_CONTROL);
    const heldByB = await timed(() => b.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never));
    durations.push(heldByB.ms);
    expect(heldByB.value).toBeNull();

    const writtenDuringOutage = `/apps/${randomUUID()}`;
    for (let i = 0; i < 20; i += 1) {
      const calls: Array<() => Promise<unknown>> = [
        () => a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never),
        () => b.handler().get(`/x/${i}`, { kind: 'FETCH', tags: [tag], softTags: ['_N_T_/layout'] } as never),
        () => a.handler().set(writtenDuringOutage, fetchValue(i) as never, { fetchCache: true, tags: [tag] }),
        () => b.handler().revalidateTag(`dataset:${i}`, MAX_PROFILE),
      ];
      for (const call of calls) durations.push((await timed(call)).ms);
    }
    expect((await a.handler().get(writtenDuringOutage, { kind: 'FETCH' } as never))?.value).toEqual(fetchValue(19));

    // A revalidation during the outage applies to what A holds, and reaches Redis once it is back.
    await a.handler().revalidateTag(tag, { expire: 0 });
    durations.push((await timed(() => a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never))).ms);
    expect(await a.handler().get(held, { kind: 'APP_PAGE', isFallback: false } as never)).toBeNull();

    expect(Math.max(...durations)).toBeLessThan(1000);
    for (const logs of [a.logs, b.logs]) {
      const unavailable = events(logs, 'redis_cache_unavailable');
      expect(unavailable).toHaveLength(1);
      expect(unavailable[0]).toMatchObject({ level: 'error', message: expect.any(String) });
      expect(logs.join('\n')).not.toContain(PASSWORD);
    }

    await redis.restart();
    raw.destroy();
    raw = createClient({ url: redis.url });
    raw.on('error', () => undefined);
    await raw.connect();

    const afterRestart = `/models/${randomUUID()}`;
    const seenByB = await eventually(async () => {
      await a.handler().set(afterRestart, fetchValue('back') as never, { fetchCache: true, tags: [] });
      return b.handler().get(afterRestart, { kind: 'FETCH' } as never);
    }, 10_000);
    expect(seenByB?.value).toEqual(fetchValue('back'));
    expect(await raw.exists(`tokenboard:${BUILD_ONE}:entry:${afterRestart}`)).toBe(1);
    expect(events(a.logs, 'redis_cache_recovered')).toHaveLength(1);
    expect(events(b.logs, 'redis_cache_recovered')).toHaveLength(1);
    expect(await raw.hGet('tokenboard:tags', `expired:${tag}`)).not.toBeNull();
    // The write made during the outage stayed in A's memory only.
    expect(await b.handler().get(writtenDuringOutage, { kind: 'FETCH' } as never)).toBeNull();
  }, SLOW_TEST_MS);
});
