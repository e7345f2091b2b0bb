// `npm run crash -- --engine pglite|postgres --kills 20 [--clients 4] [--port N]`:
// SIGKILLs the server during a storm of money commands and checks nothing acknowledged was lost or doubled.
import { parseArgs } from 'node:util';
import { passed, runCrashHarness, summaryLine } from './crash/run-crash.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    kills: { type: 'string', default: '20' },
    clients: { type: 'string', default: '3' },
    port: { type: 'string' },
  },
});
if (values.engine !== 'pglite' && values.engine !== 'postgres') {
  console.error('--engine is pglite or postgres');
  process.exit(2);
}
const report = await runCrashHarness({
  engine: values.engine,
  kills: Number(values.kills),
  clients: Number(values.clients),
  afterAckMs: [0, 3000],
  port: values.port ? Number(values.port) : undefined,
  adminUrl: process.env.CRASH_ADMIN_URL ?? process.env.DATABASE_URL,
  log: (line) => console.log(line),
});
const details = [...report.verdict.lost, ...report.verdict.duplicated, ...report.verdict.inconsistent];
for (const line of [...details, ...report.verdict.overbooked, ...report.errors].slice(0, 50))
  console.log(`  ${line}`);
if (!report.verdict.ledgerVerifyOk) console.log(report.verdict.ledgerVerifyOutput);
console.log(`server log: ${report.logFile}`);
console.log(summaryLine(report));
process.exit(passed(report) ? 0 : 1);
