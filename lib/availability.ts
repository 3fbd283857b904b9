/**
 * A process-wide "cold outage" flag: the site holds no data at all and the upstream is failing, so no
 * data page can render. middleware.ts answers 503 with Retry-After while it is set, instead of letting
 * each visitor wait for a render that fails. Pages that have rendered before never need it: ISR keeps
 * serving them.
 */
const KEY = Symbol.for('tokenboard.coldOutage');

type Holder = typeof globalThis & { [KEY]?: { until: number } };

export function reportColdOutage(retryAfterSeconds: number, now = Date.now()): void {
  (globalThis as Holder)[KEY] = { until: now + Math.max(1, retryAfterSeconds) * 1000 };
}

export function clearColdOutage(): void {
  delete (globalThis as Holder)[KEY];
}

/** Seconds until a render may be tried again; 0 when there is no cold outage (or it is time to retry). */
export function coldOutageRetryAfter(now = Date.now()): number {
  const outage = (globalThis as Holder)[KEY];
  return outage && outage.until > now ? Math.ceil((outage.until - now) / 1000) : 0;
}
