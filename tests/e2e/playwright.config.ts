import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  outputDir: '../.artifacts/playwright-output',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The suite runner builds first; this serves that build.
    // `-H localhost` (127.0.0.1 here), as production's bare `next start` would name itself: given an IP,
    // next start 16.4 sends every middleware rewrite back to itself over HTTP (its middleware URLs say
    // localhost, its request URLs the IP), a second request per page and an occasional reset under load.
    command: `node node_modules/next/dist/bin/next start -p ${PORT} -H localhost`,
    cwd: path.resolve(__dirname, '../..'),
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Shown with the suite's output and kept in tests/.artifacts/<phase>-e2e.log for the key-leak check.
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
