import { ApiRateLimiter, clientOf, EXEMPT_API_PATHS } from '@/lib/rate-limit';

describe('API rate limit', () => {
  test('allows the limit per client per minute, then refuses with the wait', async () => {
    const limiter = new ApiRateLimiter(3);
    const seen = [];
    for (let i = 0; i < 4; i += 1) seen.push(await limiter.take('a'));
    expect(seen.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(seen.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(seen[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(seen[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.take('b')).allowed).toBe(true);
  });

  test('the client is the address the nearest proxy appended, not what the client claimed', () => {
    expect(clientOf(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.7' }))).toBe('203.0.113.7');
    expect(clientOf(new Headers({ 'x-forwarded-for': ' 203.0.113.7 ' }))).toBe('203.0.113.7');
    expect(clientOf(new Headers())).toBe('unknown');
  });

  test('sign-in and health checks are not counted; everything else under /api is', () => {
    for (const exempt of ['/api/auth/session', '/api/auth/callback/oidc', '/api/health', '/api/health/']) expect(EXEMPT_API_PATHS.test(exempt)).toBe(true);
    for (const counted of ['/api/models', '/api/apps', '/api/staff/explorer', '/api/healthz', '/api/authx']) expect(EXEMPT_API_PATHS.test(counted)).toBe(false);
  });
});
