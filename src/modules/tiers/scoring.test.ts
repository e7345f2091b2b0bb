import { describe, expect, it } from 'vitest';
import { defaultTiersConfig as config, type TiersConfig } from './config.js';
import { decideTier } from './decide-tier.js';
import { gmvPercentiles, type SupplierFacts, scoreSupplier } from './scoring.js';

const asOf = new Date('2026-11-02T08:00:00Z');
const yearMs = 365.25 * 24 * 60 * 60 * 1000;
const scoreRule: TiersConfig = { ...config, lowestIndicatorDecides: false };

/** A supplier with nothing measured, joined exactly `years` before `asOf`. */
const facts = (overrides: Partial<SupplierFacts> = {}, years = 0): SupplierFacts => ({
  supplierId: 'co_x',
  industry: 'machinery',
  gmvUsd: 0n,
  paidOrders: 0,
  responseRate: null,
  inquiriesCounted: 0,
  shippedOnTime: 0,
  shipmentsCounted: 0,
  disputes: 0,
  ratingSum: 0,
  ratingCount: 0,
  verificationLevel: 'unverified',
  joinedAt: new Date(asOf.getTime() - years * yearMs),
  ...overrides,
});

/**
 * Hangzhou Pumps, worked by hand with the default weights:
 *   GMV percentile 0.5             × 20 = 10
 *   6 paid orders ÷ 24 = 0.25      × 10 =  2.5
 *   response rate 41/50 = 0.82     × 15 = 12.3
 *   on time 9/10 = 0.9             × 15 = 13.5
 *   0 disputes in 6 orders → 1     × 10 = 10
 *   rating 21/5 = 4.2 → 3.2/4 = 0.8 × 10 = 8
 *   on-site audited → 1            × 15 = 15
 *   2.5 years ÷ 5 = 0.5            ×  5 =  2.5
 *                                  score = 73.8
 */
const hangzhou = facts(
  {
    supplierId: 'co_hangzhou',
    gmvUsd: 100_00n,
    paidOrders: 6,
    responseRate: 41 / 50,
    inquiriesCounted: 50,
    shippedOnTime: 9,
    shipmentsCounted: 10,
    ratingSum: 21,
    ratingCount: 5,
    verificationLevel: 'onsite_audited',
  },
  2.5,
);

describe('GMV percentile within the industry', () => {
  it('ranks the top 1 and the bottom 0, ties share the mean rank, no GMV is 0', () => {
    const p = gmvPercentiles([
      { supplierId: 'a', industry: 'machinery', gmvUsd: 0n },
      { supplierId: 'b', industry: 'machinery', gmvUsd: 100n },
      { supplierId: 'c', industry: 'machinery', gmvUsd: 100n },
      { supplierId: 'd', industry: 'machinery', gmvUsd: 300n },
      { supplierId: 'e', industry: 'apparel', gmvUsd: 50n },
      { supplierId: 'f', industry: null, gmvUsd: -20n },
    ]);
    // b and c: (1 below + (2 equal − 1) ÷ 2) ÷ (4 − 1) = 0.5; d: 3 ÷ 3 = 1.
    expect(Object.fromEntries(p)).toEqual({ a: 0, b: 0.5, c: 0.5, d: 1, e: 1, f: 0 });
  });

  it('spreads a three-way tie between its neighbours', () => {
    const p = gmvPercentiles(
      [10n, 20n, 20n, 20n, 40n].map((gmvUsd, i) => ({ supplierId: `s${i}`, industry: 'toys', gmvUsd })),
    );
    // The 20s: (1 below + (3 − 1) ÷ 2) ÷ 4 = 0.5.
    expect([...p.values()]).toEqual([0, 0.5, 0.5, 0.5, 1]);
  });
});

describe('the supplier score', () => {
  it('weights every component as worked by hand', () => {
    const scored = scoreSupplier(hangzhou, 0.5, asOf, config);
    expect(scored.indicators).toEqual({
      gmvPercentile: 0.5,
      paidOrders: 6,
      responseRate: 0.82,
      onTimeRate: 0.9,
      disputeRate: 0,
      buyerRating: 4.2,
      yearsOnPlatform: 2.5,
      verification: 'onsite_audited',
    });
    expect(scored.points).toEqual({
      gmv: 0.5,
      paidOrders: 0.25,
      responseRate: 0.82,
      onTimeRate: 0.9,
      disputeRate: 1,
      buyerRating: 0.8,
      verification: 1,
      yearsOnPlatform: 0.5,
    });
    expect(scored.score).toBe(73.8);
  });

  it('gives nothing for what was never measured: a new, unverified supplier scores its tenure only', () => {
    // Half a year of five: 0.1 × 5 = 0.5.
    const scored = scoreSupplier(facts({}, 0.5), 0, asOf, config);
    expect(scored.indicators).toMatchObject({ responseRate: null, onTimeRate: null, disputeRate: null });
    expect(scored.score).toBe(0.5);
    expect(decideTier(scored.indicators, scored.score, config).tier.key).toBe('basic');
  });

  it('takes points off for disputes up to a 10 % rate, and caps orders and years', () => {
    // 1 dispute in 40 orders = 2.5 % → 1 − 0.25 = 0.75; 40 orders ≥ 24 → 1; 8 years ≥ 5 → 1.
    const scored = scoreSupplier(facts({ paidOrders: 40, disputes: 1 }, 8), 0, asOf, config);
    expect(scored.points).toMatchObject({ disputeRate: 0.75, paidOrders: 1, yearsOnPlatform: 1 });
    // 7.5 + 10 + 5 = 22.5
    expect(scored.score).toBe(22.5);
    const many = scoreSupplier(facts({ paidOrders: 5, disputes: 1 }), 0, asOf, config);
    // 20 % is past the 10 % that scores zero.
    expect(many.points.disputeRate).toBe(0);
    // Disputed orders paid before the window still count as orders: the rate never passes 100 %.
    const older = scoreSupplier(facts({ paidOrders: 0, disputes: 2 }), 0, asOf, config);
    expect(older.indicators.disputeRate).toBe(1);
  });
});

describe('the tier', () => {
  it('is Gold for Hangzhou Pumps and tells what Star needs', () => {
    const { indicators, score } = scoreSupplier(hangzhou, 0.5, asOf, config);
    const decision = decideTier(indicators, score, config);
    expect(decision.tier.key).toBe('gold');
    expect(decision.reasons.every((r) => r.met)).toBe(true);
    expect(decision.next?.tier.key).toBe('star');
    const unmet = decision.next!.requirements.filter((r) => !r.met).map((r) => r.message);
    expect(unmet).toEqual([
      'score 73.8, needs 75',
      'GMV percentile in your industry 50 %, needs 75 %',
      'paid orders (12 months) 6, needs 12',
      'response rate 82 %, needs 90 %',
      'on-time shipment rate 90 %, needs 95 %',
      'buyer rating 4.2, needs 4.5',
    ]);
    expect(decision.next!.requirements.find((r) => r.indicator === 'disputeRate')).toMatchObject({
      met: true,
      message: 'dispute rate 0 %, needs at most 2 %',
    });
  });

  it('lets the lowest indicator decide: a 70 % response rate holds a Gold score at Verified', () => {
    // 73.8 − 0.12 × 15 = 72.0
    const slow = { ...hangzhou, responseRate: 0.7 };
    const { indicators, score } = scoreSupplier(slow, 0.5, asOf, config);
    expect(score).toBe(72);
    const lowest = decideTier(indicators, score, config);
    expect(lowest.tier.key).toBe('verified');
    expect(lowest.next!.requirements.filter((r) => !r.met).map((r) => r.message)).toEqual([
      'response rate 70 %, needs 80 %',
    ]);
    // Without the rule the score decides, and the threshold is a target shown, not a gate.
    const byScore = decideTier(indicators, score, scoreRule);
    expect(byScore.tier.key).toBe('gold');
    expect(byScore.reasons.find((r) => r.indicator === 'responseRate')).toMatchObject({
      met: false,
      binding: false,
    });
  });

  it('never gives a tier more verification than the company has, whatever the rule', () => {
    // Everything at full points but a licence check (0.6 × 15 = 9): 20+10+15+15+10+10+9+5 = 94.
    const best = facts(
      {
        gmvUsd: 1n,
        paidOrders: 30,
        responseRate: 1,
        shippedOnTime: 30,
        shipmentsCounted: 30,
        ratingSum: 50,
        ratingCount: 10,
        verificationLevel: 'licence_checked',
      },
      6,
    );
    const { indicators, score } = scoreSupplier(best, 1, asOf, config);
    expect(score).toBe(94);
    for (const rule of [config, scoreRule]) {
      const decision = decideTier(indicators, score, rule);
      expect(decision.tier.key).toBe('gold');
      expect(decision.next!.requirements.filter((r) => !r.met).map((r) => r.message)).toEqual([
        'verification business licence checked, needs on-site audited',
      ]);
    }
    const audited = scoreSupplier({ ...best, verificationLevel: 'onsite_audited' }, 1, asOf, config);
    expect(audited.score).toBe(100);
    expect(decideTier(audited.indicators, audited.score, config).tier.key).toBe('star');
  });

  it('climbs no higher than the first tier it misses, and says "not measured yet" for a missing rate', () => {
    const quiet = facts({ verificationLevel: 'onsite_audited' }, 1);
    const { indicators, score } = scoreSupplier(quiet, 0, asOf, config);
    // 15 + 1 = 16: Verified; Gold needs a track record it does not have.
    expect(score).toBe(16);
    const decision = decideTier(indicators, score, config);
    expect(decision.tier.key).toBe('verified');
    expect(decision.next!.requirements.filter((r) => !r.met).map((r) => r.message)).toEqual([
      'score 16, needs 55',
      'paid orders (12 months) 0, needs 3',
      'response rate not measured yet, needs 80 %',
      'on-time shipment rate not measured yet, needs 90 %',
      'dispute rate not measured yet, needs at most 5 %',
    ]);
  });
});
