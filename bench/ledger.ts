import { parseArgs } from 'node:util';
import { bigint, boolean, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/client.js';
import { type Random, seededRandom } from '../src/demo/random.js';
import {
  createTransfers,
  type LedgerAccount,
  type LedgerCtx,
  openAccount,
  type TransferInput,
  verifyLedger,
} from '../src/modules/ledger/index.js';
import { openFreshDatabase } from './database.js';
import { elapsed, ms, summarize, table } from './stats.js';

const usage = `npm run bench -- ledger [options]

  --transfers N   transfers per scenario (default 5000)
  --accounts N    accounts the transfers move between (default 200)
  --rounds N      rounds per scenario, alternating ledger and baseline so both
                  see the same drift (disk flushes, caches) (default 10)

Transfers per second through createTransfers, each with a unique id:
single transfers (one call, one transaction each), linked pairs (a deposit
into escrow chained with a payout from it) and batches of 100, against a
baseline that inserts the same rows into an unconstrained table (no key, no
index, no balance update), in the same run and through the same driver: one
statement per call on its own, and again framed by BEGIN/COMMIT as a ledger
call is.
Uses a fresh PGlite in bench/.data/ledger, or a fresh database on the
PostgreSQL server of DATABASE_URL (dropped at the end).`;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      transfers: { type: 'string', default: '5000' },
      accounts: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '10' },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: 'transfers' | 'accounts' | 'rounds') => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return { help: values.help, transfers: int('transfers'), accounts: int('accounts'), rounds: int('rounds') };
};

/** The baseline: ledger_transfers' columns with nothing else (no key, no check, no index, no trigger). */
const plainTransfers = pgTable('bench_plain_transfers', {
  id: text(),
  debitAccountId: text(),
  creditAccountId: text(),
  amount: bigint({ mode: 'bigint' }),
  currency: text(),
  kind: text(),
  linked: boolean(),
  pendingId: text(),
  reference: text(),
  userData: jsonb(),
  createdAt: timestamp({ withTimezone: true }),
});

const plainTable = `create table bench_plain_transfers (id text, debit_account_id text, credit_account_id text,
  amount bigint, currency text, kind text, linked boolean, pending_id text, reference text, user_data jsonb,
  created_at timestamptz)`;

type Accounts = { banks: LedgerAccount[]; escrows: LedgerAccount[] };

/** One unit of work: what one createTransfers call (one transaction) carries. */
type Unit = (random: Random, accounts: Accounts) => TransferInput[];

const deposit = (random: Random, { banks, escrows }: Accounts, linked = false): TransferInput => {
  const id = newId('txf');
  return {
    id,
    debitAccountId: random.pick(banks).id,
    creditAccountId: random.pick(escrows).id,
    amount: BigInt(random.int(100, 10_000)),
    currency: 'USD',
    flags: { linked },
    reference: `bench:${id}:deposit`,
  };
};

const scenarios: { name: string; size: number; unit: Unit }[] = [
  { name: 'single (one per transaction)', size: 1, unit: (r, a) => [deposit(r, a)] },
  {
    name: 'linked pairs (deposit + payout)',
    size: 2,
    unit: (r, a) => {
      const first = deposit(r, a, true);
      // The payout spends what the deposit brought: it fits only because the chain applies in order.
      const payout = { ...deposit(r, a), debitAccountId: first.creditAccountId, amount: first.amount };
      return [first, { ...payout, creditAccountId: r.pick(a.banks).id }];
    },
  },
  {
    name: 'batches of 100',
    size: 100,
    unit: (r, a) => Array.from({ length: 100 }, () => deposit(r, a)),
  },
];

const rowsOf = (inputs: TransferInput[], now: Date) =>
  inputs.map((t) => ({
    id: t.id,
    debitAccountId: t.debitAccountId!,
    creditAccountId: t.creditAccountId!,
    amount: t.amount!,
    currency: t.currency!,
    kind: 'single',
    linked: t.flags?.linked ?? false,
    pendingId: null,
    reference: t.reference,
    userData: null,
    createdAt: now,
  }));

const runLedger = async (ctx: LedgerCtx, units: TransferInput[][]) => {
  const latencies: number[] = [];
  for (const unit of units) {
    const startedAt = performance.now();
    const results = await createTransfers(ctx, unit);
    latencies.push(elapsed(startedAt));
    const refused = results.find((r) => r.result !== 'created');
    if (refused) throw new Error(`Transfer ${refused.id} was refused: ${refused.result}`);
  }
  return latencies;
};

/** One insert statement per unit: on its own (autocommit), or framed by BEGIN and COMMIT as a ledger call is. */
const runBaseline = async (db: Db, units: TransferInput[][], now: Date, framed: boolean) => {
  const latencies: number[] = [];
  for (const unit of units) {
    const startedAt = performance.now();
    if (framed) await db.transaction(async (tx) => tx.insert(plainTransfers).values(rowsOf(unit, now)));
    else await db.insert(plainTransfers).values(rowsOf(unit, now));
    latencies.push(elapsed(startedAt));
  }
  return latencies;
};

const openAccounts = async (ctx: LedgerCtx, count: number): Promise<Accounts> => {
  const open = (kind: 'bank' | 'escrow', i: number) =>
    openAccount(ctx, { code: `${kind}:bench${i}:USD`, kind, currency: 'USD' });
  const half = Math.max(1, Math.floor(count / 2));
  const banks: LedgerAccount[] = [];
  const escrows: LedgerAccount[] = [];
  for (let i = 0; i < half; i++) {
    banks.push(await open('bank', i));
    escrows.push(await open('escrow', i));
  }
  return { banks, escrows };
};

export const run = async (args: string[]) => {
  const o = options(args);
  if (o.help) {
    console.log(usage);
    return;
  }
  const database = await openFreshDatabase('ledger');
  try {
    console.log(`Database: ${database.where}`);
    await database.exec(plainTable);
    const now = new Date();
    const ctx: LedgerCtx = { db: database.db, now: () => now };
    const random = seededRandom(20261102);
    const accounts = await openAccounts(ctx, o.accounts);
    // Warm every path (plans, caches) before timing anything.
    const warmup = Array.from({ length: 100 }, () => scenarios[0]!.unit(random, accounts));
    await runLedger(ctx, warmup);
    await runBaseline(database.db, warmup, now, false);
    await runBaseline(database.db, warmup, now, true);

    const runners = [
      { label: 'ledger (createTransfers)', run: (units: TransferInput[][]) => runLedger(ctx, units) },
      {
        label: 'plain insert',
        run: (units: TransferInput[][]) => runBaseline(database.db, units, now, false),
      },
      {
        label: 'plain insert in a transaction',
        run: (units: TransferInput[][]) => runBaseline(database.db, units, now, true),
      },
    ];
    const rows: string[][] = [];
    for (const s of scenarios) {
      const units = Math.max(o.rounds, Math.round(o.transfers / s.size));
      const perRound = Math.ceil(units / o.rounds);
      const latencies = runners.map(() => [] as number[]);
      for (let round = 0; round < o.rounds; round++) {
        // Rotate who goes first, so none always runs right after another's writes.
        for (let k = 0; k < runners.length; k++) {
          const i = (round + k) % runners.length;
          const work = Array.from({ length: perRound }, () => s.unit(random, accounts));
          latencies[i]!.push(...(await runners[i]!.run(work)));
        }
      }
      const summaries = latencies.map(summarize);
      const rate = (i: number) => summaries[i]!.qps * s.size;
      runners.forEach((r, i) => {
        rows.push([
          `${s.name}: ${r.label}`,
          String(summaries[i]!.n * s.size),
          ms(summaries[i]!.p50),
          ms(summaries[i]!.p95),
          Math.round(rate(i)).toLocaleString('en'),
          i === 0 ? '' : `${Math.round((100 * rate(0)) / rate(i))} %`,
        ]);
      });
      console.log(`  ${s.name}: done`);
    }
    console.log(
      `\n${table(['', 'transfers', 'p50 ms/call', 'p95 ms/call', 'transfers/s', 'ledger ÷ this'], rows)}`,
    );
    const report = await verifyLedger(database.db);
    console.log(
      `\nverifyLedger: ${report.ok ? 'ok' : 'VIOLATIONS'}, ${report.accounts} accounts, ${report.transfers.toLocaleString('en')} transfers`,
    );
    if (!report.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
};
