#!/usr/bin/env node
// First-load JS per route from the last `next build` (.next/diagnostics/route-bundle-stats.json), raw and
// gzipped, split into what every route loads (React, the App Router runtime, next/link, the root layout)
// and the route's own JS above it. `--check` enforces the budgets (CI runs it after the
// demo build): data pages' own JS and total, and chart.js in no route's first load (charts load lazily).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DATA_ROUTES = ['/', '/models/window/[window]', '/models/[...permaslug]', '/apps/v/[sort]/[window]/[filter]/[pageSize]/[page]'];
// A 130 kB total cannot hold: Next's own rootMainFiles are 131.8 kB gzip with Next 16.4 + React 19.3
// (133.3 kB with webpack), 138.5 kB with next/link and the root layout. So the budget is on what a
// data page adds, plus a ceiling on the total. The total went from 150 to 151 kB with the apps table's
// download links, which follow the view the client island shows (it measured 150.2 kB; own JS 11.2 kB),
// and to 151.5 kB when the table head and scroll box, now also used by client tables on the model pages,
// moved into a chunk the apps route shares with them (151.04 kB; the apps code itself did not change).
const BUDGET = { ownGzip: 12_000, totalGzip: 151_500 };
const CHART_JS_MARKER = 'Canvas is already in use';

const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
const framework = new Set(stats[0]?.firstLoadChunkPaths.filter((chunk) => stats.every((r) => r.firstLoadChunkPaths.includes(chunk))));
const sizes = new Map();
function size(chunk) {
  if (!sizes.has(chunk)) {
    const bytes = readFileSync(path.join(root, chunk));
    sizes.set(chunk, { raw: bytes.length, gz: gzipSync(bytes).length, chartJs: bytes.includes(CHART_JS_MARKER) });
  }
  return sizes.get(chunk);
}
const sum = (chunks, field) => chunks.reduce((total, chunk) => total + size(chunk)[field], 0);

const rows = stats.map(({ route, firstLoadChunkPaths: chunks }) => ({
  route,
  raw: sum(chunks, 'raw'),
  gz: sum(chunks, 'gz'),
  ownGz: sum(chunks.filter((c) => !framework.has(c)), 'gz'),
  chartJs: chunks.filter((c) => size(c).chartJs),
}));
const frameworkGz = sum([...framework], 'gz');
const kB = (bytes) => (bytes / 1000).toFixed(1);

console.log(`shared by every route (framework and root layout): ${kB(frameworkGz)} kB gzip`);
console.log('route'.padEnd(52), 'raw kB'.padStart(8), 'gzip kB'.padStart(8), 'own gzip'.padStart(9), 'chart.js'.padStart(9));
for (const r of rows.sort((a, b) => a.route.localeCompare(b.route))) {
  console.log(r.route.padEnd(52), kB(r.raw).padStart(8), kB(r.gz).padStart(8), kB(r.ownGz).padStart(9), (r.chartJs.length ? 'YES' : 'no').padStart(9));
}

if (process.argv.includes('--check')) {
  const problems = [];
  for (const route of DATA_ROUTES) {
    const r = rows.find((row) => row.route === route);
    if (!r) problems.push(`${route}: not in route-bundle-stats.json`);
    else {
      if (r.ownGz > BUDGET.ownGzip) problems.push(`${route}: own JS ${kB(r.ownGz)} kB gzip > ${kB(BUDGET.ownGzip)} kB`);
      if (r.gz > BUDGET.totalGzip) problems.push(`${route}: first-load JS ${kB(r.gz)} kB gzip > ${kB(BUDGET.totalGzip)} kB`);
    }
  }
  for (const r of rows) if (r.chartJs.length) problems.push(`${r.route}: chart.js in the first load (${r.chartJs.join(', ')})`);
  // The marker must still identify chart.js, or the check above could never fail.
  const chunksDir = path.join(root, '.next/static/chunks');
  const lazyChartJs = readdirSync(chunksDir).some((f) => f.endsWith('.js') && readFileSync(path.join(chunksDir, f)).includes(CHART_JS_MARKER));
  if (!lazyChartJs) problems.push(`no chunk contains "${CHART_JS_MARKER}": update CHART_JS_MARKER to a string of the chart.js build`);
  console.log(
    problems.length
      ? `bundle budget: FAIL\n  ${problems.join('\n  ')}`
      : `bundle budget: ok (data pages: own JS ≤ ${kB(BUDGET.ownGzip)} kB, total ≤ ${kB(BUDGET.totalGzip)} kB gzip; chart.js in no first load)`,
  );
  process.exit(problems.length ? 1 : 0);
}
