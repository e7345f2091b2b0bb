import type { PriceLine, Surcharge } from './schema.js';

type PricedCard = {
  basePrice: bigint;
  minimumCharge: bigint;
  surcharges: Surcharge[];
  guaranteedPremium: bigint | null;
};

export type Price = { total: bigint; lines: PriceLine[] };

/**
 * The all-in price of `units` on a card: the base rate and each per-unit
 * surcharge times the units, each per-shipment surcharge once, the
 * guaranteed-space premium when asked for, and the card's minimum charge
 * topping up the freight line when the sum falls short. Exact integers.
 */
export const priceOf = (card: PricedCard, units: number, guaranteed: boolean): Price => {
  const n = BigInt(units);
  const base = card.basePrice * n;
  const freight = base < card.minimumCharge ? card.minimumCharge : base;
  const lines: PriceLine[] = [
    {
      code: 'FREIGHT',
      name: base < card.minimumCharge ? 'Freight (minimum charge)' : 'Freight',
      amount: String(freight),
    },
  ];
  for (const s of card.surcharges) {
    const amount = s.per === 'unit' ? BigInt(s.amount) * n : BigInt(s.amount);
    lines.push({ code: s.code, name: s.name, amount: String(amount) });
  }
  if (guaranteed && card.guaranteedPremium !== null) {
    lines.push({ code: 'GUARANTEE', name: 'Guaranteed space', amount: String(card.guaranteedPremium * n) });
  }
  return { total: lines.reduce((sum, line) => sum + BigInt(line.amount), 0n), lines };
};
