import path from 'node:path';
import { spawnServer } from './spawn-server';

const SERVER_PATH = path.resolve(__dirname, '../fake-upstream/server.mjs');
const DEFAULT_KEY = 'sk-or-test-key';

/** Each operation the fake serves, by name, with its path under /api/v1. */
export const FAKE_ENDPOINT_PATHS = {
  'app-rankings': 'datasets/app-rankings',
  'rankings-daily': 'datasets/rankings-daily',
  'session-cost': 'datasets/session-cost',
  'task-classifications': 'classifications/task',
} as const;
export type FakeEndpoint = keyof typeof FAKE_ENDPOINT_PATHS;
export type FakeFaultType = '500' | '503' | 'timeout' | 'reset' | 'malformed' | 'drift' | '401' | '429';

export interface FakeFault {
  type: FakeFaultType;
  /** How many attempts the fault answers; until cleared when omitted. */
  times?: number;
  /** Retry-After seconds for type '429' (default 30). */
  retryAfter?: number;
  /** Only this endpoint; every endpoint when omitted. */
  endpoint?: FakeEndpoint;
}

export interface FakeRequestRecord {
  at: string;
  /** The endpoint name, or the request path when it matched no endpoint. */
  endpoint: string;
  query: Record<string, string | string[]>;
  /** 0 when no response was sent (timeout and reset faults). */
  status: number;
  ms: number;
}

export interface FakeStats {
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  maxConcurrent: number;
  requests: FakeRequestRecord[];
}

export interface FakeUpstream {
  /** http://127.0.0.1:PORT/api/v1 */
  baseUrl: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** A valid API key (the first of `keys`). */
  key: string;
  stats(): Promise<FakeStats>;
  reset(): Promise<void>;
  fault(f: FakeFault): Promise<void>;
  clearFault(): Promise<void>;
  configure(c: FakeConfig): Promise<void>;
  /** Exactly what a valid request would get (or its 400), without auth, counting, limits or faults. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary fields of every body
  peek(endpoint: FakeEndpoint, query: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export interface FakeConfig {
  perMinute?: number;
  perDay?: number;
  latencyMs?: number;
  /** Added to every `as_of`: the same figures published again later (a restatement). */
  asOfOffsetSeconds?: number;
  /** false: no session-cost snapshot yet (empty data, null window_days and window_end_date); reset restores true. */
  sessionCostPublished?: boolean;
}

export interface StartFakeUpstreamOptions {
  perMinute?: number;
  perDay?: number;
  keys?: string[];
  /** YYYY-MM-DD; the most recent completed UTC day is the day before. */
  today?: string;
}

export async function startFakeUpstream(opts: StartFakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const keys = opts.keys?.length ? opts.keys : [DEFAULT_KEY];
  const env: Record<string, string> = { FAKE_UPSTREAM_KEYS: keys.join(',') };
  if (opts.perMinute !== undefined) env.FAKE_PER_MINUTE = String(opts.perMinute);
  if (opts.perDay !== undefined) env.FAKE_PER_DAY = String(opts.perDay);
  if (opts.today !== undefined) env.FAKE_TODAY = opts.today;

  const { origin, stop } = await spawnServer('fake upstream', SERVER_PATH, env);

  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${origin}/__control/${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`fake upstream ${method} ${route} failed: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  return {
    baseUrl: `${origin}/api/v1`,
    origin,
    key: keys[0]!,
    stats: () => control('GET', 'stats') as Promise<FakeStats>,
    reset: async () => void (await control('POST', 'reset')),
    fault: async (f) => void (await control('POST', 'fault', f)),
    clearFault: async () => void (await control('DELETE', 'fault')),
    configure: async (c) => void (await control('POST', 'config', c)),
    peek: async (endpoint, query) => {
      const res = await fetch(`${origin}/__control/peek/${FAKE_ENDPOINT_PATHS[endpoint]}?${new URLSearchParams(query)}`);
      return { status: res.status, body: await res.json() };
    },
    stop,
  };
}

/**
 * The `as_of` the fake stamps on every app-rankings and rankings-daily body once `asOfOffsetSeconds` is set
 * (a restatement): the end of its own last completed day (yesterday, by the clock) plus the offset, whatever
 * window was asked. Not the site's data day plus one: in the site's settle time after midnight that day is
 * one further back. (A published session-cost snapshot is stamped at the end of its window_end_date instead;
 * task classifications carry a date, not a timestamp.)
 */
export function fakeAsOf(offsetSeconds: number, now = Date.now()): string {
  return new Date(now - (now % 86_400_000) + offsetSeconds * 1000).toISOString();
}
