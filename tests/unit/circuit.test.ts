import { CircuitBreaker } from '@/lib/datasets/circuit';

function breaker() {
  let now = 0;
  const b = new CircuitBreaker({ threshold: 3, cooldownMs: 1000, maxCooldownMs: 4000 }, () => now);
  return { b, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after consecutive failures and lets one probe through after the cooldown', () => {
    const { b, advance } = breaker();
    b.failure('transient');
    b.failure('transient');
    expect(b.tryPass()).toBe(0);
    b.failure('transient');
    expect(b.state()).toBe('open');
    expect(b.tryPass()).toBe(1000);
    advance(1000);
    expect(b.state()).toBe('half-open');
    expect(b.tryPass()).toBe(0);
    expect(b.tryPass()).toBeGreaterThan(0); // only one probe at a time
    b.success();
    expect(b.state()).toBe('closed');
  });

  it('doubles the cooldown when the probe fails, up to the ceiling', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i += 1) b.failure('transient');
    for (const expected of [2000, 4000, 4000]) {
      advance(10_000);
      expect(b.tryPass()).toBe(0);
      b.failure('transient');
      expect(b.tryPass()).toBe(expected);
    }
  });

  it('opens at the ceiling at once for a refused key', () => {
    const { b } = breaker();
    b.failure('unauthorized');
    expect(b.tryPass()).toBe(4000);
  });

  it('a success resets the failure count', () => {
    const { b } = breaker();
    b.failure('transient');
    b.failure('transient');
    b.success();
    b.failure('transient');
    b.failure('transient');
    expect(b.state()).toBe('closed');
  });
});
