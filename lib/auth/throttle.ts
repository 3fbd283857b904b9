import 'server-only';

/**
 * Password guessing brake: after MAX_FAILURES wrong passwords for one email within WINDOW_MS, that
 * email's password sign-in is refused until the window has passed (single sign-on is unaffected).
 * Per process, in memory: enough to turn an online guessing attack into a crawl.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: () => number = Date.now) {}

  private recent(email: string): number[] {
    const since = this.clock() - WINDOW_MS;
    const kept = (this.failures.get(email) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.failures.set(email, kept);
    else this.failures.delete(email);
    return kept;
  }

  isLocked(email: string): boolean {
    return this.recent(email).length >= MAX_FAILURES;
  }

  recordFailure(email: string): void {
    this.failures.set(email, [...this.recent(email), this.clock()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(email);
  }
}
