import type { Db } from '../../db/client.js';

/** What sourcing needs from a supplier's tier: a matching boost, its monthly quote quota and a badge. */
export type TierSignals = { boost: number; monthlyQuota: number; tier: string | null };

export type TierSignalProvider = (
  db: Db,
  supplierIds: readonly string[],
) => Promise<Map<string, TierSignals>>;

/** Every supplier gets 20 quotes a month until tiers exist. */
export const defaultMonthlyQuota = 20;

const untiered: TierSignalProvider = async (_db, supplierIds) =>
  new Map(supplierIds.map((id) => [id, { boost: 0, monthlyQuota: defaultMonthlyQuota, tier: null }]));

let provider: TierSignalProvider = untiered;

/**
 * The hook the tiering module fills: it registers how tiers translate into
 * matching boosts and quotas. Registration (not an import) keeps sourcing
 * free of a dependency on tiers, which itself reads sourcing's data.
 */
export const registerTierSignals = (next: TierSignalProvider) => {
  provider = next;
};

export const tierSignals = (db: Db, supplierIds: readonly string[]) => provider(db, supplierIds);
