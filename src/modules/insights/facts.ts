import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { applyFactsToRollups } from './rollups.js';
import { tradeFacts } from './schema.js';

export type TradeFact = typeof tradeFacts.$inferInsert;

/** The taxonomy's industry and category of any taxonomy code (`a/b/c` → `a`, `a/b`). */
export const industryAndCategory = (code: string) => {
  const [industry, category] = code.split('/');
  return { industry: industry!, category: category ? `${industry}/${category}` : industry! };
};

/**
 * Records one fact and folds it into the rollups in the caller's
 * transaction; a fact already recorded (same key) changes nothing.
 */
export const recordFact = async (db: Db, fact: Omit<TradeFact, 'seq'>) => {
  const [inserted] = await db
    .insert(tradeFacts)
    .values(fact)
    .onConflictDoNothing({ target: tradeFacts.factKey })
    .returning({ seq: tradeFacts.seq });
  if (inserted) await applyFactsToRollups(db, { after: inserted.seq - 1, upTo: inserted.seq });
  return inserted !== undefined;
};

/** Whether an order already counts as paid in the index. */
export const hasPaidFact = async (db: Db, orderId: string) =>
  (
    await db
      .select({ seq: tradeFacts.seq })
      .from(tradeFacts)
      .where(sql`${tradeFacts.factKey} = ${`order:${orderId}:paid`}`)
  ).length > 0;
