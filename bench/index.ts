import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import {
  buildIndexReport,
  importTransactions,
  type Period,
  rebuildRollups,
  yearEarlier,
} from '../src/modules/insights/index.js';
import { openFreshDatabase } from './database.js';
import { generateTransactionsCsv } from './generate-transactions.js';
import { duckDbReference } from './index-duckdb.js';
import { elapsed, ms, summarize, table } from './stats.js';

const usage = `npm run bench -- index [options]

  --rows N        transactions to generate (default 10000000)
  --runs N        timed runs of the full report, after one warm-up (default 20)
  --no-duckdb     skip the DuckDB reference

Writes the CSV and an embedded database into a temporary directory (deleted
at the end), or uses a fresh database on DATABASE_URL's server. Times the
import through importTransactions, rebuildRollups, and buildIndexReport for
2021-01…2021-05 against 2020; then DuckDB loading the same CSV, building the
same rollups and answering the same queries.`;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '10000000' },
      runs: { type: 'string', default: '20' },
      'no-duckdb': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: 'rows' | 'runs') => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0`);
    return n;
  };
  return { help: values.help, rows: int('rows'), runs: int('runs'), duckdb: !values['no-duckdb'] };
};

const period: Period = { from: '2021-01', to: '2021-05' };
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const thousands = (n: number) => Math.round(n).toLocaleString('en');

const openDatabaseIn = async (dir: string): Promise<Database & { where: string }> => {
  if (process.env.DATABASE_URL) return openFreshDatabase('index');
  const dataDir = join(dir, 'pgdata');
  const database = await openDatabase({ dataDir });
  await prepareDatabase(database);
  return { ...database, where: `PGlite in ${dataDir}` };
};

let lastCpuMs = 0;
/** The result and wall time of `work`; its CPU time (user + system) in `lastCpuMs`. */
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await work();
  const cpu = process.cpuUsage(cpuBefore);
  lastCpuMs = (cpu.user + cpu.system) / 1000;
  return [result, elapsed(startedAt)];
};

// PGlite runs in this process: on a machine shared with other work, its CPU time shows how much
// of the wall time was its own.
const cpuNote = () => `, CPU ${seconds(lastCpuMs)}`;

/** The import, the rebuild and the report on our own database. */
const measureOurs = async (database: Database, csv: string, o: ReturnType<typeof options>) => {
  const { db } = database;
  const [imported, importMs] = await timed(() => importTransactions(db, { source: createReadStream(csv) }));
  if (imported.problems.length > 0)
    throw new Error(`The import refused the file: ${imported.problems[0]!.message}`);
  console.log(`import:  ${seconds(importMs)} (${thousands((o.rows * 1000) / importMs)} rows/s${cpuNote()})`);
  const [, rebuildMs] = await timed(() => rebuildRollups(db));
  console.log(`rebuild: ${seconds(rebuildMs)}${cpuNote().replace(', ', ' (')})`);
  // PGlite never autovacuums: the nightly VACUUM job is what gives the planner statistics.
  const [, vacuumMs] = await timed(() => database.exec('vacuum analyze'));
  console.log(`vacuum analyze: ${seconds(vacuumMs)}`);
  const [report] = await timed(() => buildIndexReport(db, period));
  const reportMs: number[] = [];
  for (let i = 0; i < o.runs; i++) reportMs.push((await timed(() => buildIndexReport(db, period)))[1]);
  return { importMs, rebuildMs, reportMs, gmvUsdCents: BigInt(Math.round(report.totals.gmvUsd * 100)) };
};

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export const run = async (args: string[]) => {
  const o = options(args);
  if (o.help) {
    console.log(usage);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tradelane-bench-index-'));
  try {
    const csv = join(dir, 'transactions.csv');
    const [, generateMs] = await timed(() =>
      generateTransactionsCsv(csv, { rows: o.rows, seed: 20_210_531 }),
    );
    console.log(
      `Generated ${thousands(o.rows)} transactions (${thousands(statSync(csv).size / 1e6)} MB) in ${seconds(generateMs)}`,
    );
    const database = await openDatabaseIn(dir);
    console.log(`Database: ${database.where}`);
    const ours = await measureOurs(database, csv, o).finally(() => database.close());
    const report = summarize(ours.reportMs);
    const rows = [
      ['import (CSV → checked facts + rollups)', seconds(ours.importMs), '', ''],
      ['rebuild rollups from facts', seconds(ours.rebuildMs), '', ''],
      [`full report p50 / p95 (${o.runs} runs)`, `${ms(report.p50)} / ${ms(report.p95)} ms`, '', ''],
    ];
    const targets = [`full report under 100 ms (p95): ${verdict(report.p95 < 100)}`];
    if (o.duckdb) {
      const duck = await duckDbReference(csv, { period, base: yearEarlier(period), runs: o.runs });
      const duckReport = summarize(duck.reportMs);
      const ratio = (ourMs: number, theirMs: number) => `${(ourMs / theirMs).toFixed(1)}×`;
      rows[0]!.splice(2, 2, seconds(duck.loadMs), ratio(ours.importMs, duck.loadMs));
      rows[1]!.splice(2, 2, seconds(duck.rollupMs), ratio(ours.rebuildMs, duck.rollupMs));
      rows[2]!.splice(
        2,
        2,
        `${ms(duckReport.p50)} / ${ms(duckReport.p95)} ms`,
        ratio(report.p50, duckReport.p50),
      );
      targets.push(`rebuild within 3× DuckDB's aggregation: ${verdict(ours.rebuildMs <= 3 * duck.rollupMs)}`);
      targets.push(
        `GMV of the period agrees with DuckDB: ${ours.gmvUsdCents === duck.gmvUsdCents ? 'yes' : 'NO'}`,
      );
    }
    console.log(`\n${table(['', 'ours', 'DuckDB', 'ours / DuckDB'], rows)}\n`);
    for (const line of targets) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
