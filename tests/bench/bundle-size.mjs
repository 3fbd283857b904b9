#!/usr/bin/env node
// First-load JS per route from the last `next build` (.next/diagnostics/route-bundle-stats.json), raw
// and gzipped, with each route's ratio to the smallest route of the same build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
const rows = stats.map(({ route, firstLoadChunkPaths }) => {
  const gz = firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSync(readFileSync(path.join(root, chunk))).length, 0);
  return { route, raw: firstLoadChunkPaths.reduce((sum, chunk) => sum + readFileSync(path.join(root, chunk)).length, 0), gz };
});
const baseline = Math.min(...rows.map((r) => r.gz));
console.log('route'.padEnd(34), 'raw kB'.padStart(8), 'gzip kB'.padStart(8), 'x smallest'.padStart(11));
for (const r of rows.sort((a, b) => a.route.localeCompare(b.route))) {
  console.log(r.route.padEnd(34), (r.raw / 1000).toFixed(1).padStart(8), (r.gz / 1000).toFixed(1).padStart(8), (r.gz / baseline).toFixed(2).padStart(11));
}
