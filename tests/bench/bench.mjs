#!/usr/bin/env node
// `npm run bench`: throughput and latency of the production build, as ratios against a baseline measured in
// the same run. It builds in live mode against the fake upstream, starts `next start`, warms every page, then
// measures each URL with autocannon (same connections, same duration) next to `/robots.txt`, a static route of
// the same build, measured before and after the pages. It prints req/s, p50, p99, each ratio to the static
// route, the server's peak RSS and the upstream calls made while measuring (there should be none).
//
//   --nginx          also measure the pages through deploy/nginx.conf, against nginx serving the same bytes
//                    as a static file (needs nginx: `apt-get install -y nginx-light`)
//   --cold           instead of throughput: let the data day change a few minutes after the start
//                    (DATA_SETTLE_MINUTES), then time how long each default page takes to show the new
//                    day (and, with --nginx, to reach readers through the proxy) and count the upstream
//                    calls it cost
//   --connections N  (10)   --duration S (10)   --day-change-in M (5, with --cold)
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from '../helpers/nginx.cjs';
import { minuteOfDay, root, startFake } from '../helpers/processes.mjs';

const { values: opts } = parseArgs({
  options: {
    nginx: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    'day-change-in': { type: 'string', default: '5' },
  },
});
const connections = Number(opts.connections);
const duration = Number(opts.duration);
const dayChangeIn = Number(opts['day-change-in']);
const PORTS = { next: 3300, nginx: 3301, nginxStatic: 3302 };
const STATIC_ROUTE = '/robots.txt';
const DATA_DAY = /(?:Data through <time dateTime="|"dataDay":")(\d{4}-\d{2}-\d{2})/i;

const work = mkdtempSync(path.join(tmpdir(), 'tokenboard-bench-'));
chmodSync(work, 0o755); // nginx's workers run as another user and must reach their folder
const stoppers = [];
const stopAll = () => stoppers.splice(0).reverse().forEach((stop) => stop());
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const key = `sk-or-bench-${randomBytes(12).toString('hex')}`;
const fake = await startFake(key);
stoppers.push(() => fake.child.kill('SIGTERM'));
const upstreamCalls = async () => (await (await fetch(`${fake.origin}/__control/stats`)).json()).total;

let settleMinutes;
if (opts.cold) {
  // The day must turn over after the build and the warm-up, and before midnight UTC.
  if (minuteOfDay() + dayChangeIn > 1438) {
    console.log('Waiting for midnight UTC to pass, so the data day can change within the run…');
    await sleep((1441 - minuteOfDay()) * 60_000);
  }
  settleMinutes = minuteOfDay() + dayChangeIn;
}

const nextOrigin = `http://127.0.0.1:${PORTS.next}`;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  OPENROUTER_API_KEY: key,
  OPENROUTER_BASE_URL: `${fake.origin}/api/v1`,
  DATA_DIR: path.join(work, 'data'),
  SITE_URL: nextOrigin,
  // The per-client API limit would answer the measured /api/apps with 429s from one address.
  API_RATE_LIMIT_PER_MINUTE: '0',
  ...(settleMinutes === undefined ? {} : { DATA_SETTLE_MINUTES: String(settleMinutes) }),
};

console.log(`building (live mode against the fake upstream; log: ${path.join(work, 'build.log')})…`);
rmSync(path.join(root, '.next'), { recursive: true, force: true });
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, encoding: 'utf8' });
writeFileSync(path.join(work, 'build.log'), `${build.stdout}\n${build.stderr}`);
if (build.status !== 0) {
  console.error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  process.exit(1);
}

// -H localhost, not an IP: see tests/e2e/playwright.config.ts.
const server = spawn(process.execPath, [nextBin, 'start', '-p', String(PORTS.next), '-H', 'localhost'], { cwd: root, env, stdio: 'ignore' });
stoppers.push(() => server.kill('SIGTERM'));
await waitFor(`${nextOrigin}/api/health`, 'next start');
const buildCalls = await upstreamCalls();

const modelsHtml = await (await fetch(`${nextOrigin}/models`)).text();
const modelPage = /href="(\/models\/(?!window\/)[^"?#]+)"/.exec(modelsHtml)?.[1];
if (!modelPage) throw new Error('/models links to no model page');
const pages = [
  ['/', '/'],
  ['/models', '/models'],
  ['/apps', '/apps'],
  ['a model page', modelPage],
  ['/api/apps', '/api/apps'],
];

// Each URL's exact bytes as nginx would cache them, served by nginx as static files: the proxy's ceiling.
const copies = await Promise.all(pages.map(async ([, url]) => (await fetch(nextOrigin + url)).text()));
const nginx = opts.nginx
  ? await startNginx({
      dir: path.join(work, 'nginx'),
      port: PORTS.nginx,
      nextPort: PORTS.next,
      staticPort: PORTS.nginxStatic,
      staticFiles: Object.fromEntries(copies.map((body, i) => [`copy-${i}`, body])),
    })
  : undefined;
if (nginx) stoppers.push(() => void nginx.stop());

if (opts.cold) await coldPath();
else await throughput();
stopAll();
rmSync(work, { recursive: true, force: true }); // kept when a run fails, for its build log
process.exit(0);

// ---------------------------------------------------------------- throughput

async function throughput() {
  for (const [, url] of pages) await warm(nextOrigin + url, 'x-nextjs-cache');
  const before = await upstreamCalls();
  const rss = sampleRss(server.pid);
  // The static route before and after the pages: the baseline is their mean, and their difference shows drift.
  const staticBefore = await measure(nextOrigin + STATIC_ROUTE);
  const direct = [];
  for (const [name, url] of pages) direct.push({ name, ...(await measure(nextOrigin + url)) });
  const staticAfter = await measure(nextOrigin + STATIC_ROUTE);
  const peakRss = rss.stop();
  const after = await upstreamCalls();
  const baseline = (staticBefore.rps + staticAfter.rps) / 2;
  for (const row of direct) row.ratio = row.rps / baseline;
  console.log(`\nDirect to next start (${connections} connections, ${duration} s per URL)`);
  console.log(`baseline: ${STATIC_ROUTE}, a static route of the same build: ${staticBefore.rps.toFixed(0)} req/s before the pages, ${staticAfter.rps.toFixed(0)} after (p99 ${staticBefore.p99} / ${staticAfter.p99} ms)`);
  report(direct, 0.9);
  console.log(`peak RSS of next-server while measured: ${(peakRss / 1024).toFixed(0)} MB`);
  console.log(`upstream calls: ${buildCalls} during the build and first requests, ${after - before} while measuring (goal: 0)`);

  if (nginx) {
    for (const [, url] of pages) await warm(nginx.origin + url, 'x-cache-status');
    const beforeProxy = await upstreamCalls();
    const proxied = [];
    for (const [i, [name, url]] of pages.entries()) {
      const copy = await measure(`${nginx.staticOrigin}/copy-${i}`);
      const page = await measure(nginx.origin + url);
      proxied.push({ name, ...page, baseline: copy.rps, ratio: page.rps / copy.rps });
    }
    console.log(`\nThrough deploy/nginx.conf (${connections} connections, ${duration} s per URL)`);
    console.log('baseline: the same nginx serving a static file of the same bytes, measured just before each URL');
    report(proxied, 0.8);
    console.log(`upstream calls while measuring through nginx: ${(await upstreamCalls()) - beforeProxy} (goal: 0)`);
  }
}

async function measure(url) {
  const result = await autocannon({ url, connections, duration });
  return {
    rps: result.requests.average,
    bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

function report(rows, goalRatio) {
  const withBaseline = rows.some((r) => r.baseline !== undefined);
  const header = ['URL', 'bytes/resp', 'req/s', 'p50 ms', 'p99 ms', ...(withBaseline ? ['static req/s'] : []), '× static', 'non-2xx/errors'];
  const lines = rows.map((r) => [
    r.name,
    String(r.bytes),
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    ...(withBaseline ? [r.baseline.toFixed(0)] : []),
    r.ratio.toFixed(2),
    String(r.bad),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  const slowest = rows.reduce((a, b) => (a.ratio < b.ratio ? a : b));
  console.log(`goal ≥ ${goalRatio}× static for every page: ${slowest.ratio >= goalRatio ? 'met' : 'missed'} (lowest: ${slowest.name} at ${slowest.ratio.toFixed(2)}×)`);
  const worstP99 = Math.max(...rows.map((r) => r.p99));
  console.log(`goal p99 < 50 ms at ${connections} connections: ${worstP99 < 50 ? 'met' : 'missed'} (highest: ${worstP99} ms)`);
  if (rows.some((r) => r.bad > 0)) console.log('WARNING: some responses were not 2xx; the figures above include them');
}

// ---------------------------------------------------------------- the data day changes

async function coldPath() {
  const health = await (await fetch(`${nextOrigin}/api/health`)).json();
  const oldDay = health.dataDay;
  const changeAt = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + settleMinutes * 60_000;
  for (const [, url] of pages) await warm(nextOrigin + url, 'x-nextjs-cache');
  if (nginx) for (const [, url] of pages) await warm(nginx.origin + url, 'x-cache-status');
  if (Date.now() >= changeAt) {
    console.error(`The data day changed before the warm-up finished: run again with a larger --day-change-in (was ${dayChangeIn}).`);
    process.exit(1);
  }
  const newDay = new Date(Date.parse(`${oldDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  console.log(`data day ${oldDay}; ${newDay} becomes current at ${new Date(changeAt).toISOString()} (in ${Math.round((changeAt - Date.now()) / 1000)} s)`);
  // Readers ask once a second per URL from 75 s before the change, as steady traffic would, so caches hold
  // copies of every age when the day turns; each answer is read for its data day.
  await sleep(changeAt - 75_000 - Date.now());
  const watched = pages.flatMap(([name, url]) => [
    { name, via: 'next start', url: nextOrigin + url },
    ...(nginx ? [{ name, via: 'nginx', url: nginx.origin + url }] : []),
  ]);
  let before;
  const deadline = changeAt + 5 * 60_000;
  while (watched.some((w) => w.seenAfter === undefined) && Date.now() < deadline) {
    if (before === undefined && Date.now() >= changeAt) before = await upstreamCalls();
    await Promise.all(
      watched
        .filter((w) => w.seenAfter === undefined)
        .map(async (w) => {
          const body = await fetch(w.url).then((res) => res.text(), () => '');
          if (DATA_DAY.exec(body)?.[1] === newDay) w.seenAfter = (Date.now() - changeAt) / 1000;
        }),
    );
    await sleep(1000);
  }
  await sleep(5000); // background regenerations still finishing are counted too
  const stats = await (await fetch(`${fake.origin}/__control/stats`)).json();
  const spent = stats.requests.slice(before);

  console.log(`\nFrom the data-day change to the new day on each default page (asked once a second):`);
  for (const w of watched) console.log(`  ${`${w.name} via ${w.via}`.padEnd(34)} ${w.seenAfter === undefined ? 'not within 5 min' : `${w.seenAfter.toFixed(1)} s`}`);
  const direct = watched.filter((w) => w.via === 'next start').map((w) => w.seenAfter ?? Infinity);
  console.log(`all default pages regenerated after ${Math.max(...direct).toFixed(1)} s`);
  console.log(`upstream calls spent: ${spent.length} (${summarise(spent)})`);
}

function summarise(requests) {
  const counts = new Map();
  for (const r of requests) counts.set(`${r.endpoint} ${r.status}`, (counts.get(`${r.endpoint} ${r.status}`) ?? 0) + 1);
  return [...counts].map(([what, n]) => `${n} × ${what}`).join(', ') || 'none';
}

// ---------------------------------------------------------------- helpers

async function waitFor(url, name) {
  const deadline = Date.now() + 60_000;
  while (!(await fetch(url).then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${url} within 60 s`);
    await sleep(200);
  }
}

/** Requests a URL until the cache in front of it answers HIT (at most 60 tries), or three times where there is none. */
async function warm(url, cacheHeader) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`warming ${url}: ${res.status}`);
    const state = res.headers.get(cacheHeader);
    if (state === 'HIT' || (state === null && i >= 2)) return;
    await sleep(250);
  }
  throw new Error(`${url} never became a cache HIT`);
}

/** Peak resident memory of a process and its descendants, sampled every 250 ms (kB). */
function sampleRss(pid) {
  let peak = 0;
  const readKb = (p) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  const tree = () => {
    const parents = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        parents.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
      } catch {
        // the process ended while we looked
      }
    }
    const members = [pid];
    for (let i = 0; i < members.length; i++) for (const [child, parent] of parents) if (parent === members[i]) members.push(child);
    return members;
  };
  const timer = setInterval(() => {
    let total = 0;
    for (const p of tree()) {
      try {
        total += readKb(p);
      } catch {
        // ended
      }
    }
    peak = Math.max(peak, total);
  }, 250);
  return { stop: () => (clearInterval(timer), peak) };
}
