// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The data layer keeps its state (quota counters, response cache) under DATA_DIR and
  // must never be bundled for the browser; these packages only run on the server.
  serverExternalPackages: ['proper-lockfile'],
};

module.exports = nextConfig;
