import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { scaleRate } from '../fx/index.js';
import { copyRows } from './copy-rows.js';
import { csvRecords } from './csv-records.js';
import { foldFactsInBulk, lastFactSeq } from './rollups.js';
import { type CsvProblem, parseTransactionRow, transactionColumns } from './transaction-csv.js';
import { toUsdCents } from './usd-amounts.js';

export type TransactionImport = { imported: number; alreadyImported: number; problems: CsvProblem[] };

/** Rows per COPY: a few megabytes of text, so memory stays flat however long the file. */
const copyBatch = 50_000;
const maxProblems = 100;
const usdPerUsd = scaleRate('1');

class Refused extends Error {}

const stagedColumns = [
  'fact_key',
  'order_id',
  'paid_on',
  'supplier_id',
  'supplier_province',
  'industry',
  'category',
  'buyer_id',
  'buyer_country',
  'amount_usd',
  'orders',
] as const;

/**
 * USD per unit (scaled) of a currency on a day: the latest rate on or before
 * it, as fx's ratesOn answers, null when there is none. Each currency's rates
 * are read once: a query per currency and day costs more than the rows.
 */
const rateLookup = (db: Db) => {
  const histories = new Map<string, { days: string[]; rates: bigint[] }>();
  return async (currency: string, day: string): Promise<bigint | null> => {
    let history = histories.get(currency);
    if (!history) {
      const rows = await queryRows<{ day: string; usd_per_unit: string }>(
        db,
        sql`select day::text as day, usd_per_unit::text as usd_per_unit from fx_rates
             where currency = ${currency} order by day`,
      );
      history = { days: rows.map((r) => r.day), rates: rows.map((r) => scaleRate(r.usd_per_unit)) };
      histories.set(currency, history);
    }
    // The number of rates on or before `day` (binary search over the sorted days).
    let lo = 0;
    let hi = history.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (history.days[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : history.rates[lo - 1]!;
  };
};

/**
 * Reads, checks and converts every row, and COPYs the good ones into the
 * transaction's `import_facts` table; after the first problem nothing more
 * is copied (it will all be rolled back), but rows are still checked so
 * that up to a hundred problems are reported at once.
 */
const stageRows = async (
  db: Db,
  input: { source: Readable; onProgress?: (rows: number) => void },
  problems: CsvProblem[],
) => {
  const rateOf = rateLookup(db);
  // The file must not name an order twice: which of the two would be the fact?
  const seen = new Set<string>();
  let text = '';
  let pending = 0;
  let rows = 0;
  const flush = async () => {
    if (problems.length === 0) await copyRows(db, { table: 'import_facts', columns: stagedColumns, text });
    text = '';
    pending = 0;
  };
  for await (const record of csvRecords(input.source, transactionColumns)) {
    rows++;
    if (rows % 10_000 === 0) input.onProgress?.(rows);
    if ('problem' in record) {
      problems.push(record.problem);
      if (problems.length >= maxProblems) break;
      continue;
    }
    const { fields, line } = record;
    const parsed = parseTransactionRow(fields, line);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else if (seen.has(parsed.row.orderId))
      problems.push({
        line,
        column: 'order_id',
        message: `order_id ${parsed.row.orderId} appears twice in the file`,
      });
    else {
      const r = parsed.row;
      seen.add(r.orderId);
      const rate = r.currency === 'USD' ? usdPerUsd : await rateOf(r.currency, r.paidOn);
      if (rate === null)
        problems.push({
          line,
          column: 'currency',
          message: `No ${r.currency} exchange rate on or before ${r.paidOn}`,
        });
      else if (problems.length === 0) {
        // Every field was checked against a pattern or a code list: none holds a tab, newline or backslash.
        text += `import:${r.orderId}\t${r.orderId}\t${r.paidOn}\t${r.supplierId}\t${r.supplierProvince}\t${r.industry}\t${r.category}\t${r.buyerId}\t${r.buyerCountry}\t${toUsdCents(r.amount, r.currency, rate)}\t${r.amount > 0n ? 1 : 0}\n`;
        if (++pending >= copyBatch) await flush();
      }
    }
    if (problems.length >= maxProblems) break;
  }
  await flush();
  input.onProgress?.(rows);
};

/**
 * Moves the staged rows into the facts, skipping orders imported before;
 * returns how many were new. NOT EXISTS rather than ON CONFLICT: the table
 * lock keeps out every other writer, and a plain insert costs half as much.
 */
const insertStagedFacts = async (db: Db) => {
  const columns = sql.raw(stagedColumns.join(', '));
  const [counted] = await queryRows<{ inserted: number; staged: number }>(
    db,
    sql`with added as (
          insert into trade_facts (${columns})
          select ${columns} from import_facts s
           where not exists (select 1 from trade_facts f where f.fact_key = s.fact_key)
          returning 1)
        select (select count(*) from added)::int as inserted, (select count(*) from import_facts)::int as staged`,
  );
  return { imported: counted!.inserted, alreadyImported: counted!.staged - counted!.inserted };
};

/**
 * Imports historical transactions (the exact columns of `transactionColumns`)
 * as trade facts and folds them into the rollups: all rows or none, every
 * problem reported with its line and column (the first hundred). Rows whose
 * order id was imported before are skipped, so a file can be imported twice.
 * Streams the file: a million rows never sit in memory at once.
 */
export const importTransactions = async (
  db: Db,
  input: { source: Readable; onProgress?: (rows: number) => void },
): Promise<TransactionImport> => {
  const problems: CsvProblem[] = [];
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // One importer at a time, and no order fact in between: the new facts are one seq range.
      await t.execute(sql`lock table trade_facts in share row exclusive mode`);
      const before = await lastFactSeq(t);
      // Rows go through a bare temporary table first: COPY has no ON CONFLICT, and a
      // re-imported order must be skipped, not refused.
      await t.execute(sql`create temporary table import_facts (
        fact_key text, order_id text, paid_on date, supplier_id text, supplier_province text, industry text,
        category text, buyer_id text, buyer_country text, amount_usd bigint, orders smallint) on commit drop`);
      await stageRows(t, input, problems);
      if (problems.length > 0) throw new Refused();
      const counts = await insertStagedFacts(t);
      await foldFactsInBulk(t, { after: before, upTo: await lastFactSeq(t) });
      return { ...counts, problems };
    });
  } catch (error) {
    if (error instanceof Refused)
      return { imported: 0, alreadyImported: 0, problems: problems.slice(0, maxProblems) };
    throw error;
  }
};
