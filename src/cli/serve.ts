import { systemClock } from '../core/clock.js';
import { buildApp } from '../http/app.js';
import { registerBackgroundWork } from '../jobs/registry.js';
import { Scheduler } from '../jobs/scheduler.js';
import { describeDatabase, type Runtime } from './runtime.js';
import { authSecret } from './secret.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type LogLevel = (typeof logLevels)[number];
const isLogLevel = (name: string): name is LogLevel => (logLevels as readonly string[]).includes(name);

/** `TRADELANE_LOG_LEVEL` (default `info`): a name the logger does not know stops the start. */
export const logLevel = (value: string | undefined): LogLevel => {
  const level = (value ?? 'info').trim().toLowerCase();
  if (isLogLevel(level)) return level;
  throw new Error(`TRADELANE_LOG_LEVEL must be one of ${logLevels.join(', ')}; got "${value}"`);
};

/** Serves the API and the web app until SIGINT/SIGTERM, with the scheduler running. */
export const serve = async (runtime: Runtime, { port, host }: { port: number; host: string }) => {
  const app = await buildApp({
    database: runtime.database,
    dataDir: runtime.dataDir,
    logger: { level: logLevel(process.env.TRADELANE_LOG_LEVEL) },
    authSecret: authSecret(runtime.dataDir),
    // Sign-in checks the request's origin: on another port, the default origin must follow it.
    baseURL: process.env.TRADELANE_BASE_URL ?? `http://localhost:${port}`,
  });
  const scheduler = new Scheduler(runtime.database, systemClock);
  registerBackgroundWork(scheduler);
  await scheduler.start();
  await app.listen({ port, host });
  console.log(`Tradelane is running at http://localhost:${port} on ${describeDatabase(runtime.database)}`);
  const shutdown = async () => {
    await app.close();
    await scheduler.stop();
    await runtime.database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};
