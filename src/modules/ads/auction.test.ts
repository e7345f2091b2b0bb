import { describe, expect, it } from 'vitest';
import { adRules } from './ad-rules.js';
import { type AuctionBid, runAuction } from './auction.js';

// The rules as shipped: reserve 0.10 USD, +0.01, 2 top slots (quality ≥ 3.0), 2 others (≥ 1.0).
const rules = adRules;

const bid = (id: string, amount: number, quality: number, companyId = `co_${id}`): AuctionBid => ({
  id,
  companyId,
  bid: BigInt(amount),
  quality,
});

const outcome = (bids: AuctionBid[]) =>
  runAuction(bids, rules).map((w) => [w.id, w.placement, w.position, Number(w.price)]);

describe('keyword auction', () => {
  it('ranks by bid × quality and charges the next rank’s bid × quality ÷ own quality + 0.01', () => {
    // Ranks: a 100×40 = 4000, b 120×30 = 3600, c 50×50 = 2500.
    expect(outcome([bid('c', 50, 50), bid('a', 100, 40), bid('b', 120, 30)])).toEqual([
      ['a', 'top', 1, 91], // ⌈120×30/40⌉ + 1 = 90 + 1
      ['b', 'top', 2, 85], // ⌈50×50/30⌉ + 1 = ⌈83.3⌉ + 1 = 84 + 1
      ['c', 'other', 3, 10], // the only one left for the other slots: the reserve
    ]);
  });

  it('charges a single bidder the reserve price, 0.10 USD', () => {
    expect(outcome([bid('solo', 300, 45)])).toEqual([['solo', 'top', 1, 10]]);
  });

  it('breaks ties on rank by quality, then by the older (smaller) id, and never charges above the bid', () => {
    // Equal rank and quality: the smaller id first; ⌈50×40/40⌉ + 1 = 51 is above its bid of 50.
    expect(outcome([bid('b', 50, 40), bid('a', 50, 40)])).toEqual([
      ['a', 'top', 1, 50],
      ['b', 'top', 2, 10],
    ]);
    // Equal rank 2,400: p has the better quality; ⌈80×30/40⌉ + 1 = 61, capped at its bid of 60.
    expect(outcome([bid('q', 80, 30), bid('p', 60, 40)])).toEqual([
      ['p', 'top', 1, 60],
      ['q', 'top', 2, 10],
    ]);
    // The order of the input never matters.
    expect(outcome([bid('a', 50, 40), bid('b', 50, 40)])).toEqual(
      outcome([bid('b', 50, 40), bid('a', 50, 40)]),
    );
  });

  it('keeps quality below 3 out of the top slots even when it ranks first', () => {
    // Ranks: low 200×25 = 5000, h 100×35 = 3500, m 60×32 = 1920.
    expect(outcome([bid('low', 200, 25), bid('h', 100, 35), bid('m', 60, 32)])).toEqual([
      ['h', 'top', 1, 56], // its competitor for a top slot is m: ⌈60×32/35⌉ + 1 = ⌈54.9⌉ + 1
      ['m', 'top', 2, 10], // no other ad of top quality below it
      ['low', 'other', 3, 10], // alone among the ads not on top
    ]);
    // Alone and below 3, it still shows, but not on top.
    expect(outcome([bid('low', 200, 25)])).toEqual([['low', 'other', 1, 10]]);
  });

  it('leaves out quality below 1.0 and bids under the reserve', () => {
    expect(outcome([bid('poor', 500, 9), bid('cheap', 9, 50), bid('ok', 20, 10)])).toEqual([
      ['ok', 'other', 1, 10],
    ]);
  });

  it('never lets a price fall below the reserve', () => {
    // ⌈10×10/50⌉ + 1 = 3, raised to 10.
    expect(outcome([bid('a', 100, 50), bid('b', 10, 10)])).toEqual([
      ['a', 'top', 1, 10],
      ['b', 'other', 2, 10],
    ]);
  });

  it('gives a company one slot, priced against another company', () => {
    const k1 = bid('k1', 100, 40, 'co_k');
    const k2 = bid('k2', 90, 40, 'co_k');
    expect(outcome([k1, k2, bid('j', 50, 40)])).toEqual([
      ['k1', 'top', 1, 51], // against j, not against its own k2
      ['j', 'top', 2, 10],
    ]);
  });

  it('fills two top and two other slots; the fifth ad loses but prices the fourth', () => {
    const bids = [100, 90, 80, 70, 60].map((amount, i) => bid('abcde'[i]!, amount, 40));
    expect(outcome(bids)).toEqual([
      ['a', 'top', 1, 91],
      ['b', 'top', 2, 81],
      ['c', 'other', 3, 71],
      ['d', 'other', 4, 61],
    ]);
  });
});
