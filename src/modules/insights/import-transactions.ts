import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/raw-sql.js';
import { convertMinor, ratesOn } from '../fx/index.js';
import { applyFactsToRollups, lastFactSeq } from './rollups.js';
import {
  type CsvProblem,
  parseTransactionRow,
  type TransactionRow,
  transactionColumns,
} from './transaction-csv.js';

export type TransactionImport = { imported: number; alreadyImported: number; problems: CsvProblem[] };

const batchSize = 10_000;
const maxProblems = 100;

class Refused extends Error {}

/** USD per unit (scaled) of each currency on each day, fetched once per pair. */
const rateCache = (db: Db) => {
  const cache = new Map<string, bigint>();
  return async (currency: string, day: string) => {
    const key = `${currency}@${day}`;
    let rate = cache.get(key);
    if (rate === undefined) {
      rate = (await ratesOn(db, [currency], day)).get(currency);
      if (rate === undefined)
        throw new AppError('VALIDATION_FAILED', `No ${currency} exchange rate on or before ${day}`);
      cache.set(key, rate);
    }
    return rate;
  };
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
  let imported = 0;
  let alreadyImported = 0;
  // Made where it is read: an error (a wrong header) before the loop listens would go unhandled.
  const parser = () =>
    input.source.pipe(
      parse({
        bom: true,
        skip_empty_lines: true,
        columns: (header: string[]) => {
          const got = header.map((h) => h.trim());
          if (got.join(',') !== transactionColumns.join(','))
            throw new AppError(
              'VALIDATION_FAILED',
              `The header must be exactly: ${transactionColumns.join(',')}`,
              {
                got: got.join(','),
              },
            );
          return got;
        },
        info: true,
      }),
    );
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // One importer at a time, and no order fact in between: the new facts are one seq range.
      await t.execute(sql`lock table trade_facts in share row exclusive mode`);
      const before = await lastFactSeq(t);
      const rateOf = rateCache(t);
      const seen = new Set<string>();
      let batch: (TransactionRow & { line: number })[] = [];
      const flush = async () => {
        // After a problem nothing will be inserted: drop the rows rather than hold the rest of the file.
        if (problems.length > 0) batch = [];
        if (batch.length === 0) return;
        const values = [];
        for (const r of batch) {
          let usd: bigint;
          try {
            usd = convertMinor(
              r.amount,
              { currency: r.currency, usdPerUnit: await rateOf(r.currency, r.paidOn) },
              { currency: 'USD', usdPerUnit: await rateOf('USD', r.paidOn) },
            );
          } catch (error) {
            // No rate by the row's day is that row's problem, named by its line like any other.
            if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
            problems.push({ line: r.line, column: 'currency', message: error.message });
            if (problems.length >= maxProblems) break;
            continue;
          }
          values.push({
            factKey: `import:${r.orderId}`,
            orderId: r.orderId,
            paidOn: r.paidOn,
            supplierId: r.supplierId,
            supplierProvince: r.supplierProvince,
            industry: r.industry,
            category: r.category,
            buyerId: r.buyerId,
            buyerCountry: r.buyerCountry,
            amountUsd: usd.toString(),
            orders: r.amount > 0n ? 1 : 0,
          });
        }
        if (problems.length > 0) {
          batch = [];
          return;
        }
        // One JSON parameter per batch: far cheaper to send and plan than 11 parameters per row.
        const [counted] = await queryRows<{ inserted: number }>(
          t,
          sql`with added as (
                insert into trade_facts (fact_key, order_id, paid_on, supplier_id, supplier_province, industry,
                                         category, buyer_id, buyer_country, amount_usd, orders)
                select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(
                  "factKey" text, "orderId" text, "paidOn" date, "supplierId" text, "supplierProvince" text,
                  industry text, category text, "buyerId" text, "buyerCountry" text, "amountUsd" bigint, orders smallint)
                on conflict (fact_key) do nothing
                returning 1)
              select count(*)::int as inserted from added`,
        );
        imported += counted!.inserted;
        alreadyImported += values.length - counted!.inserted;
        batch = [];
      };
      let rows = 0;
      for await (const { record, info } of parser() as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        rows++;
        const parsed = parseTransactionRow(record, info.lines);
        if ('problems' in parsed) problems.push(...parsed.problems);
        else if (seen.has(parsed.row.orderId))
          problems.push({
            line: info.lines,
            column: 'order_id',
            message: `order_id ${parsed.row.orderId} appears twice in the file`,
          });
        else {
          seen.add(parsed.row.orderId);
          batch.push({ ...parsed.row, line: info.lines });
        }
        if (problems.length >= maxProblems) break;
        if (batch.length >= batchSize) await flush();
        if (rows % 10_000 === 0) input.onProgress?.(rows);
      }
      await flush();
      input.onProgress?.(rows);
      if (problems.length > 0) throw new Refused();
      await applyFactsToRollups(t, { after: before, upTo: await lastFactSeq(t) });
    });
  } catch (error) {
    if (error instanceof Refused)
      return { imported: 0, alreadyImported: 0, problems: problems.slice(0, maxProblems) };
    throw error;
  }
  return { imported, alreadyImported, problems };
};
