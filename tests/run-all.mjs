#!/usr/bin/env node
// The whole suite in one command: typecheck and lint, unit + integration (jest), then production builds and the
// end-to-end suite in Chromium (Playwright). Ends with one line `N passed, N failed` over all suites.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../lib/auth/password.mjs';
import { minuteOfDay, root, startFake, startProcess, startRedis } from './helpers/processes.mjs';

const artifacts = path.join(root, 'tests/.artifacts');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const bin = (name) => path.join(root, 'node_modules/.bin', name);
// `--only <stage>[,<stage>…]` (static, jest, demo, audit, live, flood, outage, scale) runs those stages while working on them; CI runs all.
const onlyAt = process.argv.indexOf('--only');
const wanted = (stage) => onlyAt < 0 || (process.argv[onlyAt + 1] ?? '').split(',').includes(stage);
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

/** Like run, but also keeps the output (server logs included) in a file, for the key-leak check. */
function runLogged(label, command, args, env, logFile) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stdout.on('data', (chunk) => (process.stdout.write(chunk), log.write(chunk)));
  child.stderr.on('data', (chunk) => (process.stderr.write(chunk), log.write(chunk)));
  return new Promise((resolve) => {
    child.once('close', (code) => {
      log.end();
      console.log(`=== ${label}: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve(code ?? 1);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// 0. static checks: each counts as one test
if (wanted('static')) {
  for (const [label, command, args] of [
    ['typecheck', bin('tsc'), ['--noEmit', '-p', '.']],
    ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ]) {
    if (run(label, command, args) === 0) totals.passed += 1;
    else totals.failed += 1;
  }
}

// 1. jest: unit and integration projects
if (wanted('jest')) {
  const jestReport = path.join(artifacts, 'jest.json');
  const jestExit = run('jest', bin('jest'), ['--config', 'tests/jest.config.mjs', '--json', `--outputFile=${jestReport}`]);
  const jest = readJson(jestReport);
  if (jest) {
    totals.passed += jest.numPassedTests;
    totals.failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
  } else {
    totals.failed += 1;
  }
  if (jestExit !== 0 && jest && jest.numFailedTests === 0 && !jest.numRuntimeErrorTestSuites) totals.failed += 1;
}

// 2. and 3. production builds served by `next start`, driven by Playwright in Chromium:
// demo mode (no key), then live mode against the fake upstream with a recognisable key.
async function e2ePhase(name, env, config = 'tests/e2e/playwright.config.ts', { build = true } = {}) {
  if (!wanted(name)) return;
  if (build) {
    rmSync(path.join(root, '.next'), { recursive: true, force: true });
    if ((await runLogged(`build (${name})`, bin('next'), ['build'], env, path.join(artifacts, `${name}-build.log`))) !== 0) {
      totals.failed += 1;
      return;
    }
  }
  if (name === 'demo') {
    // Bundle budgets, measured on the build the demo suite then serves; one test.
    if (run('bundle budget', process.execPath, ['tests/bench/bundle-size.mjs', '--check']) === 0) totals.passed += 1;
    else totals.failed += 1;
  }
  const report = path.join(artifacts, `playwright-${name}.json`);
  await runLogged(
    `e2e (${name})`,
    bin('playwright'),
    ['test', '--config', config, `tests/e2e/${name}/`],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    path.join(artifacts, `${name}-e2e.log`),
  );
  const pw = readJson(report);
  if (!pw?.stats) {
    totals.failed += 1;
    return;
  }
  totals.passed += pw.stats.expected;
  totals.failed += pw.stats.unexpected + pw.stats.flaky + (pw.errors?.length ?? 0);
}

/**
 * The live key must appear in nothing the build or the server produced: no file under .next (client
 * bundles in static/, prerendered HTML and RSC payloads in server/), no line of the build output or of
 * the server's log during the whole live suite. Each check counts as one test.
 */
function keyLeakChecks(key, phases) {
  const phase = phases.join('+');
  const files = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const checks = [
    ['files under .next/static', files(path.join(root, '.next/static'))],
    ['prerendered pages and payloads under .next/server', files(path.join(root, '.next/server'))],
    ['build output and server log', phases.flatMap((p) => [`${p}-build.log`, `${p}-e2e.log`]).map((log) => path.join(artifacts, log)).filter(existsSync)],
  ];
  for (const [label, list] of checks) {
    const leaks = list.filter((file) => readFileSync(file).includes(key));
    console.log(`key leak (${phase}): ${label}: ${list.length} files scanned, ${leaks.length} contain the key${leaks.length ? `: ${leaks.join(', ')}` : ''}`);
    if (leaks.length === 0 && list.length > 0) totals.passed += 1;
    else totals.failed += 1;
  }
}

// The suites send thousands of API requests from one address; the limit itself is tested on a server of its own.
// E2E_PORT (default 3100) moves the suite's server, e.g. to run a stage beside another checkout's.
const e2ePort = process.env.E2E_PORT ?? '3100';
const common = { NEXT_TELEMETRY_DISABLED: '1', SITE_URL: `http://127.0.0.1:${e2ePort}`, API_RATE_LIMIT_PER_MINUTE: '0' };
const demoEnv = { ...common, OPENROUTER_API_KEY: '', DATA_DIR: path.join(artifacts, 'data-demo') };
await e2ePhase('demo', demoEnv);

// 2b. the site audit on the demo build: Lighthouse (SEO, Accessibility, Best Practices 100; Performance
// ≥ the ratchet in tests/seo/audit.mjs) and the Nu Html Checker on `/`, `/models`, `/apps`, a model page and an app category page, one
// test per page and check (tests/seo/audit.mjs). With `--only audit`, after a demo build of its own.
if (wanted('audit')) {
  const built = wanted('demo') || (await runLogged('build (audit)', bin('next'), ['build'], demoEnv, path.join(artifacts, 'audit-build.log'))) === 0;
  const summaryFile = path.join(artifacts, 'site-audit.json');
  rmSync(summaryFile, { force: true });
  if (built) await runLogged('site audit', process.execPath, ['tests/seo/audit.mjs', '--port', e2ePort], demoEnv, path.join(artifacts, 'audit.log'));
  const summary = readJson(summaryFile);
  if (summary) {
    totals.passed += summary.passed;
    totals.failed += summary.failed;
  } else totals.failed += 1;
}

const liveKey = `sk-or-e2e-${randomBytes(12).toString('hex')}`;
const fake = await startFake(liveKey);
// Staff sign-in for the live phase: a password account (alice, on STAFF_ALLOWLIST) and single sign-on
// through a real local OpenID Connect provider (bob, on the allowlist file the tests edit).
const staffPassword = `e2e-${randomBytes(12).toString('hex')}`;
const allowlistFile = path.join(artifacts, 'staff-allowlist.txt');
writeFileSync(allowlistFile, 'bob@sso.example\n');
const oidcClient = { id: 'tokenboard-e2e', secret: randomBytes(16).toString('hex') };
const oidc = await startProcess('fake oidc', 'tests/fake-oidc/server.mjs', {
  FAKE_OIDC_CLIENT_ID: oidcClient.id,
  FAKE_OIDC_CLIENT_SECRET: oidcClient.secret,
  FAKE_OIDC_REDIRECT_URIS: `${common.SITE_URL}/api/auth/callback/oidc`,
}, 'ignore'); // its only stderr output is oidc-provider's Node 20 and in-memory adapter warnings
const liveEnv = {
  ...common,
  OPENROUTER_API_KEY: liveKey,
  OPENROUTER_BASE_URL: `${fake.origin}/api/v1`,
  DATA_DIR: path.join(artifacts, 'data-live'),
  FAKE_ORIGIN: fake.origin,
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  STAFF_USERS: `alice@staff.example:${await hashPassword(staffPassword)}`,
  STAFF_ALLOWLIST: 'alice@staff.example',
  STAFF_ALLOWLIST_FILE: allowlistFile,
  STAFF_OIDC_ISSUER: oidc.origin,
  STAFF_OIDC_CLIENT_ID: oidcClient.id,
  STAFF_OIDC_CLIENT_SECRET: oidcClient.secret,
  STAFF_TEST_PASSWORD: staffPassword,
  FAKE_OIDC_ORIGIN: oidc.origin,
};
try {
  await e2ePhase('live', liveEnv);
  // The flood and the key-leak crawl, on the live build and data after the live suite (with `--only flood`, after a live build).
  await e2ePhase('flood', liveEnv, undefined, { build: !wanted('live') });
} finally {
  fake.child.kill('SIGTERM');
  oidc.child.kill('SIGTERM');
}
if (wanted('live') || wanted('flood')) keyLeakChecks(liveKey, ['live', 'flood']);

// 4. an outage across the data-day change, on real time: the settle delay is set so that the day
// turns over about four minutes from now (time to build and to visit the default pages first), after
// midnight UTC if we are too close to it.
if (wanted('outage')) {
  if (minuteOfDay() > 1428) await new Promise((resolve) => setTimeout(resolve, (1441 - minuteOfDay()) * 60_000));
  const outageFake = await startFake(liveKey);
  try {
    await e2ePhase('outage', {
      ...common,
      OPENROUTER_API_KEY: liveKey,
      OPENROUTER_BASE_URL: `${outageFake.origin}/api/v1`,
      DATA_DIR: path.join(artifacts, 'data-outage'),
      DATA_SETTLE_MINUTES: String(minuteOfDay() + 4),
      FAKE_ORIGIN: outageFake.origin,
    });
  } finally {
    outageFake.child.kill('SIGTERM');
  }
}

// 5. scale-out: one build served by two instances (ports 3201, 3202) that share a Redis of their own
// (no persistence) and the fake upstream; each instance has its own DATA_DIR, so all sharing is Redis.
if (wanted('scale')) {
  const redisPort = 6391;
  const redis = await startRedis(redisPort);
  const scaleFake = await startFake(liveKey);
  const password = `e2e-${randomBytes(12).toString('hex')}`;
  try {
    await e2ePhase(
      'scale',
      {
        ...common,
        SITE_URL: 'http://127.0.0.1:3201',
        OPENROUTER_API_KEY: liveKey,
        OPENROUTER_BASE_URL: `${scaleFake.origin}/api/v1`,
        DATA_DIR: path.join(artifacts, 'data-scale-build'),
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        REDIS_PORT: String(redisPort),
        FAKE_ORIGIN: scaleFake.origin,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        STAFF_USERS: `alice@staff.example:${await hashPassword(password)}`,
        STAFF_ALLOWLIST: 'alice@staff.example',
        STAFF_TEST_PASSWORD: password,
      },
      'tests/e2e/scale/playwright.config.ts',
    );
  } finally {
    scaleFake.child.kill('SIGTERM');
    // By port: the tests stop and restart Redis, so the process may not be the one started here.
    spawnSync('redis-cli', ['-p', String(redisPort), 'shutdown', 'nosave'], { stdio: 'ignore' });
    redis.kill('SIGTERM');
  }
}

if (!existsSync(bin('jest'))) console.error('node_modules is missing: run `npm ci` first.');
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
