// The keyword auction run at search time: pure, no I/O.

import type { AdPlacement } from './schema.js';

/** One ad competing for a query: a campaign's product under one of its keywords. */
export type AuctionBid = {
  /** Unique per ad; the last tie-break. */
  id: string;
  /** The advertiser: one company takes at most one slot per query. */
  companyId: string;
  /** Minor units. */
  bid: bigint;
  /** Quality score in tenths, 0–50. */
  quality: number;
};

export type AuctionRules = {
  reservePrice: bigint;
  increment: bigint;
  topSlots: number;
  otherSlots: number;
  topMinQuality: number;
  minQuality: number;
};

export type AuctionWinner<B extends AuctionBid = AuctionBid> = B & {
  placement: AdPlacement;
  /** 1-based, in display order: the top slots, then the others. */
  position: number;
  /** What a click costs this ad. */
  price: bigint;
};

const rank = (b: AuctionBid) => b.bid * BigInt(b.quality);

/**
 * Best first: higher rank (bid × quality); on equal rank the higher quality
 * (the better listing wins a tie); then the smaller id (ids are
 * time-ordered: the older ad).
 */
export const compareBids = (a: AuctionBid, b: AuctionBid): number => {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra > rb ? -1 : 1;
  if (a.quality !== b.quality) return b.quality - a.quality;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** `value` raised to `floor`, then lowered to `ceiling` (Math.min and Math.max take no bigint). */
const clamp = (value: bigint, { floor, ceiling }: { floor: bigint; ceiling: bigint }) => {
  let clamped = value;
  if (clamped < floor) clamped = floor;
  if (clamped > ceiling) clamped = ceiling;
  return clamped;
};

/**
 * What a winner pays per click: the least that keeps it above `next`, the
 * next-ranked ad it competed with for its slot,
 *
 *   price = next.bid × next.quality ÷ own.quality (rounded up) + 0.01,
 *
 * never below the reserve and never above its own bid. Without a competitor
 * it pays the reserve.
 */
export const clickPrice = (own: AuctionBid, next: AuctionBid | undefined, rules: AuctionRules): bigint => {
  if (!next) return rules.reservePrice;
  return clamp(ceilDiv(next.bid * BigInt(next.quality), BigInt(own.quality)) + rules.increment, {
    floor: rules.reservePrice,
    ceiling: own.bid,
  });
};

/**
 * The auction for one query:
 * 1. ads below `minQuality` or bidding under the reserve do not compete;
 * 2. the rest are ranked by bid × quality (ties: `compareBids`), and each
 *    company keeps only its best-ranked ad;
 * 3. the top slots go, in rank order, to ads of quality ≥ `topMinQuality`;
 *    the other slots to the best-ranked of the rest, whatever their quality;
 * 4. each winner pays `clickPrice` against the next-ranked ad that competed
 *    for its slot: for a top slot the next ad of top quality (placed or not),
 *    for another slot the next ad not placed on top.
 */
export const runAuction = <B extends AuctionBid>(
  bids: readonly B[],
  rules: AuctionRules,
): AuctionWinner<B>[] => {
  const seen = new Set<string>();
  const ranked = bids
    .filter((b) => b.quality >= rules.minQuality && b.quality > 0 && b.bid >= rules.reservePrice)
    .sort(compareBids)
    .filter((b) => !seen.has(b.companyId) && seen.add(b.companyId));

  const top: B[] = [];
  for (const b of ranked) {
    if (top.length >= rules.topSlots) break;
    if (b.quality >= rules.topMinQuality) top.push(b);
  }
  const onTop = new Set(top);
  const rest = ranked.filter((b) => !onTop.has(b));
  const others = rest.slice(0, rules.otherSlots);

  const nextAfter = (b: B, pool: readonly B[]) => pool[pool.indexOf(b) + 1];
  const topPool = ranked.filter((b) => b.quality >= rules.topMinQuality);
  return [
    ...top.map((b) => ({ b, placement: 'top' as const, next: nextAfter(b, topPool) })),
    ...others.map((b) => ({ b, placement: 'other' as const, next: nextAfter(b, rest) })),
  ].map(({ b, placement, next }, i) => ({
    ...b,
    placement,
    position: i + 1,
    price: clickPrice(b, next, rules),
  }));
};
