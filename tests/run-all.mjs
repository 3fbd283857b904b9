#!/usr/bin/env node
// The whole suite in one command: unit + integration (jest), then a production build and the
// end-to-end suite in Chromium (Playwright). Ends with one line `N passed, N failed` over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(root, 'tests/.artifacts');
rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const totals = { passed: 0, failed: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(command), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1. jest: unit and integration projects
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

// 2. production build in demo mode, then Playwright against `next start`
const demoEnv = { OPENROUTER_API_KEY: '', DATA_DIR: path.join(artifacts, 'data-demo'), NEXT_TELEMETRY_DISABLED: '1' };
rmSync(path.join(root, '.next'), { recursive: true, force: true });
const buildExit = run('build', bin('next'), ['build'], demoEnv);
if (buildExit !== 0) {
  totals.failed += 1;
} else {
  const pwReport = path.join(artifacts, 'playwright.json');
  run('e2e', bin('playwright'), ['test', '--config', 'tests/e2e/playwright.config.ts'], {
    ...demoEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport,
  });
  const pw = readJson(pwReport);
  if (pw?.stats) {
    totals.passed += pw.stats.expected;
    totals.failed += pw.stats.unexpected + pw.stats.flaky;
    if (pw.errors?.length) totals.failed += pw.errors.length;
  } else {
    totals.failed += 1;
  }
}

if (!existsSync(bin('jest'))) console.error('node_modules is missing: run `npm ci` first.');
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
