/**
 * A circuit breaker in front of the upstream: after `threshold` consecutive failures it stops calling
 * for a cooldown (doubling on each failed probe, up to a ceiling), then lets a single probe through.
 * A bad key opens it at the ceiling at once: retrying a 401 only burns quota.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitOptions {
  threshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
}

export const DEFAULT_CIRCUIT: CircuitOptions = { threshold: 5, cooldownMs: 30_000, maxCooldownMs: 300_000 };

export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private cooldown: number;
  private probing = false;

  constructor(
    private readonly options: CircuitOptions = DEFAULT_CIRCUIT,
    private readonly clock: () => number = Date.now,
  ) {
    this.cooldown = options.cooldownMs;
  }

  state(): CircuitState {
    if (this.openUntil === 0) return 'closed';
    return this.clock() < this.openUntil ? 'open' : 'half-open';
  }

  /** Milliseconds until a call may be tried, or 0 when one may go now (claiming the half-open probe). */
  tryPass(): number {
    const state = this.state();
    if (state === 'closed') return 0;
    if (state === 'open') return this.openUntil - this.clock();
    if (this.probing) return 1000;
    this.probing = true;
    return 0;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probing = false;
    this.cooldown = this.options.cooldownMs;
  }

  /** The claimed probe ended without telling anything about the upstream's health (e.g. no quota). */
  release(): void {
    this.probing = false;
  }

  failure(kind: 'transient' | 'unauthorized'): void {
    this.failures += 1;
    const wasProbing = this.probing;
    this.probing = false;
    if (kind === 'unauthorized') {
      this.open(this.options.maxCooldownMs);
    } else if (wasProbing) {
      this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs);
      this.open(this.cooldown);
    } else if (this.failures >= this.options.threshold) {
      this.open(this.cooldown);
    }
  }

  private open(forMs: number): void {
    this.openUntil = this.clock() + forMs;
  }
}
