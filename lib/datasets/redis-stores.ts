import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { WatchError } from 'redis';
import { redisCall, RedisUnavailableError, type RedisConnection } from '../redis';
import { utcDateOf } from '../utc-day';
import { ATTEMPTS_KEPT, type AttemptHistory, type AttemptLog, type AttemptRecord } from './attempt-log';
import { MemoryEntries, summarize, type CacheEntry, type CacheEntrySummary, type ResponseCache } from './cache';
import { DatasetsError } from './errors';
import { emptyState, parseQuotaState, type QuotaState, type QuotaStore } from './quota';

/**
 * The data layer's shared state when several instances run (REDIS_URL): the quota counters, the
 * validated upstream payloads, the attempt history and per-request locks. Redis trouble never blocks a
 * request: reads fall back to what this process holds, and the governor fails closed (no upstream
 * call it cannot count).
 */

const MAX_WATCH_RETRIES = 50;

const sharedStateUnavailable = (what: string) =>
  new DatasetsError('shared_state_unavailable', `the shared ${what} (Redis) is unavailable, so no upstream call may start`, { retryAfterSeconds: 30 });
const quotaUnavailable = () => sharedStateUnavailable('quota store');

/** Quota state as one JSON value, updated with WATCH/MULTI (optimistic, atomic across instances). */
export class RedisQuotaStore implements QuotaStore {
  private queue: Promise<unknown> = Promise.resolve();
  private lastSeen: QuotaState | undefined;

  /** `client` must be a connection of its own: WATCH belongs to a connection. */
  constructor(
    private readonly client: RedisConnection,
    private readonly key: string,
  ) {}

  private parse(raw: string | null): QuotaState {
    return raw ? parseQuotaState(JSON.parse(raw)) : emptyState(utcDateOf(new Date()));
  }

  /** For reports (health, console): the last state seen when Redis cannot be asked. */
  async read(): Promise<QuotaState> {
    try {
      this.lastSeen = this.parse(await redisCall(this.client, (c) => c.get(this.key)));
      return this.lastSeen;
    } catch (error) {
      if (error instanceof RedisUnavailableError) return this.lastSeen ?? emptyState(utcDateOf(new Date()));
      throw error;
    }
  }

  transact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T> {
    // One transaction at a time on this connection (WATCH state is per connection).
    const run = this.queue.then(() => this.watchedTransact(update));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async watchedTransact<T>(update: (state: QuotaState) => { state: QuotaState; result: T }): Promise<T> {
    for (let attempt = 0; attempt < MAX_WATCH_RETRIES; attempt += 1) {
      let outcome: { done: true; result: T } | { done: false };
      try {
        outcome = await redisCall(this.client, async (c) => {
          await c.watch(this.key);
          const { state, result } = update(this.parse(await c.get(this.key)));
          try {
            await c.multi().set(this.key, JSON.stringify(state)).exec();
          } catch (error) {
            if (error instanceof WatchError) return { done: false } as const;
            throw error;
          }
          this.lastSeen = state;
          return { done: true, result } as const;
        });
      } catch (error) {
        if (error instanceof RedisUnavailableError) throw quotaUnavailable();
        throw error;
      }
      if (outcome.done) return outcome.result;
      // Lost the race to another instance: wait a moment, jittered, so the same losers do not keep losing
      // in lockstep (three busy instances starved one transaction through all its retries without it).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20, 2 * (attempt + 1))));
    }
    throw quotaUnavailable();
  }
}

interface StoredMeta extends CacheEntrySummary {
  final: boolean;
}

/**
 * Payloads in Redis hashes (`meta`, `body`) plus an index set. Reads ask Redis for the small `meta`
 * first and reuse this process's copy when it is the same fetch, so a year of rows is parsed once per
 * fetch, not per page render — and a refresh on another instance is seen at once.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly memory = new MemoryEntries();

  constructor(
    private readonly client: RedisConnection,
    private readonly prefix: string,
  ) {}

  private keyFor(key: string): string {
    return `${this.prefix}:response:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
  }

  private get indexKey(): string {
    return `${this.prefix}:responses`;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    try {
      const rawMeta = await redisCall(this.client, (c) => c.hGet(this.keyFor(key), 'meta'));
      if (!rawMeta) return undefined;
      const meta = JSON.parse(rawMeta) as StoredMeta;
      if (meta.key !== key) return undefined;
      const held = this.memory.get(key);
      if (held && held.fetchedAt === meta.fetchedAt) return held;
      const body = await redisCall(this.client, (c) => c.hGet(this.keyFor(key), 'body'));
      if (!body) return undefined;
      const entry: CacheEntry = { key, endpoint: meta.endpoint, query: meta.query, dataDay: meta.dataDay, fetchedAt: meta.fetchedAt, final: meta.final, body: JSON.parse(body) };
      this.memory.remember(entry);
      return entry;
    } catch (error) {
      if (error instanceof RedisUnavailableError) return this.memory.get(key);
      throw error;
    }
  }

  async set(entry: CacheEntry): Promise<void> {
    this.memory.remember(entry);
    const meta: StoredMeta = summarize(entry);
    try {
      await redisCall(this.client, (c) =>
        c.multi().hSet(this.keyFor(entry.key), { meta: JSON.stringify(meta), body: JSON.stringify(entry.body) }).sAdd(this.indexKey, entry.key).exec(),
      );
    } catch (error) {
      // The payload was fetched and paid for: keep serving it from this process.
      if (!(error instanceof RedisUnavailableError)) throw error;
    }
  }

  async hasAny(): Promise<boolean> {
    if (this.memory.size > 0) return true;
    try {
      return (await redisCall(this.client, (c) => c.sCard(this.indexKey))) > 0;
    } catch {
      return false;
    }
  }

  async list(): Promise<CacheEntrySummary[]> {
    const keys = await redisCall(this.client, (c) => c.sMembers(this.indexKey));
    const metas = await Promise.all(keys.map((key) => redisCall(this.client, (c) => c.hGet(this.keyFor(key), 'meta'))));
    return metas
      .filter((meta): meta is string => typeof meta === 'string')
      .map((meta) => JSON.parse(meta) as CacheEntrySummary)
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}

/** The attempt history as a capped list (LPUSH + LTRIM) and a hash of last errors per request. */
export class RedisAttemptLog implements AttemptLog {
  constructor(
    private readonly client: RedisConnection,
    private readonly prefix: string,
  ) {}

  async record(attempt: AttemptRecord): Promise<void> {
    const list = `${this.prefix}:attempts`;
    const errors = `${this.prefix}:attempt-errors`;
    await redisCall(this.client, (c) => {
      const multi = c.multi().lPush(list, JSON.stringify(attempt)).lTrim(list, 0, ATTEMPTS_KEPT - 1);
      if (attempt.outcome === 'ok') multi.hDel(errors, attempt.key);
      else multi.hSet(errors, attempt.key, JSON.stringify({ at: attempt.at, outcome: attempt.outcome, message: attempt.message }));
      return multi.exec();
    });
  }

  async read(): Promise<AttemptHistory> {
    try {
      const [newestFirst, errors] = await redisCall(this.client, (c) =>
        Promise.all([c.lRange(`${this.prefix}:attempts`, 0, -1), c.hGetAll(`${this.prefix}:attempt-errors`)]),
      );
      return {
        attempts: newestFirst.map((line) => JSON.parse(line) as AttemptRecord).reverse(),
        lastErrors: Object.fromEntries(Object.entries(errors).map(([key, value]) => [key, JSON.parse(value) as AttemptHistory['lastErrors'][string]])),
      };
    } catch {
      return { attempts: [], lastErrors: {} };
    }
  }
}

/** Releases a lock only if it is still ours (it may have expired and been taken by someone else). */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** How long a lock outlives a crashed holder; longer than any call (attempts × timeout + backoff). */
export const LOCK_TTL_MS = 60_000;

export interface RequestLock {
  /** The lock for one upstream request, or null when another instance holds it. Throws when Redis is down. */
  acquire(key: string): Promise<(() => Promise<void>) | null>;
  isHeld(key: string): Promise<boolean>;
}

/** One upstream call per request across instances: SET NX PX, released by compare-and-delete. */
export class RedisRequestLock implements RequestLock {
  constructor(
    private readonly client: RedisConnection,
    private readonly prefix: string,
  ) {}

  private lockKey(key: string): string {
    return `${this.prefix}:lock:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
  }

  async acquire(key: string): Promise<(() => Promise<void>) | null> {
    const token = randomUUID();
    const lockKey = this.lockKey(key);
    const taken = await redisCall(this.client, (c) => c.set(lockKey, token, { NX: true, PX: LOCK_TTL_MS })).catch((error: unknown) => {
      throw error instanceof RedisUnavailableError ? sharedStateUnavailable('request lock') : error;
    });
    if (taken !== 'OK') return null;
    return async () => {
      await redisCall(this.client, (c) => c.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] })).catch(() => undefined);
    };
  }

  async isHeld(key: string): Promise<boolean> {
    try {
      return (await redisCall(this.client, (c) => c.exists(this.lockKey(key)))) > 0;
    } catch (error) {
      throw error instanceof RedisUnavailableError ? sharedStateUnavailable('request lock') : error;
    }
  }
}
