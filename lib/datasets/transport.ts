import type { Endpoint } from './endpoints';

/** One attempt at the upstream, already validated and governed by the caller. */
export interface UpstreamRequest {
  endpoint: Endpoint;
  /** Query parameters exactly as sent (snake_case names, string values). */
  query: Readonly<Record<string, string>>;
  signal: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  /** Raw `Retry-After` header value, when present. */
  retryAfter: string | null;
  body: string;
}

/**
 * Where attempts go: the OpenRouter HTTP API in live mode, the synthetic demo source otherwise.
 * Everything above a transport (validation, quota, retries, cache) is the same code in both modes.
 */
export type Transport = (request: UpstreamRequest) => Promise<UpstreamResponse>;
