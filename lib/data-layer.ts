import 'server-only';
import path from 'node:path';
import { BUDGET_PLAN, type BudgetPartition } from './boards/budget';
import { getConfig } from './env';
import { logEvent } from './log';
import { connectRedis } from './redis';
import { registerViewAdmission } from './view-admission';
import { createViewAdmission } from './datasets/admission';
import { FileAttemptLog, type AttemptHistory, type AttemptLog } from './datasets/attempt-log';
import { FileResponseCache, type CacheEntry, type CacheEntrySummary, type ResponseCache } from './datasets/cache';
import { CircuitBreaker } from './datasets/circuit';
import { createDatasetsClient, type DatasetsClient } from './datasets/client';
import { createDemoTransport } from './datasets/demo-transport';
import { FileQuotaStore } from './datasets/file-store';
import { InvalidParamsError } from './datasets/errors';
import { createHttpTransport } from './datasets/http-transport';
import { policyFor, QuotaGovernor, type QuotaSnapshot } from './datasets/quota';
import { RedisAttemptLog, RedisQuotaStore, RedisRequestLock, RedisResponseCache } from './datasets/redis-stores';

export type { Dataset, DataSource, FetchOptions } from './datasets/client';
export type { AppRanking, DatasetMeta, ModelDay } from './datasets/endpoints';
export { DatasetsError, InvalidParamsError, isDatasetsError } from './datasets/errors';
export type { AttemptHistory, AttemptRecord } from './datasets/attempt-log';
export type { CacheEntrySummary } from './datasets/cache';
export type { QuotaSnapshot } from './datasets/quota';
export type { BudgetPartition } from './boards/budget';

interface DataLayer {
  client: DatasetsClient<BudgetPartition>;
  governor: QuotaGovernor;
  breaker: CircuitBreaker;
  cache: ResponseCache;
  attempts: AttemptLog;
}

const DEMO_LIMITS = { perMinute: 6_000, perDay: 1_000_000 };

// One data layer per process, even when Next bundles this module into several route chunks:
// coalescing and the breaker only work if every caller shares them.
const GLOBAL_KEY = Symbol.for('tokenboard.datasets');

function dataLayer(): DataLayer {
  const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: DataLayer };
  holder[GLOBAL_KEY] ??= buildDataLayer();
  return holder[GLOBAL_KEY];
}

function buildDataLayer(): DataLayer {
  const config = getConfig();
  // Demo figures must never be mixed with real ones, nor demo attempts counted against the real budget.
  const stateDir = config.mode === 'live' ? config.dataDir : path.join(config.dataDir, 'demo');
  // The demo source is in-process and free: the governor still runs (same code path) but the limits are
  // not the upstream's, or a visitor browsing app categories would be refused synthetic data.
  const limits = config.mode === 'live' ? config.quota : DEMO_LIMITS;
  const shared = config.redisUrl ? sharedState(config.redisUrl, `tokenboard:${config.mode}`) : undefined;
  const governor = new QuotaGovernor(shared?.quota ?? new FileQuotaStore(stateDir), policyFor(BUDGET_PLAN, limits.perMinute, limits.perDay));
  const breaker = new CircuitBreaker();
  const cache = shared?.cache ?? new FileResponseCache(stateDir);
  const attempts = shared?.attempts ?? new FileAttemptLog(stateDir);
  const transport =
    config.mode === 'live' && config.apiKey
      ? createHttpTransport({ baseUrl: config.baseUrl, apiKey: config.apiKey, siteUrl: config.siteUrl, siteName: config.siteName })
      : createDemoTransport();
  const client = createDatasetsClient<BudgetPartition>({
    transport,
    source: config.mode === 'live' ? 'openrouter' : 'demo',
    governor,
    cache,
    breaker,
    settleMinutes: config.settleMinutes,
    timeoutMs: config.upstreamTimeoutMs,
    retry: { maxAttempts: config.maxAttempts, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 5000 },
    log: logEvent,
    attempts,
    visitorWaitMs: config.quota.visitorWaitMs,
    ...(shared ? { lock: shared.lock } : {}),
  });
  // Live only: the demo source is free, so there is no budget a view could lack.
  if (config.mode === 'live') registerViewAdmission(createViewAdmission({ governor, cache, waitMs: config.quota.visitorWaitMs, log: logEvent }));
  return { client, governor, breaker, cache, attempts };
}

/**
 * Several instances (REDIS_URL): quota, payloads, attempts and request locks in Redis, so the limits
 * hold across all instances together and each request is fetched once. The quota store gets a
 * connection of its own (WATCH is per connection).
 */
function sharedState(url: string, prefix: string) {
  const client = connectRedis(url, 'data');
  return {
    quota: new RedisQuotaStore(connectRedis(url, 'quota'), `${prefix}:quota`),
    cache: new RedisResponseCache(client, prefix),
    attempts: new RedisAttemptLog(client, prefix),
    lock: new RedisRequestLock(client, prefix),
  };
}

export function getDatasets(): DatasetsClient<BudgetPartition> {
  return dataLayer().client;
}

/** The site holds at least one validated upstream payload (so pages have rendered from it before). */
export function hasCachedData(): Promise<boolean> {
  return dataLayer().cache.hasAny();
}

export interface DataLayerStatus {
  mode: 'live' | 'demo';
  dataDay: string;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  budget: QuotaSnapshot<BudgetPartition>;
  circuit: ReturnType<CircuitBreaker['state']>;
  hasCachedData: boolean;
  /** The site can answer: it holds data, or it may fetch some right now. */
  canServe: boolean;
}

export async function getDataLayerStatus(): Promise<DataLayerStatus> {
  const { client, governor, breaker, cache, attempts } = dataLayer();
  const [snapshot, hasCachedData, history] = await Promise.all([governor.snapshot(), cache.hasAny(), attempts.read()]);
  // The governor's policy is BUDGET_PLAN's: its snapshot lists exactly the plan's partitions.
  const budget = snapshot as QuotaSnapshot<BudgetPartition>;
  const mode = getConfig().mode;
  const circuit = breaker.state();
  const mayFetch = budget.partitions.core.left > 0 && circuit !== 'open' && budget.blockedUntil === null;
  return {
    mode,
    dataDay: client.dataDay(),
    lastSuccessAt: budget.lastSuccessAt,
    lastFailureAt: latestFailure(history),
    budget,
    circuit,
    hasCachedData,
    canServe: mode === 'demo' || hasCachedData || mayFetch,
  };
}

/** When a dataset's latest fetch failed (and no later fetch of it succeeded); null when none is failing. */
function latestFailure(history: AttemptHistory): string | null {
  const times = Object.values(history.lastErrors).map((error) => error.at);
  return times.length === 0 ? null : times.reduce((a, b) => (a > b ? a : b));
}

/**
 * For the staff console (lib/staff, which checks the caller is staff): what the site holds, the
 * recent attempts, and a forced refetch of one held dataset charged to `partition`.
 */
export function listHeldDatasets(): Promise<CacheEntrySummary[]> {
  return dataLayer().cache.list();
}

export function readAttemptHistory(): Promise<AttemptHistory> {
  return dataLayer().attempts.read();
}

export async function refetchHeldDataset(key: string, partition: BudgetPartition): Promise<CacheEntry> {
  const { cache, client } = dataLayer();
  const held = await cache.get(key);
  if (!held) throw new InvalidParamsError('dataset', `no dataset with key ${key} is held`);
  return client.refetch(held, partition);
}
