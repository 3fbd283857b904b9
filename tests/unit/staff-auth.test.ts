import { hashPassword, verifyPassword } from '@/lib/auth/password.mjs';
import { matchesAllowlist } from '@/lib/auth/allowlist';
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from '@/lib/auth/throttle';
import { ConfigError, parseConfig, secretWeakness, splitList } from '@/lib/env';
import { staffAreaOf } from '@/middleware';

const STRONG = 'Zq8vN3xLp0Rt7YwKc5Hs2JdGf9BmUe4Aa1';
const HASH = `scrypt$16384$8$1$${'A'.repeat(22)}$${'B'.repeat(43)}`;

describe('matchesAllowlist', () => {
  const entries = ['alice@staff.example', '@corp.example'];

  it('matches exact emails and whole domains, case-insensitively', () => {
    expect(matchesAllowlist('alice@staff.example', entries)).toBe(true);
    expect(matchesAllowlist(' Alice@Staff.Example ', entries)).toBe(true);
    expect(matchesAllowlist('anyone@corp.example', entries)).toBe(true);
  });

  it('does not match look-alikes, subdomains or other people at a listed person’s domain', () => {
    expect(matchesAllowlist('bob@staff.example', entries)).toBe(false);
    expect(matchesAllowlist('eve@evil.corp.example', entries)).toBe(false);
    expect(matchesAllowlist('eve@corp.example.evil', entries)).toBe(false);
    expect(matchesAllowlist('alice@staff.example@evil.example', entries)).toBe(false);
    expect(matchesAllowlist('@corp.example', entries)).toBe(false);
    expect(matchesAllowlist('', entries)).toBe(false);
  });
});

describe('splitList', () => {
  it('accepts commas, spaces and lines, with # comments', () => {
    expect(splitList('a@x.io, b@x.io\n# former staff: c@x.io\n@y.io  d@z.io # on call')).toEqual(['a@x.io', 'b@x.io', '@y.io', 'd@z.io']);
  });
});

describe('staff configuration', () => {
  it('is off with nothing set, and then needs no secret', () => {
    const { staff } = parseConfig({ NODE_ENV: 'production' });
    expect(staff).toMatchObject({ enabled: false, oidc: undefined, secureCookies: false, sessionMinutes: 60 });
    expect(staff.users.size).toBe(0);
  });

  it('reads OIDC, users and the allowlist; https makes cookies secure', () => {
    const { staff } = parseConfig({
      NODE_ENV: 'production',
      SITE_URL: 'https://tokenboard.example',
      AUTH_SECRET: STRONG,
      STAFF_OIDC_ISSUER: 'https://id.example/realms/staff/',
      STAFF_OIDC_CLIENT_ID: 'tokenboard',
      STAFF_OIDC_CLIENT_SECRET: 's3cret-value',
      STAFF_USERS: `Alice@Staff.Example:${HASH}`,
      STAFF_ALLOWLIST: 'Alice@Staff.Example, @corp.example',
      STAFF_SESSION_MINUTES: '30',
    });
    expect(staff).toMatchObject({
      enabled: true,
      secret: STRONG,
      oidc: { issuer: 'https://id.example/realms/staff', clientId: 'tokenboard', name: 'Single sign-on' },
      allowlist: ['alice@staff.example', '@corp.example'],
      secureCookies: true,
      sessionMinutes: 30,
    });
    expect([...staff.users]).toEqual([['alice@staff.example', HASH]]);
  });

  it.each([
    [{ NODE_ENV: 'production', STAFF_USERS: `a@b.io:${HASH}` }, 'AUTH_SECRET must be set when staff sign-in is configured in production'],
    [{ NODE_ENV: 'production', STAFF_USERS: `a@b.io:${HASH}`, AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters'],
    [{ NODE_ENV: 'production', STAFF_USERS: `a@b.io:${HASH}`, NEXTAUTH_SECRET: 'a'.repeat(40) }, 'AUTH_SECRET is too repetitive to be a random secret'],
    [{ NODE_ENV: 'production', STAFF_USERS: `a@b.io:${HASH}`, AUTH_SECRET: 'please-change-me-before-going-live-2026' }, 'AUTH_SECRET looks like a placeholder'],
    [{ STAFF_OIDC_ISSUER: 'https://id.example' }, 'STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET must be set together'],
    [{ STAFF_USERS: 'a@b.io:plaintext-password' }, 'STAFF_USERS entries must be email:hash'],
    [{ STAFF_OIDC_ISSUER: 'not a url', STAFF_OIDC_CLIENT_ID: 'x', STAFF_OIDC_CLIENT_SECRET: 'y' }, 'STAFF_OIDC_ISSUER must be the http(s) URL'],
    [{ STAFF_SESSION_MINUTES: '1440' }, 'STAFF_SESSION_MINUTES'],
  ])('refuses to start on a bad staff setting (%#)', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('accepts a missing secret outside production (a random one per process is used)', () => {
    expect(parseConfig({ NODE_ENV: 'development', STAFF_USERS: `a@b.io:${HASH}` }).staff.enabled).toBe(true);
  });

  it('judges secrets', () => {
    expect(secretWeakness(STRONG)).toBeUndefined();
    expect(secretWeakness(undefined)).toMatch(/must be set/);
  });
});

describe('passwords', () => {
  it('hashes with a fresh salt and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    await expect(verifyPassword('correct horse battery staple', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', first)).resolves.toBe(false);
    await expect(verifyPassword('correct horse battery staple', HASH)).resolves.toBe(false);
  });

  it('refuses short passwords and rejects malformed hashes without throwing', async () => {
    await expect(hashPassword('too short')).rejects.toThrow('at least 12 characters');
    await expect(verifyPassword('anything', 'bcrypt$whatever')).resolves.toBe(false);
    await expect(verifyPassword('anything', 'scrypt$99999999999$8$1$AAAA$BBBB')).resolves.toBe(false);
  });
});

describe('staffAreaOf (middleware)', () => {
  it.each([
    ['/staff', 'page'],
    ['/staff/', 'page'],
    ['/staff/explorer', 'page'],
    ['/staff.rsc', 'page'],
    ['/STAFF', 'page'],
    ['/%73taff', 'page'],
    ['/st%61ff/explorer', 'page'],
    ['//staff', 'page'],
    ['/staff/%zz', 'page'],
    ['/%73taff/%E0%A4%A', 'page'],
    ['/api/staff/explorer', 'api'],
    ['/api/%73taff/explorer', 'api'],
    ['/API/Staff', 'api'],
  ])('%s is staff %s', (path, area) => {
    expect(staffAreaOf(path)).toBe(area);
  });

  it.each(['/', '/staffing', '/models/staff', '/api/staffs', '/sign-in', '/%zz'])('%s is public', (path) => {
    expect(staffAreaOf(path)).toBeNull();
  });
});

describe('SignInThrottle', () => {
  it('locks an email after 5 wrong passwords within 15 minutes, and only that email, until the window passes', () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) throttle.recordFailure('a@x.io');
    expect(throttle.isLocked('a@x.io')).toBe(false);
    throttle.recordFailure('a@x.io');
    expect(throttle.isLocked('a@x.io')).toBe(true);
    expect(throttle.isLocked('b@x.io')).toBe(false);
    now = WINDOW_MS + 1;
    expect(throttle.isLocked('a@x.io')).toBe(false);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) throttle.recordFailure('a@x.io');
    throttle.recordSuccess('a@x.io');
    throttle.recordFailure('a@x.io');
    expect(throttle.isLocked('a@x.io')).toBe(false);
  });
});
