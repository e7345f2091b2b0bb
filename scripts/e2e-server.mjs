#!/usr/bin/env node
// The server the browser tests drive: the built web app and the API on port
// 3100 (E2E_PORT), on a fresh embedded database with the demo data set, in a
// temporary data dir that is removed when the server stops.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const build = spawnSync('node', ['scripts/build-web-if-needed.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-e2e-'));
const { DATABASE_URL: _ignored, ...env } = process.env;
const server = spawn(
  'npx',
  ['tsx', 'src/cli/main.ts', 'start', '--port', process.env.E2E_PORT ?? '3100', '--host', '127.0.0.1'],
  {
    stdio: 'inherit',
    env: {
      ...env,
      TRADELANE_DATA_DIR: dataDir,
      // Every browser test signs in from 127.0.0.1: the per-address sign-in limit (10 a minute)
      // would refuse a fast run's later sign-ins. The limit has its own tests (sign-in-lockout.test.ts).
      TRADELANE_AUTH_RATE_LIMIT: 'off',
      // Two log lines per request would bury the test report (and CI's tail) under thousands of lines.
      TRADELANE_LOG_LEVEL: process.env.TRADELANE_LOG_LEVEL ?? 'warn',
      TRADELANE_BASE_URL: `http://localhost:${process.env.E2E_PORT ?? '3100'}`,
    },
  },
);
const stop = () => {
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
