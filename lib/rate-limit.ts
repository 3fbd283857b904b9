import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Per-client limit on the JSON API (`/api/*`), checked in middleware before any route runs. Pages are
 * cached HTML and cost nothing to repeat; the API is what a script would hammer. The upstream budget
 * never depends on this (the data layer governs it); this keeps one client from crowding out others.
 *
 * Sign-in (`/api/auth/*`, which has its own per-account throttle) and `/api/health` (load balancers
 * poll it) are not counted. Counters live in this process: behind a load balancer each instance
 * allows the limit, which bounds a client at (instances × limit).
 */
export const EXEMPT_API_PATHS = /^\/api\/(?:auth(?:\/|$)|health\/?$)/;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the client's window resets (at least 1). */
  retryAfterSeconds: number;
}

export class ApiRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async take(client: string): Promise<RateDecision> {
    try {
      return this.decision(true, await this.limiter.consume(client));
    } catch (rejected) {
      if (rejected instanceof RateLimiterRes) return this.decision(false, rejected);
      throw rejected;
    }
  }

  private decision(allowed: boolean, res: RateLimiterRes): RateDecision {
    return {
      allowed,
      limit: this.perMinute,
      remaining: res.remainingPoints,
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    };
  }
}

/**
 * Who is asking: the last address in X-Forwarded-For. A reverse proxy (deploy/nginx.conf) appends the
 * address it saw, so earlier entries are whatever the client claimed and cannot be trusted; without a
 * proxy, `next start` fills the header from the socket. Run public traffic through the proxy: a client
 * that reaches `next start` directly can write the header itself.
 */
export function clientOf(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || 'unknown';
}
