import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { type Actor, type Ctx, makeCtx } from '../core/context.js';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../db/test-database.js';
import { type App, buildApp } from '../http/app.js';
import { registerBackgroundWork } from '../jobs/registry.js';
import { Scheduler } from '../jobs/scheduler.js';

export type Harness = {
  database: Database;
  app: App;
  clock: ReturnType<typeof fixedClock>;
  dataDir: string;
  /** A use-case context acting as `actor` on the file's database. */
  ctx: (actor: Actor) => Ctx;
  /** Delivers pending outbox events to the registered handlers, as the server's poller would. */
  drainOutbox: () => Promise<number>;
  /** Runs a registered timer at once (at the harness clock's time), as its schedule would. */
  runTimer: (name: string) => Promise<void>;
};

/**
 * One isolated, migrated database and one app for a test file. Call at the
 * top of the file; the returned object is filled in before the first test.
 */
export const useHarness = (): Harness => {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.database = await createTestDatabase();
    harness.clock = fixedClock(new Date('2026-11-02T08:00:00Z'));
    harness.dataDir = mkdtempSync(join(tmpdir(), 'tradelane-test-'));
    process.env.TRADELANE_AUTH_RATE_LIMIT = 'off';
    harness.app = await buildApp({
      database: harness.database,
      now: harness.clock,
      dataDir: harness.dataDir,
      // TRADELANE_TEST_LOG=1 prints the server's logs, e.g. the cause of an unexpected 500.
      logger: process.env.TRADELANE_TEST_LOG === '1',
    });
    harness.ctx = (actor) => makeCtx(harness.database.db, actor, harness.clock);
    const scheduler = new Scheduler(harness.database, harness.clock);
    registerBackgroundWork(scheduler);
    harness.drainOutbox = () => scheduler.drainOutbox();
    harness.runTimer = (name) => scheduler.runTimer(name);
  });
  afterAll(async () => {
    await harness.app?.close();
    await harness.database?.close();
  });
  return harness;
};

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse) => response.json() as T;
