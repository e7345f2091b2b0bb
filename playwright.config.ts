import { defineConfig, devices } from '@playwright/test';

// Point E2E_BASE_URL at an already running server to skip starting one.
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? 'http://localhost:3100';

export default defineConfig({
  testDir: 'e2e',
  // Retries hide flakes; a flaky browser test is a bug to fix, not to re-run.
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // Starts the built app on a fresh data directory with the demo data loaded.
  webServer: externalServer
    ? undefined
    : {
        command: 'node scripts/e2e-server.mjs',
        port: 3100,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
