import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, ServerProcess, sleep } from './server-process.js';
import { setUpCast } from './setup.js';
import { booker, type Journal, trader } from './storm.js';
import { type Verdict, verifyAfterCrashes } from './verify.js';

export type CrashOptions = {
  engine: 'pglite' | 'postgres';
  /** SIGKILLs during the storm (one more comes after it, before the checks). */
  kills: number;
  /** Concurrent trading clients, each its own buyer company. */
  clients: number;
  /**
   * Each life of the server lasts until it has acknowledged a money command,
   * then a random time in this range (ms): the kill lands at a random point
   * of the traffic, and every life moves some money.
   */
  afterAckMs: [number, number];
  /** The server's port; a free one when absent. */
  port?: number;
  /** PostgreSQL server to create the run's own database on (engine postgres). */
  adminUrl?: string;
  log?: (line: string) => void;
};

export type CrashReport = {
  engine: string;
  kills: number;
  /** HTTP attempts, retries after a refused or broken connection included. */
  requests: number;
  moneyCommands: number;
  acknowledged: number;
  /** Money commands that were retried after no answer (the ones a crash could have lost or doubled). */
  retried: number;
  replayed: number;
  bookings: { booked: number; refused: number; unanswered: number };
  orders: number;
  errors: string[];
  verdict: Verdict;
  logFile: string;
  seconds: number;
};

/** A database of its own on the PostgreSQL server, dropped afterwards. */
const freshPostgres = async (adminUrl: string) => {
  const name = `tradelane_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
};

const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);

/**
 * Starts the server, lets several clients trade (payments, releases, refunds,
 * cancels, bookings) while SIGKILLing it at random moments and restarting it,
 * then kills it once more and checks the database against every answer the
 * clients got.
 */
export const runCrashHarness = async (options: CrashOptions): Promise<CrashReport> => {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'tradelane-crash-'));
  const postgres =
    options.engine === 'postgres'
      ? await freshPostgres(options.adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres')
      : null;
  const dataDir = join(workDir, 'data');
  // An empty DATABASE_URL keeps a caller's PostgreSQL out of a PGlite run.
  const env: Record<string, string> = postgres
    ? { DATABASE_URL: postgres.url, TRADELANE_DATA_DIR: dataDir }
    : { DATABASE_URL: '', TRADELANE_DATA_DIR: dataDir };
  const logFile = join(workDir, 'server.log');
  const server = new ServerProcess({ port: options.port ?? (await freePort()), env, logFile });
  const journal: Journal = { money: [], bookings: [], orders: [], requests: 0, errors: [] };
  try {
    log(`starting the server (${options.engine}, ${workDir})`);
    await server.start();
    const cast = await setUpCast(server.baseUrl, { clients: options.clients, capacityPerDeparture: 4 });
    const stop = { now: false };
    const clients = [
      ...cast.buyers.map((buyer) => trader(journal, cast, buyer, stop)),
      booker(journal, cast, cast.buyers[0]!, stop),
    ];
    for (let kill = 1; kill <= options.kills; kill++) {
      const answered = journal.money.length;
      for (let waited = 0; journal.money.length === answered && waited < 300_000; waited += 100)
        await sleep(100);
      await sleep(between(options.afterAckMs));
      await server.kill();
      const down = Date.now();
      await server.start();
      log(
        `kill ${kill}/${options.kills}: back after ${Date.now() - down} ms; ${journal.money.length} money commands answered so far`,
      );
    }
    stop.now = true;
    await Promise.all(clients);
    // The last kill comes after every answer: what the clients were told must have survived it.
    await server.kill();
    log('verifying');
    const verdict = await verifyAfterCrashes(journal, {
      url: postgres?.url,
      dataDir: `${dataDir}/pgdata`,
      env,
    });
    const answered = journal.money.filter((m) => m.status >= 200 && m.status < 300);
    return {
      engine: options.engine,
      kills: options.kills,
      requests: journal.requests,
      moneyCommands: journal.money.length,
      acknowledged: answered.length,
      retried: journal.money.filter((m) => m.attempts > 1).length,
      replayed: journal.money.filter((m) => m.replayed).length,
      bookings: {
        booked: journal.bookings.filter((b) => b.outcome === 'booked').length,
        refused: journal.bookings.filter((b) => b.outcome === 'refused').length,
        unanswered: journal.bookings.filter((b) => b.outcome === 'unanswered').length,
      },
      orders: journal.orders.length,
      errors: journal.errors,
      verdict,
      logFile,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await server.kill();
    server.close();
    await postgres?.drop();
  }
};

/** The one line a run ends with. */
export const summaryLine = (r: CrashReport) =>
  `crash ${r.engine}: kills ${r.kills}+1, HTTP attempts ${r.requests}, money commands ${r.moneyCommands}, ` +
  `acknowledged ${r.acknowledged} (retried ${r.retried}, replayed ${r.replayed}), ` +
  `lost ${r.verdict.lost.length}, duplicated ${r.verdict.duplicated.length}, ` +
  `inconsistent ${r.verdict.inconsistent.length}, overbooked ${r.verdict.overbooked.length}, ` +
  `bookings ${r.bookings.booked}/${r.bookings.refused}/${r.bookings.unanswered} (booked/refused/unanswered), ` +
  `client errors ${r.errors.length}, ledger verify ${r.verdict.ledgerVerifyOk ? 'OK' : 'FAILED'}, ${r.seconds} s`;

export const passed = (r: CrashReport) =>
  r.verdict.lost.length === 0 &&
  r.verdict.duplicated.length === 0 &&
  r.verdict.inconsistent.length === 0 &&
  r.verdict.overbooked.length === 0 &&
  r.verdict.ledgerVerifyOk &&
  r.errors.length === 0;
