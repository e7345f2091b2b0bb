import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition } from '../../core/state-machine.js';
import { quoteMachine, rfqMachine } from './machines.js';
import { type CandidateFacts, matchWeights, rankCandidates, scoreCandidate } from './matching.js';

const candidate = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({
  companyId: 'co_a',
  categoryLevel: 3,
  textRank: 0.5,
  minMoq: 100,
  listings: 4,
  supplierQuality: 0.5,
  verificationLevel: 'licence_checked',
  monthlyCapacity: 10_000,
  responseRate: 0.9,
  tierBoost: 0,
  dealsToCountry: 0,
  dealsToRegion: 0,
  ...overrides,
});
const rfq = { quantity: 500, destinationCountry: 'ES', categoryCode: 'machinery/pumps/water-pumps' };

describe('match scoring', () => {
  it('weights sum to one', () => {
    expect(Object.values(matchWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('prefers the same sub-category over the category over the industry', () => {
    const scores = ([3, 2, 1] as const).map(
      (level) => scoreCandidate(candidate({ categoryLevel: level }), rfq, 0.5)!.score,
    );
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
  });

  it('lowers a supplier whose MOQ is above the quantity, and drops one far above it', () => {
    const within = scoreCandidate(candidate({ minMoq: 500 }), rfq, 0.5)!;
    const above = scoreCandidate(candidate({ minMoq: 800 }), rfq, 0.5)!;
    expect(within.components.moq).toBe(1);
    expect(above.components.moq).toBeCloseTo(500 / 800, 3);
    expect(above.score).toBeLessThan(within.score * 0.7);
    expect(above.reasons.map((r) => r.code)).toContain('moq_above');
    expect(scoreCandidate(candidate({ minMoq: 5001 }), rfq, 0.5)).toBeNull();
  });

  it('counts past deals to the country above deals to the region', () => {
    const country = scoreCandidate(candidate({ dealsToCountry: 2, dealsToRegion: 2 }), rfq, 0.5)!;
    const region = scoreCandidate(candidate({ dealsToRegion: 3 }), rfq, 0.5)!;
    const none = scoreCandidate(candidate(), rfq, 0.5)!;
    expect([country.components.market, region.components.market, none.components.market]).toEqual([
      1, 0.5, 0,
    ]);
  });

  it('ranks deterministically and keeps the best N', () => {
    const list = [
      candidate({ companyId: 'co_b', textRank: 0.1 }),
      candidate({ companyId: 'co_a', textRank: 0.1 }),
      candidate({ companyId: 'co_c', textRank: 0.9 }),
      candidate({ companyId: 'co_d', minMoq: 1_000_000 }),
    ];
    expect(rankCandidates(list, rfq, 3).map((m) => m.companyId)).toEqual(['co_c', 'co_a', 'co_b']);
  });
});

describe('lifecycles', () => {
  it('refuses illegal moves with from and to', () => {
    expect(canTransition(rfqMachine, 'draft', 'published')).toBe(true);
    expect(() => assertTransition(rfqMachine, 'awarded', 'published')).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: expect.objectContaining({ from: 'awarded', to: 'published' }),
      }),
    );
    expect(() => assertTransition(quoteMachine, 'countered', 'accepted')).toThrow(/countered to accepted/);
  });
});
