import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { taxonomy } from '../catalog/index.js';
import { industryAndCategory } from './facts.js';
import { recomputeActivityDays } from './rollups.js';
import {
  type ActivityKind,
  activeBuyersDaily,
  activityDaily,
  activityKinds,
  buyerActivity,
} from './schema.js';
import type { CsvProblem } from './transaction-csv.js';

export const activityColumns = ['day', 'buyer_id', 'category', 'kind'] as const;

/** The category (second taxonomy level) an activity counts under, or undefined for an unknown code. */
const categoryOf = (code: string) => {
  const node = taxonomy().byCode.get(code);
  return node ? industryAndCategory(node.code).category : undefined;
};

/**
 * Records one buyer action as it happens (a search in a category, a product
 * view, an inquiry, an RFQ, an order). The day's rollups move with it: the
 * event count always, the distinct buyer counts only for the buyer's first
 * action of the day in that category.
 */
export const recordActivity = async (
  db: Db,
  input: { at: Date; buyerId: string; taxonomyCode: string; kind: ActivityKind },
) => {
  const category = categoryOf(input.taxonomyCode);
  if (!category) return;
  const day = input.at.toISOString().slice(0, 10);
  const seen = await db
    .select({ kind: buyerActivity.kind })
    .from(buyerActivity)
    .where(
      and(
        eq(buyerActivity.day, day),
        eq(buyerActivity.buyerId, input.buyerId),
        eq(buyerActivity.category, category),
      ),
    );
  await db.insert(buyerActivity).values({ day, buyerId: input.buyerId, category, kind: input.kind });
  const newForKind = !seen.some((s) => s.kind === input.kind);
  await db
    .insert(activityDaily)
    .values({ day, category, kind: input.kind, events: 1, buyers: 1 })
    .onConflictDoUpdate({
      target: [activityDaily.day, activityDaily.category, activityDaily.kind],
      set: {
        events: sql`${activityDaily.events} + 1`,
        buyers: sql`${activityDaily.buyers} + ${newForKind ? 1 : 0}`,
      },
    });
  if (seen.length === 0)
    await db
      .insert(activeBuyersDaily)
      .values({ day, category, buyers: 1 })
      .onConflictDoUpdate({
        target: [activeBuyersDaily.day, activeBuyersDaily.category],
        set: { buyers: sql`${activeBuyersDaily.buyers} + 1` },
      });
};

/**
 * `tradelane import activity FILE.csv` (`day,buyer_id,category,kind`): all
 * rows or none, problems with line and column; the rollups of the days the
 * file touches are recomputed from the raw events.
 */
export const importActivity = async (
  db: Db,
  input: { source: Readable; onProgress?: (rows: number) => void },
): Promise<{ imported: number; problems: CsvProblem[] }> => {
  const problems: CsvProblem[] = [];
  // Made where it is read: an error (a wrong header) before the loop listens would go unhandled.
  const parser = () =>
    input.source.pipe(
      parse({
        bom: true,
        skip_empty_lines: true,
        info: true,
        columns: (header: string[]) => {
          if (header.map((h) => h.trim()).join(',') !== activityColumns.join(','))
            throw new AppError(
              'VALIDATION_FAILED',
              `The header must be exactly: ${activityColumns.join(',')}`,
            );
          return header.map((h) => h.trim());
        },
      }),
    );
  let imported = 0;
  class Refused extends Error {}
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      let batch: (typeof buyerActivity.$inferInsert)[] = [];
      let from = '9999-12-31';
      let to = '0000-01-01';
      const flush = async () => {
        if (batch.length > 0 && problems.length === 0) await t.insert(buyerActivity).values(batch);
        imported += batch.length;
        batch = [];
      };
      for await (const { record, info } of parser() as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        const line = info.lines;
        const day = (record.day ?? '').trim();
        const kind = (record.kind ?? '').trim() as ActivityKind;
        const category = categoryOf((record.category ?? '').trim());
        const buyerId = (record.buyer_id ?? '').trim();
        if (
          !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
          Number.isNaN(Date.parse(day)) ||
          // Date.parse takes 2021-02-30 (as 2 March); the database would not.
          new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day
        )
          problems.push({ line, column: 'day', message: `"${day}" is not an ISO date` });
        if (!/^[\w.:-]{1,64}$/.test(buyerId))
          problems.push({ line, column: 'buyer_id', message: `"${buyerId}" is not an id` });
        if (!category)
          problems.push({ line, column: 'category', message: `"${record.category}" is not a taxonomy code` });
        if (!activityKinds.includes(kind))
          problems.push({
            line,
            column: 'kind',
            message: `"${kind}" is not one of ${activityKinds.join(', ')}`,
          });
        if (problems.length >= 100) break;
        if (problems.length === 0) {
          batch.push({ day, buyerId, category: category!, kind });
          if (day < from) from = day;
          if (day > to) to = day;
        }
        if (batch.length >= 5000) await flush();
        if (line % 10_000 === 0) input.onProgress?.(line);
      }
      await flush();
      if (problems.length > 0) throw new Refused();
      if (imported > 0) await recomputeActivityDays(t, { from, to });
    });
  } catch (error) {
    if (error instanceof Refused) return { imported: 0, problems };
    throw error;
  }
  return { imported, problems };
};
