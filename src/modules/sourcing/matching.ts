import type { SupplierCandidate } from '../search/index.js';
import type { MatchComponents, MatchReason } from './schema.js';

/** How much each component weighs in a match score (they sum to 1). */
export const matchWeights: MatchComponents = {
  category: 0.25,
  text: 0.3,
  moq: 0.1,
  capacity: 0.1,
  credibility: 0.15,
  tier: 0.05,
  market: 0.05,
};

/** A supplier whose lowest MOQ is more than this many times the RFQ quantity is not matched at all. */
export const moqCutoffFactor = 10;
/** A supplier whose MOQ is above the quantity (but within the cut-off) keeps this share of its score. */
export const moqPenalty = 0.6;

export type CandidateFacts = SupplierCandidate & {
  /** Quick Response Rate over 30 days (0..1); null without enough inquiries. */
  responseRate: number | null;
  /** 0..1 from the supplier's tier (the tiering module fills it). */
  tierBoost: number;
  /** Past accepted deals with buyers in the RFQ's country and in its region. */
  dealsToCountry: number;
  dealsToRegion: number;
};

export type RfqForMatching = { quantity: number; destinationCountry: string; categoryCode: string };

export type ScoredMatch = {
  companyId: string;
  score: number;
  components: MatchComponents;
  reasons: MatchReason[];
};

const levelNames = { 3: 'subcategory', 2: 'category', 1: 'industry' } as const;
const categoryScore = { 3: 1, 2: 0.7, 1: 0.4 } as const;
const verificationScore: Record<string, number> = { unverified: 0, licence_checked: 0.6, onsite_audited: 1 };
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Scores one candidate for an RFQ, or returns null when it must not be
 * invited (its MOQ is far above the quantity). Pure: every fact comes in.
 */
export const scoreCandidate = (
  facts: CandidateFacts,
  rfq: RfqForMatching,
  bestTextRank: number,
): ScoredMatch | null => {
  if (facts.minMoq > rfq.quantity * moqCutoffFactor) return null;
  const withinMoq = facts.minMoq <= rfq.quantity;
  const components: MatchComponents = {
    category: categoryScore[facts.categoryLevel],
    text: bestTextRank > 0 ? round3(facts.textRank / bestTextRank) : 0,
    moq: withinMoq ? 1 : round3(rfq.quantity / facts.minMoq),
    capacity:
      facts.monthlyCapacity === null ? 0.5 : round3(Math.min(1, facts.monthlyCapacity / rfq.quantity)),
    credibility: round3(
      0.6 * (verificationScore[facts.verificationLevel] ?? 0) + 0.4 * (facts.responseRate ?? 0.5),
    ),
    tier: round3(Math.min(1, Math.max(0, facts.tierBoost))),
    market: facts.dealsToCountry > 0 ? 1 : facts.dealsToRegion > 0 ? 0.5 : 0,
  };
  const weighted = (Object.keys(matchWeights) as (keyof MatchComponents)[]).reduce(
    (sum, key) => sum + matchWeights[key] * components[key],
    0,
  );
  return {
    companyId: facts.companyId,
    score: round3(weighted * (withinMoq ? 1 : moqPenalty)),
    components,
    reasons: reasonsFor(facts, rfq, components),
  };
};

const reasonsFor = (facts: CandidateFacts, rfq: RfqForMatching, c: MatchComponents): MatchReason[] => {
  const reasons: MatchReason[] = [
    { code: 'category', params: { level: levelNames[facts.categoryLevel], listings: facts.listings } },
  ];
  if (c.text > 0) reasons.push({ code: 'text', params: { relevance: c.text } });
  reasons.push({
    code: c.moq === 1 ? 'moq_within' : 'moq_above',
    params: { moq: facts.minMoq, quantity: rfq.quantity },
  });
  if (facts.monthlyCapacity !== null)
    reasons.push({
      code: 'capacity',
      params: { monthlyCapacity: facts.monthlyCapacity, quantity: rfq.quantity },
    });
  reasons.push({ code: 'verification', params: { level: facts.verificationLevel } });
  if (facts.responseRate !== null)
    reasons.push({ code: 'response_rate', params: { percent: Math.round(facts.responseRate * 100) } });
  if (facts.dealsToCountry > 0)
    reasons.push({
      code: 'market_country',
      params: { country: rfq.destinationCountry, deals: facts.dealsToCountry },
    });
  else if (facts.dealsToRegion > 0)
    reasons.push({
      code: 'market_region',
      params: { country: rfq.destinationCountry, deals: facts.dealsToRegion },
    });
  if (c.tier > 0) reasons.push({ code: 'tier', params: { boost: c.tier } });
  return reasons;
};

/** The best `limit` candidates, highest score first (ties by company id, so a rerun gives the same list). */
export const rankCandidates = (candidates: readonly CandidateFacts[], rfq: RfqForMatching, limit: number) => {
  const bestTextRank = Math.max(0, ...candidates.map((c) => c.textRank));
  return candidates
    .map((c) => scoreCandidate(c, rfq, bestTextRank))
    .filter((m): m is ScoredMatch => m !== null)
    .sort((a, b) => b.score - a.score || (a.companyId < b.companyId ? -1 : 1))
    .slice(0, limit);
};
