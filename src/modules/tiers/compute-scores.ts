import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { searchIndex } from '../search/index.js';
import { monthOf } from '../sourcing/index.js';
import { type TiersConfig, tiersConfig } from './config.js';
import { decideTier } from './decide-tier.js';
import { gatherSupplierFacts } from './gather-facts.js';
import { supplierScores } from './schema.js';
import { scoreSuppliers } from './scoring.js';

export type ScoreRun = {
  month: string;
  computedAt: string;
  suppliers: number;
  /** Suppliers per tier key, every configured tier listed. */
  tiers: Record<string, number>;
  /** How long the computation took, for the operator (not a test assertion). */
  elapsedMs: number;
};

const batchSize = 500;

/**
 * Scores every supplier as of `asOf` and stores the month's row (score,
 * every component, the tier), replacing an earlier computation of the same
 * month; then sets each supplier's search boost from its tier. One
 * transaction, serialized by an advisory lock: the timer and an operator's
 * recompute never interleave.
 */
export const computeSupplierScores = async (
  db: Db,
  asOf: Date,
  config: TiersConfig = tiersConfig(),
): Promise<ScoreRun> => {
  const started = performance.now();
  const month = monthOf(asOf);
  const tiers = Object.fromEntries(config.tiers.map((t) => [t.key, 0]));
  const suppliers = await db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tiers:compute-scores'))`);
    const facts = await gatherSupplierFacts(tx, asOf, config.windowMonths);
    const scored = scoreSuppliers(facts, asOf, config);
    const boosts = new Map<string, number>();
    const rows = facts.map((f) => {
      const { indicators, points, score } = scored.get(f.supplierId)!;
      const { tier } = decideTier(indicators, score, config);
      tiers[tier.key] = (tiers[tier.key] ?? 0) + 1;
      boosts.set(f.supplierId, tier.benefits.searchBoost);
      return {
        companyId: f.supplierId,
        month,
        computedAt: asOf,
        industry: f.industry,
        gmvUsd: f.gmvUsd,
        gmvPercentile: indicators.gmvPercentile,
        paidOrders: indicators.paidOrders,
        responseRate: indicators.responseRate,
        inquiriesCounted: f.inquiriesCounted,
        onTimeRate: indicators.onTimeRate,
        shipmentsCounted: f.shipmentsCounted,
        disputeRate: indicators.disputeRate,
        disputes: f.disputes,
        buyerRating: indicators.buyerRating,
        ratingsCounted: f.ratingCount,
        verificationLevel: indicators.verification,
        yearsOnPlatform: indicators.yearsOnPlatform,
        points,
        score,
        tier: tier.key,
      };
    });
    for (let i = 0; i < rows.length; i += batchSize) {
      await tx
        .insert(supplierScores)
        .values(rows.slice(i, i + batchSize))
        .onConflictDoUpdate({
          target: [supplierScores.companyId, supplierScores.month],
          set: Object.fromEntries(
            Object.keys(rows[0]!)
              .filter((k) => k !== 'companyId' && k !== 'month')
              .map((k) => [k, sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
          ),
        });
    }
    await searchIndex.setSupplierBoosts(tx, boosts);
    return rows.length;
  });
  return {
    month,
    computedAt: asOf.toISOString(),
    suppliers,
    tiers,
    elapsedMs: Math.round(performance.now() - started),
  };
};
