import type { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { taxonomy } from '../catalog/index.js';
import { copyRows } from './copy-rows.js';
import { csvRecords } from './csv-records.js';
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

/** The problems of one activity row (`day,buyer_id,category,kind`), or the event it records. */
const parseActivityRow = (
  fields: readonly string[],
  line: number,
): { problems: CsvProblem[] } | { event: typeof buyerActivity.$inferInsert } => {
  const problems: CsvProblem[] = [];
  const [day, buyerId, code, kind] = fields.map((f) => f.trim()) as [string, string, string, ActivityKind];
  const category = categoryOf(code);
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
    problems.push({ line, column: 'category', message: `"${fields[2]}" is not a taxonomy code` });
  if (!activityKinds.includes(kind))
    problems.push({ line, column: 'kind', message: `"${kind}" is not one of ${activityKinds.join(', ')}` });
  return problems.length > 0 ? { problems } : { event: { day, buyerId, category: category!, kind } };
};

/**
 * `tradelane import activity FILE.csv` (`day,buyer_id,category,kind`): all
 * rows or none, problems with line and column; the rollups of the days the
 * file touches are recomputed from the raw events. Rows are COPYed in
 * batches: every field is checked against a pattern or a code list, so none
 * holds a tab, newline or backslash.
 */
export const importActivity = async (
  db: Db,
  input: { source: Readable; onProgress?: (rows: number) => void },
): Promise<{ imported: number; problems: CsvProblem[] }> => {
  const problems: CsvProblem[] = [];
  let imported = 0;
  class Refused extends Error {}
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      let text = '';
      let from = '9999-12-31';
      let to = '0000-01-01';
      const flush = async () => {
        if (problems.length === 0)
          await copyRows(t, {
            table: 'buyer_activity',
            columns: ['day', 'buyer_id', 'category', 'kind'],
            text,
          });
        text = '';
      };
      for await (const record of csvRecords(input.source, activityColumns)) {
        const parsed =
          'problem' in record ? { problems: [record.problem] } : parseActivityRow(record.fields, record.line);
        if ('problems' in parsed) problems.push(...parsed.problems);
        else if (problems.length === 0) {
          const { day, buyerId, category, kind } = parsed.event;
          text += `${day}\t${buyerId}\t${category}\t${kind}\n`;
          imported++;
          if (day < from) from = day;
          if (day > to) to = day;
          if (imported % 50_000 === 0) await flush();
        }
        if (problems.length >= 100) break;
        const line = 'line' in record ? record.line : record.problem.line;
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
