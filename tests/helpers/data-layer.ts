import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileAttemptLog, type AttemptLog } from '../../lib/datasets/attempt-log';
import { FileResponseCache, type ResponseCache } from '../../lib/datasets/cache';
import { CircuitBreaker, type CircuitOptions } from '../../lib/datasets/circuit';
import { createDatasetsClient, type RetryPolicy } from '../../lib/datasets/client';
import { FileQuotaStore } from '../../lib/datasets/file-store';
import { createHttpTransport } from '../../lib/datasets/http-transport';
import { BUDGET_PLAN } from '../../lib/boards/budget';
import { policyFor, QuotaGovernor, type QuotaStore } from '../../lib/datasets/quota';
import type { RequestLock } from '../../lib/datasets/redis-stores';
import type { LogFields } from '../../lib/log';

export interface LoggedEvent {
  event: string;
  level: string;
  fields: LogFields;
  line: string;
}

export interface TestDataLayerOptions {
  baseUrl: string;
  apiKey: string;
  dataDir?: string;
  perMinute?: number;
  perDay?: number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  circuit?: CircuitOptions;
  /** The client's clock, to simulate later data days. */
  now?: () => Date;
  /** The governor's clock and sleep (real time by default), to run its day and minute limits on simulated time. */
  quotaClock?: { now: () => number; sleep?: (ms: number) => Promise<void> };
  /** Shared state (Redis stores) in place of the DATA_DIR files, as lib/data-layer.ts wires it with REDIS_URL. */
  shared?: { quota: QuotaStore; cache: ResponseCache; attempts: AttemptLog; lock: RequestLock };
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tokenboard-test-'));
}

/** The real data layer, wired as lib/data-layer.ts wires it, but against a given upstream and DATA_DIR. */
export function createTestDataLayer(options: TestDataLayerOptions) {
  const dataDir = options.dataDir ?? tempDataDir();
  const logs: LoggedEvent[] = [];
  const governor = new QuotaGovernor(
    options.shared?.quota ?? new FileQuotaStore(dataDir),
    policyFor(BUDGET_PLAN, options.perMinute ?? 30, options.perDay ?? 500),
    options.quotaClock?.now,
    options.quotaClock?.sleep,
  );
  const breaker = new CircuitBreaker(options.circuit);
  const cache = options.shared?.cache ?? new FileResponseCache(dataDir);
  const attempts = options.shared?.attempts ?? new FileAttemptLog(dataDir);
  const client = createDatasetsClient({
    transport: createHttpTransport({ baseUrl: options.baseUrl, apiKey: options.apiKey, siteUrl: 'http://localhost:3000', siteName: 'Tokenboard' }),
    source: 'openrouter',
    governor,
    cache,
    breaker,
    attempts,
    settleMinutes: 0,
    timeoutMs: options.timeoutMs ?? 5000,
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 2000, ...options.retry },
    ...(options.now ? { now: options.now } : {}),
    ...(options.shared ? { lock: options.shared.lock } : {}),
    log: (event, fields, level = 'info') => logs.push({ event, level, fields, line: JSON.stringify({ event, level, ...fields }) }),
  });
  return { client, governor, breaker, cache, attempts, dataDir, logs };
}

/** Settles every promise and groups outcomes by error code (`ok` for successes). */
export async function outcomes(promises: Promise<unknown>[]): Promise<Record<string, number>> {
  const settled = await Promise.allSettled(promises);
  const counts: Record<string, number> = {};
  for (const result of settled) {
    const key = result.status === 'fulfilled' ? 'ok' : ((result.reason as { code?: string }).code ?? String(result.reason));
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
