// @ts-check
// Plain JavaScript: Next imports this file at runtime (next.config.js `cacheHandler`), outside the bundler.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import { reconnectDelay } from '../redis-reconnect.mjs';

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} NextCacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {import('next/dist/server/response-cache').IncrementalCacheValue} IncrementalCacheValue */
/** @typedef {import('next/dist/server/lib/cache-control').CacheControl} CacheControl */
/** @typedef {Parameters<NextCacheHandler['get']>[1]} GetContext */
/** @typedef {Parameters<NextCacheHandler['set']>[2]} SetContext */

/**
 * A tag's revalidation marks, the shape of Next's own tags manifest entries: `stale` is when the tag was
 * revalidated (entries older than it are served once more while they regenerate); `expired` is when
 * entries older than it stop being served at all.
 * @typedef {{ stale?: number; expired?: number }} TagState
 */

/**
 * What one cache entry holds in Redis (and in the local mirror), as JSON with tagged Buffers and Maps.
 * @typedef {object} StoredEntry
 * @property {number} lastModified
 * @property {IncrementalCacheValue | null} value
 * @property {CacheControl | undefined} cacheControl
 * @property {string[]} tags
 */

/**
 * @typedef {object} RedisCacheHandlerOptions
 * @property {string} [url] Redis URL; defaults to `REDIS_URL`.
 * @property {number} [commandTimeoutMs] Longest wait for one Redis command before answering from memory.
 * @property {number} [connectTimeoutMs]
 * @property {number} [mirrorMaxBytes] Bound of the in-process mirror (approximate, JSON characters).
 * @property {number} [mirrorMaxEntries]
 * @property {number} [entryTtlSeconds] Redis expiry of an entry, renewed on every write.
 * @property {number} [logIntervalMs] At most one `redis_cache_unavailable` line per interval.
 * @property {(level: 'error' | 'info', line: string) => void} [writeLog] Where the JSON lines go.
 * @property {Map<string, TagState> | null} [nextTagsManifest] Next's process-wide tags manifest; loaded
 *   from Next when omitted, `null` when it is unavailable.
 */

const KEY_PREFIX = 'tokenboard';
/** Shared by every build: a revalidation during a rolling deploy must reach the new build's entries too. */
const TAGS_KEY = `${KEY_PREFIX}:tags`;
const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags';
const BUILD_PHASE = 'phase-production-build';
const TYPE_KEY = '__tokenboard$type';

const DEFAULTS = {
  commandTimeoutMs: 500,
  connectTimeoutMs: 1000,
  mirrorMaxBytes: 256 * 1024 * 1024,
  mirrorMaxEntries: 10_000,
  entryTtlSeconds: 30 * 24 * 60 * 60,
  logIntervalMs: 30_000,
};

/** @type {(level: 'error' | 'info', line: string) => void} */
const writeToStdio = (level, line) => {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
};

/**
 * JSON cannot hold Buffers (Buffer#toJSON makes a number array) or Maps; tag them. `this[key]` is the
 * value before toJSON. An object that happens to carry the tag key is escaped as its entries.
 * @this {any}
 * @param {string} key
 * @param {unknown} value
 */
function replacer(key, value) {
  const raw = this[key];
  if (raw instanceof Uint8Array) {
    return { [TYPE_KEY]: 'Buffer', base64: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
  }
  if (raw instanceof Map) return { [TYPE_KEY]: 'Map', entries: [...raw.entries()] };
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, TYPE_KEY)) {
    return { [TYPE_KEY]: 'Object', entries: Object.entries(raw) };
  }
  return value;
}

/**
 * @param {string} _key
 * @param {any} value
 */
function reviver(_key, value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  switch (value[TYPE_KEY]) {
    case 'Buffer':
      return Buffer.from(value.base64, 'base64');
    case 'Map':
      return new Map(value.entries);
    case 'Object':
      return Object.fromEntries(value.entries);
    default:
      return value;
  }
}

/** @param {StoredEntry} entry */
const serialize = (entry) => JSON.stringify(entry, replacer);

/**
 * @param {string} raw
 * @returns {StoredEntry | null} null for anything that is not an entry this handler wrote
 */
function deserialize(raw) {
  try {
    const entry = JSON.parse(raw, reviver);
    if (typeof entry?.lastModified !== 'number' || !Array.isArray(entry.tags) || !('value' in entry)) return null;
    return entry;
  } catch {
    return null;
  }
}

/**
 * The tags an entry answers to: for pages and route handlers the `x-next-cache-tags` header (fetch,
 * `unstable_cache` and implicit path tags), for fetch entries the tags they were stored with.
 * @param {IncrementalCacheValue | null} data
 * @param {SetContext} ctx
 */
function entryTags(data, ctx) {
  /** @type {Set<string>} */
  const tags = new Set();
  const kind = /** @type {string | undefined} */ (data?.kind);
  if (data && (kind === 'APP_PAGE' || kind === 'APP_ROUTE' || kind === 'PAGES') && 'headers' in data) {
    const header = data.headers?.[NEXT_CACHE_TAGS_HEADER];
    const text = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
    for (const tag of text.split(',')) if (tag) tags.add(tag);
  }
  if (data && kind === 'FETCH' && 'tags' in data) for (const tag of data.tags ?? []) tags.add(tag);
  if ('fetchCache' in ctx && ctx.fetchCache) for (const tag of ctx.tags ?? []) tags.add(tag);
  return [...tags];
}

/**
 * Tags the caller names at read time: a fetch's own tags and the page's implicit (soft) tags.
 * @param {GetContext} ctx
 * @returns {string[]}
 */
function requestedTags(ctx) {
  const loose = /** @type {{ tags?: unknown; softTags?: unknown }} */ (ctx);
  return [loose.tags, loose.softTags].flatMap((list) => (Array.isArray(list) ? list.filter((tag) => typeof tag === 'string') : []));
}

/**
 * Next's rule (tags-manifest.external.js `areTagsExpired`): an entry is expired when a tag's `expired`
 * time has passed and came after the entry was written.
 * @param {Map<string, TagState>} states
 * @param {number} lastModified
 */
function areTagsExpired(states, lastModified) {
  const now = Date.now();
  for (const { expired } of states.values()) {
    if (typeof expired === 'number' && expired <= now && expired > lastModified) return true;
  }
  return false;
}

/**
 * @param {Map<string, TagState>} states
 * @param {number} lastModified
 */
function areTagsStale(states, lastModified) {
  for (const { stale } of states.values()) if (typeof stale === 'number' && stale > lastModified) return true;
  return false;
}

/**
 * Next reads tag staleness from a process-wide manifest (an `.external` module, one instance shared by
 * the server and the route bundles). Loaded lazily so a Next release that moves it degrades to
 * regenerating stale entries instead of failing to load this handler.
 * @returns {Promise<Map<string, TagState> | null>}
 */
async function loadNextTagsManifest() {
  try {
    const mod = await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
    const manifest = mod.tagsManifest ?? mod.default?.tagsManifest;
    return manifest instanceof Map ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * The process-wide side of the cache: Next constructs the handler class once per request, so the Redis
 * client, the mirror and the tag marks live here, one per build directory.
 */
class Store {
  /** @type {'connecting' | 'up' | 'down'} */
  #state = 'connecting';
  /** @type {import('redis').RedisClientType | null} */
  #client = null;
  /** @type {Map<string, string>} key → serialized entry, in least-recently-used order */
  #mirror = new Map();
  #mirrorBytes = 0;
  /** @type {Map<string, TagState>} the last known marks of each tag seen here */
  #tags = new Map();
  /** @type {Map<string, string>} tag hash fields this process wrote while Redis could not take them */
  #pendingTagFields = new Map();
  #lastUnavailableLog = Number.NEGATIVE_INFINITY;
  #outageReported = false;
  #closed = false;
  /** @type {() => void} */
  #settleFirstConnection = () => {};
  /** Settles when the first connection attempt succeeds or fails. */
  #firstConnection = new Promise((resolve) => {
    this.#settleFirstConnection = () => resolve(undefined);
  });
  /** @type {Promise<Map<string, TagState> | null>} */
  #nextManifest;

  /**
   * @param {string} buildId
   * @param {string} url
   * @param {Required<Omit<RedisCacheHandlerOptions, 'url' | 'nextTagsManifest'>>} options
   * @param {Map<string, TagState> | null | undefined} nextManifest
   */
  constructor(buildId, url, options, nextManifest) {
    this.entryPrefix = `${KEY_PREFIX}:${buildId}:entry:`;
    this.url = url;
    this.options = options;
    this.#nextManifest = nextManifest === undefined ? loadNextTagsManifest() : Promise.resolve(nextManifest);
    let password = '';
    try {
      password = decodeURIComponent(new URL(url).password);
    } catch {
      // createClient below reports the malformed URL.
    }
    this.password = password;
    this.#connect();
  }

  #connect() {
    /** @type {import('redis').RedisClientType} */
    let client;
    try {
      client = /** @type {import('redis').RedisClientType} */ (
        /** @type {unknown} */ (
          createClient({
            url: this.url,
            // Commands fail at once while disconnected instead of queueing behind a dead connection.
            disableOfflineQueue: true,
            commandOptions: { timeout: this.options.commandTimeoutMs },
            socket: {
              connectTimeout: this.options.connectTimeoutMs,
              reconnectStrategy: reconnectDelay,
            },
          })
        )
      );
    } catch (error) {
      this.#markDown(error);
      return;
    }
    this.#client = client;
    // A replaced client's late events say nothing about the current connection.
    client.on('error', (error) => {
      if (this.#client === client) this.#markDown(error);
    });
    client.on('ready', () => {
      if (this.#client === client) this.#markUp();
    });
    client.connect().catch((error) => {
      if (this.#client === client) this.#markDown(error);
    });
  }

  /**
   * node-redis drops a command's timeout once the command is written, so a Redis that keeps the
   * connection open but stops answering would collect every later command. Start a new connection.
   * @param {import('redis').RedisClientType} stalled
   */
  #replaceStalledClient(stalled) {
    if (this.#client !== stalled || this.#closed) return;
    this.#client = null;
    if (stalled.isOpen) stalled.destroy();
    this.#connect();
  }

  /** @param {unknown} error */
  #redact(error) {
    const err = /** @type {{ name?: string; code?: string; message?: string }} */ (error ?? {});
    let message = [err.name, err.code].filter(Boolean).join(' ') + (err.message ? `: ${err.message}` : '');
    if (!message) message = String(error);
    if (this.password) message = message.split(this.password).join('***');
    return message.split(this.url).join('[REDIS_URL]');
  }

  /**
   * @param {'error' | 'info'} level
   * @param {string} event
   * @param {string} message
   */
  #log(level, event, message) {
    this.options.writeLog(level, JSON.stringify({ ts: new Date().toISOString(), level, event, message }));
  }

  /** @param {unknown} error */
  #markDown(error) {
    this.#state = 'down';
    this.#settleFirstConnection();
    const now = Date.now();
    if (now - this.#lastUnavailableLog < this.options.logIntervalMs) return;
    this.#lastUnavailableLog = now;
    this.#outageReported = true;
    this.#log('error', 'redis_cache_unavailable', this.#redact(error));
  }

  #markUp() {
    const wasUp = this.#state === 'up';
    this.#state = 'up';
    this.#settleFirstConnection();
    if (wasUp) return;
    if (this.#outageReported) {
      this.#outageReported = false;
      this.#log('info', 'redis_cache_recovered', 'Redis answers again; shared cache entries and tag revalidations resume.');
    }
    if (this.#pendingTagFields.size > 0) void this.flushTagFields();
  }

  /** Waits for the first connection, never longer than one command may take. */
  async #waitForFirstConnection() {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, this.options.commandTimeoutMs);
    });
    await Promise.race([this.#firstConnection, timeout]);
    clearTimeout(timer);
  }

  /**
   * Runs one Redis command within the command timeout. Never throws: `{ ok: false }` means "answer from
   * this process's memory".
   * @template T
   * @param {(client: import('redis').RedisClientType) => Promise<T>} command
   * @returns {Promise<{ ok: true; value: T } | { ok: false }>}
   */
  async remote(command) {
    const client = this.#client;
    if (!client) return { ok: false };
    if (!client.isReady && this.#state === 'connecting') await this.#waitForFirstConnection();
    if (!client.isReady) {
      this.#markDown(new Error('not connected'));
      return { ok: false };
    }
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new CommandTimeoutError(this.options.commandTimeoutMs)), this.options.commandTimeoutMs);
    });
    try {
      const value = /** @type {T} */ (await Promise.race([command(client), timeout]));
      this.#markUp();
      return { ok: true, value };
    } catch (error) {
      this.#markDown(error);
      if (error instanceof Error && error.name === 'TimeoutError') this.#replaceStalledClient(client);
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  /** @param {string} key */
  mirrorGet(key) {
    const raw = this.#mirror.get(key);
    if (raw === undefined) return undefined;
    this.#mirror.delete(key);
    this.#mirror.set(key, raw);
    return raw;
  }

  /**
   * @param {string} key
   * @param {string} raw
   */
  mirrorSet(key, raw) {
    this.mirrorDelete(key);
    if (raw.length > this.options.mirrorMaxBytes) return;
    this.#mirror.set(key, raw);
    this.#mirrorBytes += raw.length;
    for (const [oldest, value] of this.#mirror) {
      if (this.#mirrorBytes <= this.options.mirrorMaxBytes && this.#mirror.size <= this.options.mirrorMaxEntries) break;
      this.#mirror.delete(oldest);
      this.#mirrorBytes -= value.length;
    }
  }

  /** @param {string} key */
  mirrorDelete(key) {
    const raw = this.#mirror.get(key);
    if (raw === undefined) return;
    this.#mirror.delete(key);
    this.#mirrorBytes -= raw.length;
  }

  /**
   * Records revalidation marks here at once (so this process honours them even while Redis is down) and
   * queues them for Redis.
   * @param {Map<string, string>} fields tag hash fields `stale:<tag>` / `expired:<tag>` → time in ms
   */
  recordTagFields(fields) {
    for (const [field, value] of fields) {
      const { tag, mark } = parseTagField(field);
      this.#tags.set(tag, { ...this.#tags.get(tag), [mark]: Number(value) });
      this.#pendingTagFields.set(field, value);
    }
  }

  /** Writes the queued tag marks to Redis; what fails stays queued for the next success. */
  async flushTagFields() {
    if (this.#pendingTagFields.size === 0) return;
    const sent = new Map(this.#pendingTagFields);
    const result = await this.remote((client) => client.hSet(TAGS_KEY, Object.fromEntries(sent)));
    if (!result.ok) return;
    for (const [field, value] of sent) if (this.#pendingTagFields.get(field) === value) this.#pendingTagFields.delete(field);
  }

  /**
   * The marks of these tags: Redis's (one HMGET), overlaid with marks this process has not written there
   * yet; the last known ones when Redis does not answer.
   * @param {string[]} tags
   * @returns {Promise<Map<string, TagState>>}
   */
  async tagStates(tags) {
    /** @type {Map<string, TagState>} */
    const states = new Map();
    if (tags.length === 0) return states;
    const fields = tags.flatMap((tag) => [`stale:${tag}`, `expired:${tag}`]);
    const result = await this.remote((client) => client.hmGet(TAGS_KEY, fields));
    if (result.ok) {
      tags.forEach((tag, index) => {
        /** @type {TagState} */
        const state = {};
        const stale = this.#pendingTagFields.get(`stale:${tag}`) ?? result.value[index * 2];
        const expired = this.#pendingTagFields.get(`expired:${tag}`) ?? result.value[index * 2 + 1];
        if (stale != null) state.stale = Number(stale);
        if (expired != null) state.expired = Number(expired);
        this.#tags.set(tag, state);
      });
    }
    for (const tag of tags) {
      const state = this.#tags.get(tag);
      if (state && (state.stale !== undefined || state.expired !== undefined)) states.set(tag, state);
    }
    return states;
  }

  /**
   * Hands the marks to Next's manifest, where IncrementalCache#get looks for them to flag a served entry
   * stale, as it does after a revalidateTag on the file-system cache. False when that manifest is absent.
   * @param {Map<string, TagState>} states
   */
  async publishToNext(states) {
    const manifest = await this.#nextManifest;
    if (!manifest) return false;
    for (const [tag, state] of states) manifest.set(tag, { ...manifest.get(tag), ...state });
    return true;
  }

  close() {
    this.#closed = true;
    const client = this.#client;
    this.#client = null;
    if (client?.isOpen) client.destroy();
  }
}

class CommandTimeoutError extends Error {
  /** @param {number} ms */
  constructor(ms) {
    super(`no answer within ${ms} ms`);
    // The name node-redis gives its own command timeouts.
    this.name = 'TimeoutError';
  }
}

/** @param {string} field */
function parseTagField(field) {
  const colon = field.indexOf(':');
  const mark = /** @type {'stale' | 'expired'} */ (field.slice(0, colon));
  return { mark, tag: field.slice(colon + 1) };
}

/** @param {string} serverDistDir */
function readBuildId(serverDistDir) {
  const file = path.join(serverDistDir, '..', 'BUILD_ID');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`Redis cache handler: cannot read the build ID at ${file} (${/** @type {Error} */ (error).message}); run \`next build\` first.`);
  }
}

/**
 * A cache handler class with its own process-wide state (Redis client, mirror, tag marks). Next uses the
 * default export; tests create one per simulated server.
 * @param {RedisCacheHandlerOptions} [options]
 */
export function createRedisCacheHandler(options = {}) {
  const { url: configuredUrl, nextTagsManifest, ...rest } = options;
  const settings = { ...DEFAULTS, writeLog: writeToStdio, ...rest };
  /** @type {Map<string, Store>} one per build directory */
  const stores = new Map();

  /** @param {CacheHandlerContext} ctx */
  function storeFor(ctx) {
    // Route handlers' caches are built without serverDistDir: `next start` serves ./.next of its cwd.
    const serverDistDir = ctx.serverDistDir ?? path.join(process.cwd(), '.next', 'server');
    let store = stores.get(serverDistDir);
    if (!store) {
      const url = configuredUrl ?? process.env.REDIS_URL;
      if (!url) throw new Error('Redis cache handler: REDIS_URL is not set.');
      store = new Store(readBuildId(serverDistDir), url, settings, nextTagsManifest);
      stores.set(serverDistDir, store);
    }
    return store;
  }

  /** @implements {NextCacheHandler} */
  class RedisCacheHandler {
    /** @type {Store | null} */
    #store;
    /** @type {readonly string[]} */
    #revalidatedTags;

    /** @param {CacheHandlerContext} ctx */
    constructor(ctx) {
      // `next build` loads the handler for prerendering before BUILD_ID exists; builds keep to disk.
      this.#store = process.env.NEXT_PHASE === BUILD_PHASE ? null : storeFor(ctx);
      this.#revalidatedTags = ctx.revalidatedTags ?? [];
    }

    /**
     * @param {string} key
     * @param {GetContext} ctx
     * @returns {Promise<CacheHandlerValue | null>}
     */
    async get(key, ctx) {
      const store = this.#store;
      if (!store) return null;
      const remote = await store.remote((client) => client.get(store.entryPrefix + key));
      let raw;
      if (remote.ok) {
        raw = remote.value ?? undefined;
        if (raw === undefined) store.mirrorDelete(key);
        else store.mirrorSet(key, raw);
      } else {
        raw = store.mirrorGet(key);
      }
      const entry = raw === undefined ? null : deserialize(raw);
      if (!entry) return null;

      const tags = [...new Set([...entry.tags, ...requestedTags(ctx)])];
      // Minimal mode only: tags revalidated by the request that triggered this render (file-system-cache.js).
      if (/** @type {string} */ (ctx.kind) === 'FETCH' && tags.some((tag) => this.#revalidatedTags.includes(tag))) return null;
      const states = await store.tagStates(tags);
      if (areTagsExpired(states, entry.lastModified)) return null;
      const published = await store.publishToNext(states);
      if (!published && areTagsStale(states, entry.lastModified)) return null;
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    }

    /**
     * @param {string} key
     * @param {IncrementalCacheValue | null} data
     * @param {SetContext} ctx
     * @returns {Promise<void>}
     */
    async set(key, data, ctx) {
      const store = this.#store;
      if (!store) return;
      const fetchCache = 'fetchCache' in ctx && ctx.fetchCache === true;
      const cacheControl = !fetchCache && 'cacheControl' in ctx ? ctx.cacheControl : undefined;
      const raw = serialize({ lastModified: Date.now(), value: data, cacheControl, tags: entryTags(data, ctx) });
      store.mirrorSet(key, raw);
      await store.remote((client) =>
        client.set(store.entryPrefix + key, raw, { expiration: { type: 'EX', value: store.options.entryTtlSeconds } }),
      );
    }

    /**
     * Same marks as Next's file-system cache: with durations, `stale` now and `expired` now + expire
     * (`{ expire: 0 }` → not served again); without (updateTag), `expired` now.
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [durations]
     * @returns {Promise<void>}
     */
    async revalidateTag(tags, durations) {
      const store = this.#store;
      const list = typeof tags === 'string' ? [tags] : tags;
      if (!store || list.length === 0) return;
      const now = Date.now();
      /** @type {Map<string, string>} */
      const fields = new Map();
      for (const tag of list) {
        if (durations) {
          fields.set(`stale:${tag}`, String(now));
          if (durations.expire !== undefined) fields.set(`expired:${tag}`, String(now + durations.expire * 1000));
        } else {
          fields.set(`expired:${tag}`, String(now));
        }
      }
      store.recordTagFields(fields);
      await store.flushTagFields();
    }

    /** Nothing is kept per request. */
    resetRequestCache() {}

    /** Closes this class's Redis connections (tests; Next never calls it). */
    static close() {
      for (const store of stores.values()) store.close();
      stores.clear();
    }
  }

  return RedisCacheHandler;
}

export default createRedisCacheHandler();
