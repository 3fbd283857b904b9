// @ts-check
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { PHASE_PRODUCTION_SERVER } = require('next/constants');

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
    poweredByHeader: false,
    generateBuildId: async () => `${mode()}-${randomUUID()}`,
    // Server-only Node libraries of the data layer (file locks, the HTTP client): required, not bundled.
    serverExternalPackages: ['proper-lockfile', 'undici'],
  };
};
