import path from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

// Two production instances of the same build sharing one Redis (REDIS_URL) and the fake upstream.
export const INSTANCE_PORTS = [3201, 3202] as const;

const root = path.resolve(__dirname, '../../..');

export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../../.artifacts/playwright-output-scale',
  timeout: 120_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${INSTANCE_PORTS[0]}` },
  webServer: INSTANCE_PORTS.map((port) => ({
    // -H localhost, not an IP: see tests/e2e/playwright.config.ts.
    command: `node node_modules/next/dist/bin/next start -p ${port} -H localhost`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
