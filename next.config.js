// @ts-check
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } = require('next/constants');
const { headerRules } = require('./lib/security-headers.cjs');

/** Demo or live: pages prerendered at build time carry the mode's labels, so build and server must agree. */
const mode = () => (process.env.OPENROUTER_API_KEY ? 'live' : 'demo');

function assertBuiltForThisMode() {
  let buildId;
  try {
    buildId = readFileSync(path.join(__dirname, '.next', 'BUILD_ID'), 'utf8');
  } catch {
    return; // `next start` reports a missing build itself
  }
  const builtFor = buildId.split('-')[0];
  if ((builtFor === 'demo' || builtFor === 'live') && builtFor !== mode()) {
    console.error(
      `Invalid configuration: OPENROUTER_API_KEY is ${mode() === 'live' ? 'set' : 'unset'} but this build was made in ${builtFor} mode; run \`npm run build\` again with the same environment.`,
    );
    process.exit(1);
  }
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => {
  if (phase === PHASE_PRODUCTION_SERVER) assertBuiltForThisMode();
  return {
    reactStrictMode: true,
    // `forbidden()` renders app/forbidden.tsx with status 403 for signed-in people who are not staff.
    experimental: { authInterrupts: true },
    poweredByHeader: false,
    generateBuildId: async () => `${mode()}-${randomUUID()}`,
    headers: async () => headerRules(process.env, { dev: phase === PHASE_DEVELOPMENT_SERVER }),
    // Server-only Node libraries of the data layer (file locks, the HTTP client, Redis): required, not bundled.
    serverExternalPackages: ['proper-lockfile', 'undici', 'redis'],
    // With REDIS_URL, every `next start` instance keeps ISR pages and unstable_cache entries (and tag
    // revalidations) in one Redis, so a refresh on one instance reaches all. With a custom handler Next
    // keeps no ISR memory cache of its own; 0 also turns its built-in 'use cache' memory handler into a
    // no-op, so no per-process copy can answer instead of Redis.
    cacheHandler: process.env.REDIS_URL ? require.resolve('./lib/cache/redis-cache-handler.mjs') : undefined,
    ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
  };
};
