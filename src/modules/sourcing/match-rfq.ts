import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows, textList } from '../../db/raw-sql.js';
import { countriesIn, regionOf } from '../geo/index.js';
import { searchIndex } from '../search/index.js';
import { type CandidateFacts, rankCandidates, type ScoredMatch } from './matching.js';
import { responseRates } from './response-rate.js';
import type { RfqRow } from './rfq-store.js';
import { tierSignals } from './tier-signals.js';

/** Accepted quotes per supplier to buyers in `country`, and in its region. */
const pastDeals = async (db: Db, supplierIds: readonly string[], country: string) => {
  const region = regionOf(country);
  const regionCountries = region ? countriesIn(region) : [country];
  const found = await queryRows<{
    company_id: string;
    to_country: number | string;
    to_region: number | string;
  }>(
    db,
    sql`select q.company_id,
        count(*) filter (where r.destination_country = ${country}) as to_country,
        count(*) as to_region
      from quotes q join rfqs r on r.id = q.rfq_id
      where q.status = 'accepted' and q.company_id in ${textList(supplierIds)}
        and r.destination_country in ${textList(regionCountries)}
      group by q.company_id`,
  );
  return new Map(
    found.map((r) => [r.company_id, { country: Number(r.to_country), region: Number(r.to_region) }]),
  );
};

/**
 * Ranks the suppliers for an RFQ: every supplier listing in its industry is a
 * candidate (no listing in the industry, no invitation), scored on category,
 * cross-language text relevance, MOQ, capacity, credibility, tier and past
 * deals to the buyer's market. Returns the best `rfq.inviteLimit`.
 */
export const matchRfq = async (
  db: Db,
  rfq: Pick<
    RfqRow,
    | 'title'
    | 'description'
    | 'language'
    | 'industryCode'
    | 'categoryCode'
    | 'quantity'
    | 'destinationCountry'
    | 'inviteLimit'
  >,
  now: Date,
): Promise<ScoredMatch[]> => {
  const [industry, category, subcategory] = rfq.categoryCode.split('/');
  const candidates = await searchIndex.matchSuppliers(db, {
    text: `${rfq.title} ${rfq.description}`.slice(0, 500),
    lang: (rfq.language as 'en' | 'zh' | 'es' | null) ?? undefined,
    industryCode: industry!,
    categoryCode: `${industry}/${category}`,
    subcategoryCode: subcategory ? rfq.categoryCode : null,
  });
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.companyId);
  const [rates, tiers, deals] = await Promise.all([
    responseRates(db, ids, now),
    tierSignals(db, ids),
    pastDeals(db, ids, rfq.destinationCountry),
  ]);
  const facts: CandidateFacts[] = candidates.map((c) => ({
    ...c,
    responseRate: rates.get(c.companyId)?.rate ?? null,
    tierBoost: tiers.get(c.companyId)?.boost ?? 0,
    dealsToCountry: deals.get(c.companyId)?.country ?? 0,
    dealsToRegion: deals.get(c.companyId)?.region ?? 0,
  }));
  return rankCandidates(facts, rfq, rfq.inviteLimit);
};
