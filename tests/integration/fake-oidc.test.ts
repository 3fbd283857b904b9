/** @jest-environment node */
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { startFakeOidc, type FakeOidc } from '../helpers/fake-oidc';

const CLIENT_ID = 'tokenboard-test';
const CLIENT_SECRET = 'fake-oidc-test-secret';
// Never contacted: redirects are read by hand, not followed.
const REDIRECT_URI = 'http://127.0.0.1:3100/api/auth/callback/oidc';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  scopes_supported: string[];
  response_types_supported: string[];
  code_challenge_methods_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  id_token_signing_alg_values_supported: string[];
}

interface TokenResponse {
  access_token: string;
  id_token: string;
  token_type: string;
  scope: string;
}

let oidc: FakeOidc;
let discovery: Discovery;

beforeAll(async () => {
  oidc = await startFakeOidc({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] });
  const res = await fetch(`${oidc.origin}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  discovery = (await res.json()) as Discovery;
});
afterAll(() => oidc?.stop());

// ---------------------------------------------------------------- a browser, by hand

/** Cookies by name only: every path and this single host share one jar, like one browser profile. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /;\s*expires=Thu, 01 Jan 1970/i.test(line) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.absorb(res);
  return res;
}

function locationOf(res: Response): URL {
  const location = res.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${res.status} without Location`);
  return new URL(location, oidc.origin);
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(state: string, challenge: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `${discovery.authorization_endpoint}?${params}`;
}

/** Starts an authorization request and returns the login page it lands on. */
async function openLoginPage(jar: CookieJar, state: string, challenge: string, extra: Record<string, string> = {}) {
  const authorize = await browse(jar, authorizeUrl(state, challenge, extra));
  expect(authorize.status).toBe(303);
  const page = locationOf(authorize);
  expect(page.origin).toBe(oidc.origin);
  expect(page.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const res = await browse(jar, page.href);
  const html = await res.text();
  return { status: res.status, html, url: page };
}

function formAction(html: string, pageUrl: URL): string {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form action in:\n${html}`);
  return new URL(action, pageUrl).href;
}

function submitEmail(jar: CookieJar, action: string, email: string) {
  return browse(jar, action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }),
  });
}

/** Follows the provider's own redirects until one leaves it, and returns where it went. */
async function followToClient(jar: CookieJar, res: Response): Promise<URL> {
  let current = res;
  for (let hop = 0; hop < 5; hop++) {
    expect([302, 303]).toContain(current.status);
    const next = locationOf(current);
    if (next.origin !== oidc.origin) return next;
    current = await browse(jar, next.href);
  }
  throw new Error('too many redirects inside the provider');
}

/** A full sign-in in a fresh "browser": returns the callback URL the client would receive. */
async function signIn(email: string, state = randomBytes(8).toString('hex')) {
  const jar = new CookieJar();
  const { verifier, challenge } = pkce();
  const page = await openLoginPage(jar, state, challenge);
  expect(page.status).toBe(200);
  const submitted = await submitEmail(jar, formAction(page.html, page.url), email);
  const callback = await followToClient(jar, submitted);
  return { jar, state, verifier, callback };
}

// ---------------------------------------------------------------- client side

function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

function exchangeCode(code: string, verifier: string, auth: { secret: string; method: 'basic' | 'post' }) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth.method === 'basic') {
    headers.authorization = basicAuth(CLIENT_ID, auth.secret);
  } else {
    body.set('client_id', CLIENT_ID);
    body.set('client_secret', auth.secret);
  }
  return fetch(discovery.token_endpoint, { method: 'POST', headers, body });
}

function codeFrom(callback: URL): string {
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  return code;
}

/** Verifies the RS256 signature against the published JWKS and returns the payload. */
async function verifiedIdToken(idToken: string): Promise<Record<string, unknown>> {
  const [header64, payload64, signature64] = idToken.split('.');
  if (!header64 || !payload64 || !signature64) throw new Error(`not a JWS: ${idToken}`);
  const header = JSON.parse(Buffer.from(header64, 'base64url').toString('utf8')) as { alg: string; kid: string };
  expect(header.alg).toBe('RS256');
  const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
  const jwk = keys.find((key) => key.kid === header.kid);
  if (!jwk) throw new Error(`kid ${header.kid} not in the JWKS`);
  const signed = Buffer.from(`${header64}.${payload64}`);
  const valid = verify('RSA-SHA256', signed, createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature64, 'base64url'));
  expect(valid).toBe(true);
  return JSON.parse(Buffer.from(payload64, 'base64url').toString('utf8')) as Record<string, unknown>;
}

// ---------------------------------------------------------------- tests

test('discovery advertises this issuer and the endpoints a code + PKCE client needs', () => {
  expect(discovery.issuer).toBe(oidc.origin);
  expect(oidc.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(discovery.authorization_endpoint).toBe(`${oidc.origin}/auth`);
  expect(discovery.token_endpoint).toBe(`${oidc.origin}/token`);
  expect(discovery.userinfo_endpoint).toBe(`${oidc.origin}/me`);
  expect(discovery.jwks_uri).toBe(`${oidc.origin}/jwks`);
  expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
  expect(discovery.response_types_supported).toContain('code');
  expect(discovery.code_challenge_methods_supported).toContain('S256');
  expect(discovery.token_endpoint_auth_methods_supported).toEqual(
    expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
  );
  expect(discovery.id_token_signing_alg_values_supported).toContain('RS256');
});

test('the login page is a labelled email form', async () => {
  const page = await openLoginPage(new CookieJar(), 'form-state', pkce().challenge);
  expect(page.status).toBe(200);
  expect(page.html).toContain('<label for="email">Email</label>');
  expect(page.html).toMatch(/<input id="email" name="email" type="text"/);
  expect(page.html).toContain('<button type="submit">Sign in</button>');
  expect(formAction(page.html, page.url)).toBe(`${page.url.href}/login`);
});

test('a full authorization code + PKCE sign-in yields tokens for the typed email', async () => {
  const { state, verifier, callback } = await signIn('Alice.Smith@Example.COM', 'state-123');

  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(oidc.origin);
  expect(callback.searchParams.get('error')).toBeNull();

  const tokenRes = await exchangeCode(codeFrom(callback), verifier, { secret: CLIENT_SECRET, method: 'basic' });
  expect(tokenRes.status).toBe(200);
  const tokens = (await tokenRes.json()) as TokenResponse;
  expect(tokens.token_type).toBe('Bearer');
  expect(tokens.scope.split(' ').sort()).toEqual(['email', 'openid', 'profile']);

  const claims = await verifiedIdToken(tokens.id_token);
  expect(claims).toMatchObject({
    iss: oidc.origin,
    aud: CLIENT_ID,
    sub: 'alice.smith@example.com',
    email: 'alice.smith@example.com',
    email_verified: true,
    name: 'alice.smith',
  });

  const userinfo = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  expect(userinfo.status).toBe(200);
  expect(await userinfo.json()).toEqual({
    sub: 'alice.smith@example.com',
    email: 'alice.smith@example.com',
    email_verified: true,
    name: 'alice.smith',
  });

  expect(await oidc.logins()).toContain('alice.smith@example.com');
});

test('client_secret_post works as well as client_secret_basic', async () => {
  const { verifier, callback } = await signIn('post@example.org');
  const tokenRes = await exchangeCode(codeFrom(callback), verifier, { secret: CLIENT_SECRET, method: 'post' });
  expect(tokenRes.status).toBe(200);
  const claims = await verifiedIdToken(((await tokenRes.json()) as TokenResponse).id_token);
  expect(claims.email).toBe('post@example.org');
});

test('an invalid email re-renders the form with an error and signs nobody in', async () => {
  const jar = new CookieJar();
  const page = await openLoginPage(jar, 'bad-email', pkce().challenge);
  const before = await oidc.logins();

  const res = await submitEmail(jar, formAction(page.html, page.url), 'not-an-email');
  expect(res.status).toBe(400);
  const html = await res.text();
  expect(html).toContain('<label for="email">Email</label>');
  expect(html).toContain('role="alert"');
  expect(html).toContain('is not a valid email address');
  expect(html).toContain('value="not-an-email"');

  expect(await oidc.logins()).toEqual(before);
});

test('the token endpoint rejects a wrong client secret, then accepts the same code with the right one', async () => {
  const { verifier, callback } = await signIn('bob@example.com');
  const code = codeFrom(callback);

  for (const method of ['basic', 'post'] as const) {
    const rejected = await exchangeCode(code, verifier, { secret: 'wrong-secret', method });
    expect([400, 401]).toContain(rejected.status);
    expect(((await rejected.json()) as { error: string }).error).toBe('invalid_client');
  }

  const accepted = await exchangeCode(code, verifier, { secret: CLIENT_SECRET, method: 'basic' });
  expect(accepted.status).toBe(200);
});

test('a wrong PKCE verifier is rejected', async () => {
  const { callback } = await signIn('carol@example.com');
  const res = await exchangeCode(codeFrom(callback), pkce().verifier, { secret: CLIENT_SECRET, method: 'basic' });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
});

test('the provider session signs the same browser in again unless prompt=login', async () => {
  const { jar } = await signIn('dave@example.com');
  const loginsBefore = await oidc.logins();

  const silent = await followToClient(jar, await browse(jar, authorizeUrl('again', pkce().challenge)));
  expect(silent.searchParams.get('state')).toBe('again');
  expect(silent.searchParams.get('code')).toBeTruthy();
  expect(await oidc.logins()).toEqual(loginsBefore);

  const forced = await openLoginPage(jar, 'forced', pkce().challenge, { prompt: 'login' });
  expect(forced.status).toBe(200);
  expect(forced.html).toContain('<button type="submit">Sign in</button>');
});

test('every completed login is listed, lowercased, in order', async () => {
  await signIn('Erin@Example.com');
  await signIn('frank@example.com');
  const logins = await oidc.logins();
  expect(logins.slice(-2)).toEqual(['erin@example.com', 'frank@example.com']);
});
