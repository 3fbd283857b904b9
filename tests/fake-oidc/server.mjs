// A real OpenID Connect provider (panva/oidc-provider) for sign-in tests over plain http on
// 127.0.0.1: one confidential client from the environment, any valid email signs in with no
// password and no consent screen, and a control endpoint lists the logins that completed.
//
//   FAKE_OIDC_PORT            listen port; 0 (the default) picks a free one
//   FAKE_OIDC_CLIENT_ID       the client's id
//   FAKE_OIDC_CLIENT_SECRET   the client's secret (client_secret_basic or client_secret_post)
//   FAKE_OIDC_REDIRECT_URIS   comma-separated redirect URIs registered for the client
//
// Prints one stdout line once ready: `fake oidc listening on http://127.0.0.1:PORT`.
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const HOST = '127.0.0.1';
const SCOPE = 'openid email profile';
const MAX_FORM_BYTES = 16 * 1024;
// The WHATWG definition of a valid email address (what <input type="email"> accepts).
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const INTERACTION_RE = /^\/interaction\/([\w-]+)(\/login)?$/;

const logins = [];
const accounts = new Map();

// ---------------------------------------------------------------- configuration

function readConfig(env) {
  const port = Number(env.FAKE_OIDC_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid FAKE_OIDC_PORT: ${env.FAKE_OIDC_PORT}`);
  const clientId = required(env, 'FAKE_OIDC_CLIENT_ID');
  const clientSecret = required(env, 'FAKE_OIDC_CLIENT_SECRET');
  const redirectUris = required(env, 'FAKE_OIDC_REDIRECT_URIS')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  return { port, clientId, clientSecret, redirectUris };
}

function required(env, name) {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function providerConfig({ clientId, clientSecret, redirectUris }) {
  return {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // A client registered for client_secret_basic may also authenticate with client_secret_post.
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Drop the default offline_access: no refresh tokens in these tests.
    scopes: ['openid'],
    responseTypes: ['code'],
    // Put the scope's claims in the ID token too, so a client reading only the ID token sees email.
    conformIdTokenClaims: false,
    // Signed cookies need keys; `secure` follows the request, so plain http gets non-secure cookies.
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [signingKey()] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => accounts.get(sub),
    clientBasedCORS: () => false,
    // Explicit values also keep oidc-provider's "you SHOULD change" notices off stdout.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 3600,
      Session: 3600,
    },
  };
}

// ---------------------------------------------------------------- accounts

function account(email) {
  const name = email.slice(0, email.indexOf('@'));
  return {
    accountId: email,
    claims: () => ({ sub: email, email, email_verified: true, name }),
  };
}

// ---------------------------------------------------------------- interaction pages

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage({ uid, clientId, email = '', error }) {
  const invalid = error ? ' aria-invalid="true" aria-describedby="email-error"' : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Fake OIDC</title></head>
<body>
<main>
<h1>Sign in</h1>
<p>to continue to ${escapeHtml(clientId)}</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="text" inputmode="email" autocomplete="email" autofocus value="${escapeHtml(email)}"${invalid}>
${error ? `<p id="email-error" role="alert">${escapeHtml(error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req.setEncoding('utf8')) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) throw new Error('form body too large');
  }
  return new URLSearchParams(body);
}

// The interaction cookie ties the page to one authorization request; a stale or foreign uid is an error.
async function interactionFor(provider, req, res, uid) {
  try {
    const details = await provider.interactionDetails(req, res);
    return details.uid === uid ? details : null;
  } catch {
    return null;
  }
}

async function grantAll(provider, details) {
  const { accountId } = details.session ?? details.result?.login ?? {};
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(SCOPE);
  return grant.save();
}

async function showInteraction(provider, req, res, uid) {
  const details = await interactionFor(provider, req, res, uid);
  if (!details) return sendHtml(res, 400, '<!doctype html><title>Sign in</title><p>This sign-in request has expired. Start again.</p>');
  if (details.prompt.name === 'login') {
    const email = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    return sendHtml(res, 200, loginPage({ uid, clientId: details.params.client_id, email }));
  }
  // Already signed in here but not yet consented (e.g. new scopes): consent is implicit.
  const grantId = await grantAll(provider, details);
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function submitLogin(provider, req, res, uid) {
  const details = await interactionFor(provider, req, res, uid);
  if (!details) return sendHtml(res, 400, '<!doctype html><title>Sign in</title><p>This sign-in request has expired. Start again.</p>');
  const typed = ((await readForm(req)).get('email') ?? '').trim();
  if (!EMAIL_RE.test(typed)) {
    const error = typed ? `"${typed}" is not a valid email address.` : 'Enter your email address.';
    return sendHtml(res, 400, loginPage({ uid, clientId: details.params.client_id, email: typed, error }));
  }
  const email = typed.toLowerCase();
  accounts.set(email, account(email));
  // Grant consent along with the login so the provider never asks for it.
  const grant = new provider.Grant({ accountId: email, clientId: details.params.client_id });
  grant.addOIDCScope(SCOPE);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: email }, consent: { grantId } }, { mergeWithLastSubmission: false });
  logins.push(email);
}

// ---------------------------------------------------------------- server

function router(provider) {
  const oidc = provider.callback();
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/__control/logins' && req.method === 'GET') return sendJson(res, 200, { logins });
    const match = INTERACTION_RE.exec(pathname);
    if (match && !match[2] && req.method === 'GET') return showInteraction(provider, req, res, match[1]);
    if (match && match[2] && req.method === 'POST') return submitLogin(provider, req, res, match[1]);
    return oidc(req, res);
  };
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server.address().port));
  });
}

async function main() {
  const config = readConfig(process.env);
  let handle = async (_req, res) => sendJson(res, 503, { error: 'starting' });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  });
  // The issuer must carry the real port, so the provider is built once the port is known.
  const port = await listen(server, config.port);
  const issuer = `http://${HOST}:${port}`;
  const provider = new Provider(issuer, providerConfig(config));
  handle = router(provider);

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  console.log(`fake oidc listening on ${issuer}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
