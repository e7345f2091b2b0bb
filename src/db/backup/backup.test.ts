import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../http/app.js';
import { type LedgerReport, verifyLedger } from '../../modules/ledger/index.js';
import { newProduct } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { day, money, newParties, type Parties, passTime, receivedOrder } from '../../test/order-factories.js';
import { type Database, openDatabase } from '../client.js';
import { queryRows } from '../raw-sql.js';
import { withDatabase } from '../test-database.js';
import { listSequences, listTables, tableSize } from './catalog.js';
import { BackupError, countRows, isSafeFilePath } from './format.js';
import { restoreBackup } from './restore-backup.js';
import { writeBackup } from './write-backup.js';

const h = useHarness();
const work = mkdtempSync(join(tmpdir(), 'tradelane-backup-test-'));
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** What must survive a backup: the ledger's report and every account's balances, each table's rows, the sequences. */
const facts = async (database: Database) => {
  const ledger: LedgerReport = await verifyLedger(database.db);
  const balances = await queryRows<Record<string, string>>(
    database.db,
    sql`select code, debits_posted::text, credits_posted::text, debits_pending::text, credits_pending::text
        from ledger_accounts order by code`,
  );
  const counts: Record<string, number> = {};
  for (const t of await listTables(database.db)) counts[t.name] = await tableSize(database.db, t.name);
  return { ledger, balances, counts, sequences: await listSequences(database.db) };
};

/** A fresh, empty target of the engine asked for: a new PGlite data dir, or a new PostgreSQL database. */
const targets: Database[] = [];
const freshTarget = async (engine: 'pglite' | 'postgres') => {
  const database =
    engine === 'pglite'
      ? await openDatabase({ dataDir: join(mkdtempSync(join(work, 'pgdata-')), 'pgdata') })
      : await (async () => {
          const url = process.env.DATABASE_URL!;
          const name = `tl_restore_${randomBytes(5).toString('hex')}`;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`CREATE DATABASE ${name}`);
          await admin.end();
          const opened = await openDatabase({ url: withDatabase(url, name) });
          return {
            ...opened,
            close: async () => {
              await opened.close();
              const cleanup = new pg.Client({ connectionString: url });
              await cleanup.connect();
              await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
              await cleanup.end();
            },
          };
        })();
  targets.push(database);
  return database;
};

let parties: Parties;
let apiKey: string;
let completedOrderId: string;
let before: Awaited<ReturnType<typeof facts>>;
const file = join(work, 'demo.tlbackup');
const progress: { done: number; total: number }[] = [];

beforeAll(async () => {
  parties = await newParties(h);
  // Money in every shape: an order released to the supplier, one refunded in part, one held in escrow.
  const completed = await receivedOrder(h, parties);
  completedOrderId = completed.id;
  const refunded = await receivedOrder(h, parties);
  const refund = await money(h, parties.supplier).post(`/api/orders/${refunded.id}/refund`, {
    amount: '25000',
    reason: 'Short shipment',
  });
  expect(refund.statusCode, refund.body).toBe(200);
  await passTime(h, 31 * day);
  await receivedOrder(h, parties);
  // An uploaded file, which lives in the data dir, not the database.
  const product = await newProduct(h, parties.supplier);
  const boundary = '----backup';
  const image = await h.app.inject({
    method: 'POST',
    url: `/api/products/${product.id}/images`,
    headers: { cookie: parties.supplier.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pump.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(image.statusCode, image.body).toBe(201);
  const key = await h.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: parties.supplier.cookie },
    payload: { name: 'ERP' },
  });
  apiKey = key.json().key;

  before = await facts(h.database);
  expect(before.ledger.ok).toBe(true);
  expect(before.ledger.transfers).toBeGreaterThan(10);
  await writeBackup(h.database, { file, dataDir: h.dataDir, onProgress: (p) => progress.push(p) });
}, 120_000);

afterAll(async () => {
  for (const t of targets) await t.close();
  rmSync(work, { recursive: true, force: true });
});

/** A server over the restored database: what an operator would start after a restore. */
const serve = async (database: Database, dataDir: string): Promise<App> =>
  buildApp({ database, now: h.clock, dataDir });

const engines = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])] as const;

describe.each(engines)('backup and restore into a fresh %s database', (engine) => {
  let target: Database;
  let dataDir: string;
  beforeAll(async () => {
    target = await freshTarget(engine);
    dataDir = mkdtempSync(join(work, 'data-'));
    const summary = await restoreBackup(target, { file, dataDir });
    expect(summary.files).toBe(1);
  }, 120_000);

  it('gives the same ledger: every invariant, the same totals and every account’s balances', async () => {
    const after = await facts(target);
    expect(after.ledger.ok).toBe(true);
    expect(after.ledger.violations).toEqual([]);
    expect(after.ledger.currencies).toEqual(before.ledger.currencies);
    expect(after.ledger.transfers).toBe(before.ledger.transfers);
    expect(after.balances).toEqual(before.balances);
  });

  it('gives the same rows in every table, and the sequences where they were', async () => {
    const after = await facts(target);
    expect(after.counts).toEqual(before.counts);
    expect(after.counts.orders).toBeGreaterThanOrEqual(3);
    expect(after.sequences).toEqual(before.sequences);
  });

  it('serves the restored data: API keys, passwords and uploaded files still work', async () => {
    const app = await serve(target, dataDir);
    try {
      const order = await app.inject({
        method: 'GET',
        url: `/api/orders/${completedOrderId}`,
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(order.statusCode, order.body).toBe(200);
      expect(order.json().status).toBe('completed');
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: parties.buyer.email, password: 'correct-horse-battery' },
      });
      expect(signIn.statusCode, signIn.body).toBe(200);
      const images = await queryRows<{ storage_path: string }>(
        target.db,
        sql`select storage_path from product_images`,
      );
      expect(readFileSync(join(dataDir, 'uploads', images[0]!.storage_path)).equals(png)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses to restore over data without --force, and replaces it with', async () => {
    await expect(restoreBackup(target, { file, dataDir })).rejects.toThrow(/not empty.*--force/);
    const replaced = await restoreBackup(target, { file, dataDir, force: true });
    expect(replaced.rows).toBe(Object.values(before.counts).reduce((a, b) => a + b, 0));
    expect((await facts(target)).counts).toEqual(before.counts);
  });

  it('refuses a truncated backup before touching the data it would replace', async () => {
    const whole = readFileSync(file);
    const truncated = join(work, `truncated-${engine}.tlbackup`);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restoreBackup(target, { file: truncated, dataDir, force: true })).rejects.toThrow(
      BackupError,
    );
    expect((await facts(target)).counts).toEqual(before.counts);
    const junk = join(work, 'junk.tlbackup');
    writeFileSync(junk, 'not a backup');
    await expect(restoreBackup(target, { file: junk, dataDir, force: true })).rejects.toThrow(
      /not a Tradelane backup/,
    );
  });
});

describe('the backup file', () => {
  it('reports progress up to its whole size', () => {
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)('from PostgreSQL restores into the embedded database too', async () => {
    const embedded = await freshTarget('pglite');
    await restoreBackup(embedded, { file, dataDir: mkdtempSync(join(work, 'data-')) });
    const after = await facts(embedded);
    expect(after.ledger.ok).toBe(true);
    expect(after.balances).toEqual(before.balances);
    expect(after.counts).toEqual(before.counts);
  });

  it('counts COPY rows by their newlines and accepts only plain paths under uploads/', () => {
    expect(countRows(Buffer.from('1\ta\\nb\n2\t\\N\n'))).toBe(2);
    expect(countRows(Buffer.alloc(0))).toBe(0);
    expect(isSafeFilePath('uploads/co_1/img_2.png')).toBe(true);
    for (const path of [
      'uploads/../auth-secret',
      '../uploads/x',
      '/etc/passwd',
      'pgdata/base/1',
      'uploads/a\\b',
    ])
      expect(isSafeFilePath(path), path).toBe(false);
  });
});
