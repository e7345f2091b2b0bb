import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { supplierScores } from './schema.js';
import type { Indicators } from './scoring.js';

export type ScoreRow = typeof supplierScores.$inferSelect;

/** The latest month's row of each supplier: the tier in force. Suppliers never scored are absent. */
export const latestScores = async (
  db: Db,
  supplierIds: readonly string[],
): Promise<Map<string, ScoreRow>> => {
  if (supplierIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([supplierScores.companyId])
    .from(supplierScores)
    .where(inArray(supplierScores.companyId, [...new Set(supplierIds)]))
    .orderBy(supplierScores.companyId, desc(supplierScores.month));
  return new Map(rows.map((r) => [r.companyId, r]));
};

/** A supplier's months, newest first. */
export const scoreHistory = (db: Db, supplierId: string, months = 12) =>
  db
    .select()
    .from(supplierScores)
    .where(eq(supplierScores.companyId, supplierId))
    .orderBy(desc(supplierScores.month))
    .limit(months);

export const indicatorsOf = (row: ScoreRow): Indicators => ({
  gmvPercentile: row.gmvPercentile,
  paidOrders: row.paidOrders,
  responseRate: row.responseRate,
  onTimeRate: row.onTimeRate,
  disputeRate: row.disputeRate,
  buyerRating: row.buyerRating,
  yearsOnPlatform: row.yearsOnPlatform,
  verification: row.verificationLevel,
});
