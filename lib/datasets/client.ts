import 'server-only';
import type { Logger } from '../log';
import type { AttemptLog } from './attempt-log';
import { currentDataDay } from '../utc-day';
import type { CacheEntry, ResponseCache } from './cache';
import type { CircuitBreaker } from './circuit';
import { ENDPOINTS, type Endpoint, type InputOf, type RowOf } from './endpoints';
import { reshapeMeta, type DatasetMeta, type EndpointSpec, type ResolvedWindow } from './endpoints/shared';
import { DatasetsError, isDatasetsError, parseRetryAfter } from './errors';
import { requestKey } from './keys';
import type { Partition, Priority, QuotaGovernor } from './quota';
import type { RequestLock } from './redis-stores';
import type { Transport, UpstreamResponse } from './transport';

export type DataSource = 'openrouter' | 'demo';

/** Figures plus everything a page needs to publish them honestly. */
export interface Dataset<Row> {
  rows: Row[];
  meta: DatasetMeta;
  source: DataSource;
  dataDay: string;
  fetchedAt: string;
}

/** `P`: the budget plan's partition names (the composition root knows the plan; the client counts any name). */
export interface FetchOptions<P extends Partition = Partition> {
  /** Whose budget pays for a miss; by default the policy's reserved partition. */
  partition?: P;
  /**
   * `data-day` (default): refetch once the data day changes, since recent figures can be restated.
   * `final`: a window whose figures can no longer change; any cached copy is good forever.
   */
  freshness?: 'data-day' | 'final';
  /** Fetch even if a fresh copy is cached (a staff refresh). Identical calls in flight still coalesce. */
  force?: boolean;
  /**
   * Nobody is waiting for it (the start-up warm-up): it waits for a slot visitors leave free rather
   * than failing, and is promoted to a visitor's priority when a visitor asks for the same request.
   */
  background?: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Full-jitter exponential backoff for 5xx, timeouts and network errors. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** An upstream Retry-After longer than this ends the call instead of waiting inside it. */
  maxRetryAfterMs: number;
}

export interface DatasetsClientOptions {
  transport: Transport;
  source: DataSource;
  governor: QuotaGovernor;
  cache: ResponseCache;
  breaker: CircuitBreaker;
  settleMinutes: number;
  timeoutMs: number;
  retry: RetryPolicy;
  log: Logger;
  /** Where attempts are kept for the staff console (optional: tests and tools may leave it out). */
  attempts?: AttemptLog;
  /** Several instances: one upstream call per request across all of them (see waitForOther). */
  lock?: RequestLock;
  /** How long an instance waits for another's call of the same request. */
  lockWaitMs?: number;
  /** How long a visitor's call may wait for a quota slot before failing (default 0: fail at once). */
  visitorWaitMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A spec with its types widened: the client handles every operation alike. */
function specOf(endpoint: Endpoint): EndpointSpec<ResolvedWindow, { data: unknown[]; meta: Parameters<typeof reshapeMeta>[0] }, unknown> {
  return ENDPOINTS[endpoint] as unknown as EndpointSpec<ResolvedWindow, { data: unknown[]; meta: Parameters<typeof reshapeMeta>[0] }, unknown>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one wrapper around the Datasets API: validate → cache → coalesce → (breaker, quota, timeout,
 * retry policy) → validate the payload → reshape. Every public data function goes through `load`.
 */
export function createDatasetsClient<P extends Partition = Partition>(options: DatasetsClientOptions) {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const inFlight = new Map<string, { request: Promise<CacheEntry>; priority: { value: Priority } }>();
  // Cached payloads are validated when stored; reshaping a year of rows on every read is wasted work.
  const reshaped = new WeakMap<CacheEntry, { rows: unknown[]; meta: DatasetMeta }>();

  function reshapeOnce<Row>(entry: CacheEntry, reshape: (body: unknown) => { rows: Row[]; meta: DatasetMeta }) {
    let hit = reshaped.get(entry) as { rows: Row[]; meta: DatasetMeta } | undefined;
    if (!hit) {
      hit = reshape(entry.body);
      reshaped.set(entry, hit);
    }
    return hit;
  }

  function dataDay(): string {
    return currentDataDay(now(), options.settleMinutes);
  }

  async function attempt(endpoint: Endpoint, query: Record<string, string>, attemptNo: number, partition: Partition): Promise<unknown> {
    const started = Date.now();
    let response: UpstreamResponse | undefined;
    let outcome: DatasetsError | undefined;
    try {
      response = await options.transport({ endpoint, query, signal: AbortSignal.timeout(options.timeoutMs) });
      return parseResponse(endpoint, query, response);
    } catch (error) {
      outcome = classifyThrown(error, options.timeoutMs);
      throw outcome;
    } finally {
      const record = {
        endpoint,
        params: query,
        partition,
        status: response?.status ?? null,
        latencyMs: Date.now() - started,
        attempt: attemptNo,
        outcome: outcome ? outcome.code : 'ok',
      };
      options.log('upstream_attempt', { ...record, source: options.source }, outcome ? 'warn' : 'info');
      await options.attempts
        ?.record({ ...record, at: new Date(started).toISOString(), key: requestKey(endpoint, query), message: outcome?.message.slice(0, 300) ?? null })
        .catch((error: unknown) => options.log('attempt_log_failed', { message: String((error as Error)?.message ?? error).slice(0, 200) }, 'warn'));
    }
  }

  function parseResponse(endpoint: Endpoint, query: Record<string, string>, response: UpstreamResponse): unknown {
    const { status } = response;
    if (status === 200) {
      let json: unknown;
      try {
        json = JSON.parse(response.body);
      } catch (cause) {
        throw new DatasetsError('malformed', `${endpoint}: response is not JSON`, { status, cause });
      }
      const parsed = specOf(endpoint).response.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DatasetsError('malformed', `${endpoint}: response does not match the contract at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, { status });
      }
      const { meta } = parsed.data;
      if (meta.end_date !== query.end_date || meta.start_date !== query.start_date) {
        throw new DatasetsError('malformed', `${endpoint}: response window ${meta.start_date}..${meta.end_date} is not the one requested`, { status });
      }
      return json;
    }
    const message = upstreamMessage(response.body) ?? `HTTP ${status}`;
    if (status === 400) throw new DatasetsError('bad_request', `${endpoint}: upstream rejected the request: ${message}`, { status });
    if (status === 401 || status === 403) throw new DatasetsError('unauthorized', `${endpoint}: upstream refused the API key (${status})`, { status });
    if (status === 429) {
      const retryAfterSeconds = parseRetryAfter(response.retryAfter, now()) ?? 60;
      throw new DatasetsError('rate_limited', `${endpoint}: upstream rate limit: ${message}`, { status, retryAfterSeconds });
    }
    throw new DatasetsError('upstream_error', `${endpoint}: upstream answered ${status}: ${message}`, { status });
  }

  async function fetchWithPolicy(endpoint: Endpoint, query: Record<string, string>, partition: Partition, priority: () => Priority): Promise<unknown> {
    const { retry } = options;
    for (let attemptNo = 1; ; attemptNo += 1) {
      const waitMs = options.breaker.tryPass();
      if (waitMs > 0) {
        throw new DatasetsError('circuit_open', 'upstream calls are paused after repeated failures', {
          retryAfterSeconds: Math.ceil(waitMs / 1000),
        });
      }
      try {
        await options.governor.acquire(partition, { key: requestKey(endpoint, query), priority, waitMs: options.visitorWaitMs ?? 0 });
      } catch (error) {
        options.breaker.release();
        throw error;
      }
      try {
        const body = await attempt(endpoint, query, attemptNo, partition);
        options.breaker.success();
        await options.governor.recordSuccess();
        return body;
      } catch (error) {
        const failure = error as DatasetsError;
        if (failure.isUpstreamFault) options.breaker.failure(failure.code === 'unauthorized' ? 'unauthorized' : 'transient');
        else options.breaker.release();
        const retryAfterMs = (failure.retryAfterSeconds ?? 0) * 1000;
        if (failure.code === 'rate_limited') await options.governor.blockUntil(now().getTime() + retryAfterMs);
        if (attemptNo >= retry.maxAttempts) throw failure;
        if (failure.code === 'rate_limited' && retryAfterMs <= retry.maxRetryAfterMs) {
          // A little past the deadline, so the governor's block has certainly lapsed.
          await sleep(retryAfterMs + 50);
        } else if (failure.retryable && options.breaker.state() === 'closed') {
          await sleep(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attemptNo - 1)));
        } else {
          throw failure;
        }
      }
    }
  }

  function isFresh(entry: CacheEntry, freshness: FetchOptions['freshness']): boolean {
    return freshness === 'final' || entry.dataDay === dataDay();
  }

  async function load(endpoint: Endpoint, query: Record<string, string>, fetchOptions: FetchOptions): Promise<CacheEntry> {
    const key = requestKey(endpoint, query);
    const cached = fetchOptions.force ? undefined : await options.cache.get(key);
    if (cached && isFresh(cached, fetchOptions.freshness)) return cached;
    const pending = inFlight.get(key);
    if (pending) {
      if (!fetchOptions.background && pending.priority.value === 'background') {
        pending.priority.value = 'visitor';
        options.governor.wake();
      }
      return pending.request;
    }
    const priority: { value: Priority } = { value: fetchOptions.background ? 'background' : 'visitor' };
    const fetchAndStore = async (): Promise<CacheEntry> => {
      const fetchedDay = dataDay();
      const body = await fetchWithPolicy(endpoint, query, fetchOptions.partition ?? options.governor.policy.reserved, () => priority.value);
      const entry: CacheEntry = {
        key,
        endpoint,
        query,
        dataDay: fetchedDay,
        fetchedAt: now().toISOString(),
        final: fetchOptions.freshness === 'final',
        body,
      };
      await options.cache.set(entry);
      return entry;
    };
    const request = options.lock ? loadOnce(options.lock, key, fetchOptions, fetchAndStore) : fetchAndStore();
    inFlight.set(key, { request, priority });
    try {
      return await request;
    } finally {
      inFlight.delete(key);
    }
  }

  /**
   * Across instances: the instance that takes the request's lock calls upstream; the others wait for
   * its result to appear in the shared cache (or for the lock to be released without one, then try to
   * take it themselves), up to lockWaitMs.
   */
  async function loadOnce(lock: RequestLock, key: string, fetchOptions: FetchOptions, fetchAndStore: () => Promise<CacheEntry>): Promise<CacheEntry> {
    const startedAt = now().toISOString();
    const done = (entry: CacheEntry | undefined): entry is CacheEntry =>
      entry !== undefined && (fetchOptions.force ? entry.fetchedAt >= startedAt : isFresh(entry, fetchOptions.freshness));
    const deadline = Date.now() + (options.lockWaitMs ?? 20_000);
    for (;;) {
      const release = await lock.acquire(key);
      if (release) {
        try {
          // Another instance may have finished between our cache miss and taking the lock.
          const fetched = fetchOptions.force ? undefined : await options.cache.get(key);
          return done(fetched) ? fetched : await fetchAndStore();
        } finally {
          await release();
        }
      }
      while (Date.now() < deadline) {
        await sleep(100);
        const entry = await options.cache.get(key);
        if (done(entry)) return entry;
        if (!(await lock.isHeld(key))) break;
      }
      if (Date.now() >= deadline) throw new DatasetsError('timeout', 'another instance is still fetching this request', { retryAfterSeconds: 5 });
    }
  }

  function toDataset<Row>(entry: CacheEntry, reshaped: { rows: Row[]; meta: DatasetMeta }): Dataset<Row> {
    return { ...reshaped, source: options.source, dataDay: entry.dataDay, fetchedAt: entry.fetchedAt };
  }

  return {
    source: options.source,
    dataDay,

    /** Fetches a held dataset again now, whatever its freshness (a staff refresh; charged to `partition`). */
    async refetch(entry: Pick<CacheEntry, 'endpoint' | 'query' | 'final'>, partition: P): Promise<CacheEntry> {
      return load(entry.endpoint, entry.query, { partition, force: true, freshness: entry.final ? 'final' : 'data-day' });
    },

    /**
     * One upstream operation's figures for a request (camelCase, defaults filled in by its spec):
     * `get('rankings-daily', { startDate, endDate })`, `get('app-rankings', { sort: 'trending', limit: 100 })`.
     */
    async get<E extends Endpoint>(endpoint: E, input: InputOf<E>, fetchOptions: FetchOptions<P> = {}): Promise<Dataset<RowOf<E>>> {
      const spec = specOf(endpoint);
      const entry = await load(endpoint, spec.upstreamQuery(spec.resolve(input, dataDay(), now())), fetchOptions);
      const reshapedEntry = reshapeOnce(entry, (body) => {
        const raw = spec.response.parse(body);
        return { rows: spec.reshape(raw, entry.query), meta: reshapeMeta(raw.meta) };
      });
      return toDataset(entry, reshapedEntry as { rows: RowOf<E>[]; meta: DatasetMeta });
    },

    /**
     * Gives back the quota slot reserved for a request that will not be made (lib/view-admission.ts):
     * the page after a short one, say.
     */
    release<E extends Endpoint>(endpoint: E, input: InputOf<E>): void {
      const spec = specOf(endpoint);
      options.governor.release(requestKey(endpoint, spec.upstreamQuery(spec.resolve(input, dataDay(), now()))));
    },
  };
}

export type DatasetsClient<P extends Partition = Partition> = ReturnType<typeof createDatasetsClient<P>>;

function upstreamMessage(body: string): string | undefined {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    return typeof message === 'string' ? message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function classifyThrown(error: unknown, timeoutMs: number): DatasetsError {
  if (isDatasetsError(error)) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DatasetsError('timeout', `upstream did not answer within ${timeoutMs} ms`, { cause: error });
  }
  return new DatasetsError('network', `upstream connection failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}
