#!/usr/bin/env node
// Lighthouse (12.2.3, mobile defaults, Debian Chromium) and the Nu Html Checker (vnu-jar, system Java) on
// the five pages the SEO issue names: `/`, `/models`, `/apps`, one model page and one app category page,
// and the rankings hub and one slice board (issue 16)
// (the first of each in the sitemap). Serves the last `next build` itself with `next start`.
//
// Gates, per page: SEO, Accessibility and Best Practices 100 and Performance ≥ PERFORMANCE_GATE on the median of
// RUNS runs (by Performance; the 95 goal is reported, not gated: CI machines are noisy), and no
// validator error in the page's server-rendered HTML. Each is one test; the summary goes to
// tests/.artifacts/site-audit.json for the suite runner, and the last line says `N passed, N failed`.
//
//   node tests/seo/audit.mjs [--port 3100] [--runs 5] [--pages /models,/apps]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { root } from '../helpers/processes.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
};
const port = Number(arg('port', 3100));
const runs = Number(arg('runs', 5));
const only = arg('pages', ''); // `--pages /models,/apps` while working on them; CI audits the seven
const origin = `http://127.0.0.1:${port}`;
const artifacts = path.join(root, 'tests/.artifacts/site-audit');
mkdirSync(artifacts, { recursive: true });

/**
 * A ratchet, per the phone-first issue, set by measurement. On this machine kind the calibration applied
 * 5.2–9.2× from run to run (benchmarkIndex 1,823–2,741), and there even a page holding one heading
 * scores 74–80: Next's and React's own start-up. With the same code and machine, a page's median moved by
 * up to 10 points between runs: the landed main measured 66–72 (runs down to 62), the phone-first steps
 * 67–81 at 5.2–9.2× and, in the last run before landing, 61–72 at 8.7× (runs down to 55). The gate sits
 * below that noise, so it catches a real regression rather than a slow calibration; raise it as the pages
 * (or a steadier calibration) allow, towards ≥ 90. Phone-first step 3 (chart.js at load on /models, as
 * the issue asks) measured 58–67 at 8.8× (model page runs 54–62) and 70–81 at 4.6–5.6×: hence 55.
 */
const PERFORMANCE_GATE = 55;
const GATES = { seo: 100, accessibility: 100, 'best-practices': 100, performance: PERFORMANCE_GATE };
const PERFORMANCE_GOAL = 95;
const CATEGORIES = Object.keys(GATES);

async function waitForServer() {
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(`${origin}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start did not answer on ${origin}`);
}

/** `/`, `/models`, `/apps`, then the sitemap's first model page and first app category page, the rankings hub and its first board. */
async function pagesToAudit() {
  const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const model = paths.find((p) => /^\/models\/(?!archive\/)[^/]+\/[^/]+$/.test(p));
  const category = paths.find((p) => /^\/apps\/[^/]+$/.test(p));
  const board = paths.find((p) => /^\/rankings\/[^/]+\/[^/]+$/.test(p));
  if (!model || !category || !board) throw new Error('the sitemap lists no model page, app category page or slice board');
  return ['/', '/models', '/apps', model, category, '/rankings', board];
}

function median(results) {
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Lighthouse emulates its reference phone (a Moto G Power) by slowing this machine's CPU down 4×, a
 * factor calibrated for a host with a benchmarkIndex of about 1,533. Its documentation (docs/throttling.md,
 * "calibrating the multipliers", and the Lighthouse team's CPU-throttling calculator) says to scale the
 * factor to the host's own benchmarkIndex, which Lighthouse measures on every run: 3× at 1,300, 4× at
 * 1,533, 6× at 2,000, 2× at 800, 1× at 150. A faster CI machine is slowed down more, a slower one less,
 * so every machine emulates the same phone. Below 150, no factor can.
 */
export function calibratedSlowdown(benchmarkIndex) {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
  throw new Error(`benchmarkIndex ${benchmarkIndex}: this machine is too slow to emulate Lighthouse's reference phone`);
}

/** The host's benchmarkIndex: the median of three Lighthouse runs (their scores are discarded). */
async function calibrate(chrome, url) {
  const indexes = [];
  for (let i = 0; i < 3; i += 1) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    indexes.push(lhr.environment.benchmarkIndex);
  }
  return indexes.sort((a, b) => a - b)[1];
}

let cpuSlowdownMultiplier = throttling.mobileSlow4G.cpuSlowdownMultiplier;

async function audit(chrome, url, attempt = 1) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier },
  });
  const lhr = result.lhr;
  // Lighthouse's own advice for a trace it failed to record (NO_NAVSTART and the like): run it again.
  if (lhr.runtimeError && attempt < 3) return audit(chrome, url, attempt + 1);
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c].score ?? 0) * 100)]));
  // Audits that cost points, so a failing run says why.
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .filter((a) => lhr.categories.performance.auditRefs.every((ref) => ref.id !== a.id) || a.score < 0.9)
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  return { ...scores, failing, lhr };
}

function validate(files) {
  const jar = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');
  const out = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`vnu failed: ${out.stderr || out.error}`);
  const { messages } = JSON.parse(out.stderr || '{"messages":[]}');
  return messages;
}

// The server runs at the lowest CPU priority: Lighthouse measures a phone's main thread from the trace of
// this machine's Chromium, and on 2 cores a page regenerating in the background (ISR, once a minute) would
// otherwise be charged to the phone. In production the server is not on the phone.
const server = spawn('nice', ['-n', '19', process.execPath, 'node_modules/next/dist/bin/next', 'start', '-H', 'localhost', '-p', String(port)], {
  cwd: root,
  env: process.env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const totals = { passed: 0, failed: 0 };
const report = [];
let chrome;
try {
  await waitForServer();
  const pages = only ? only.split(',') : await pagesToAudit();

  // Nu Html Checker on each page's HTML as served (after one request, so each is an ISR hit).
  const files = [];
  for (const [i, page] of pages.entries()) {
    const html = await (await fetch(`${origin}${page}`)).text();
    const file = path.join(artifacts, `page-${i}.html`);
    writeFileSync(file, html);
    files.push(file);
  }
  const messages = validate(files);

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const benchmarkIndex = await calibrate(chrome, `${origin}${pages[0]}`);
  cpuSlowdownMultiplier = Math.round(calibratedSlowdown(benchmarkIndex) * 10) / 10;
  console.log(`this machine's benchmarkIndex: ${benchmarkIndex}; CPU slowdown calibrated to ${cpuSlowdownMultiplier}× (Lighthouse's 4× is for about 1,533)`);
  for (const [i, page] of pages.entries()) {
    const results = [];
    for (let r = 0; r < runs; r += 1) results.push(await audit(chrome, `${origin}${page}`));
    const chosen = median(results);
    writeFileSync(path.join(artifacts, `lighthouse-${i}.json`), JSON.stringify(chosen.lhr));
    const below = CATEGORIES.filter((c) => chosen[c] < GATES[c]);
    const pageMessages = messages.filter((m) => m.url && m.url.endsWith(`page-${i}.html`));
    const errors = pageMessages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    const warnings = pageMessages.filter((m) => m.type === 'info' && m.subType === 'warning');
    report.push({
      page,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, chosen[c]])),
      performanceRuns: results.map((r) => r.performance),
      failing: chosen.failing,
      validatorErrors: errors.map((m) => `${m.lastLine}:${m.firstColumn ?? ''} ${m.message}`),
      validatorWarnings: warnings.map((m) => `${m.lastLine}: ${m.message}`),
    });
    totals[below.length === 0 ? 'passed' : 'failed'] += 1;
    totals[errors.length === 0 ? 'passed' : 'failed'] += 1;
  }
} finally {
  await chrome?.kill();
  server.kill('SIGTERM');
}

const pad = (value, width) => String(value).padStart(width);
console.log(`\nLighthouse 12.2.3 (mobile, CPU slowdown ${cpuSlowdownMultiplier}× for this machine, median of ${runs} runs by Performance) and the Nu Html Checker`);
console.log(`${'page'.padEnd(44)}${pad('SEO', 5)}${pad('A11y', 6)}${pad('BP', 5)}${pad('Perf', 6)}  perf runs     validator`);
for (const r of report) {
  console.log(
    `${r.page.padEnd(44)}${pad(r.seo, 5)}${pad(r.accessibility, 6)}${pad(r['best-practices'], 5)}${pad(r.performance, 6)}  ${r.performanceRuns.join('/').padEnd(12)}  ${r.validatorErrors.length} errors, ${r.validatorWarnings.length} warnings`,
  );
  if (r.failing.length) console.log(`  costing points: ${r.failing.join(', ')}`);
  for (const e of r.validatorErrors) console.log(`  vnu error: ${e}`);
  for (const w of r.validatorWarnings) console.log(`  vnu warning: ${w}`);
}
const goal = report.every((r) => r.performance >= PERFORMANCE_GOAL);
console.log(`gates: SEO/A11y/BP 100, Performance ≥ ${GATES.performance}, no validator error; goal Performance ≥ ${PERFORMANCE_GOAL}: ${goal ? 'met' : 'missed'} (lowest ${Math.min(...report.map((r) => r.performance))})`);
writeFileSync(path.join(root, 'tests/.artifacts/site-audit.json'), JSON.stringify({ ...totals, report }, null, 2));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
