import type { Db } from '../../db/client.js';
import type { TierSignals } from '../sourcing/index.js';
import { tierByKey, tiersConfig } from './config.js';
import { latestScores } from './score-store.js';

/**
 * Sourcing's tier hook (registered at startup, see jobs/registry.ts): each
 * supplier's RFQ matching boost, monthly quote quota and tier, from the tier
 * in force. A supplier never scored has the lowest tier's benefits and no tier.
 */
export const tierSignalsOf = async (
  db: Db,
  supplierIds: readonly string[],
): Promise<Map<string, TierSignals>> => {
  const config = tiersConfig();
  const latest = await latestScores(db, supplierIds);
  return new Map(
    supplierIds.map((id) => {
      const scored = latest.get(id);
      const tier = tierByKey(config, scored?.tier);
      return [
        id,
        {
          boost: tier.benefits.matchBoost,
          monthlyQuota: tier.benefits.monthlyRfqQuota,
          tier: scored ? tier.key : null,
        },
      ];
    }),
  );
};

export type AdCredit = { tier: string; month: string | null; amount: bigint; currency: string };

/**
 * The advertising credit a supplier's tier grants each month (minor units).
 * The ads module grants it to the supplier's ad wallet; tiers moves no money.
 * `month` is the month of the score that decided the tier (null: never scored).
 */
export const adCreditFor = async (db: Db, supplierId: string): Promise<AdCredit> => {
  const scored = (await latestScores(db, [supplierId])).get(supplierId);
  const tier = tierByKey(tiersConfig(), scored?.tier);
  return {
    tier: tier.key,
    month: scored?.month ?? null,
    amount: tier.benefits.monthlyAdCredit.amount,
    currency: tier.benefits.monthlyAdCredit.currency,
  };
};
