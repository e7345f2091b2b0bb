import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { moneyJson } from '../../core/money.js';
import { converterOn } from '../fx/index.js';
import { actsFor, findCompanyCards, requireCompanyActor } from '../identity/index.js';
import { priceLine } from './offer.js';
import { findVersionsOf, latestOffer } from './quote-store.js';
import { responseRates } from './response-rate.js';
import { findRfqRow } from './rfq-store.js';
import type { QuoteOffer } from './schema.js';
import { quotes, rfqMatches } from './schema.js';
import { tierSignals } from './tier-signals.js';

/**
 * The buyer's side-by-side table: every quote that still stands, priced at
 * the RFQ quantity (or the quote's MOQ when that is higher) from its main
 * line's tiers, and normalized to the RFQ's currency at today's dated rate.
 */
export const compareQuotes = async (ctx: Ctx, input: { rfqId: string }) => {
  const member = requireCompanyActor(ctx.actor);
  const rfq = await findRfqRow(ctx.db, input.rfqId);
  if (!rfq || !actsFor(member, rfq.companyId)) throw notFound('RFQ', input.rfqId);
  const rows = await ctx.db
    .select()
    .from(quotes)
    .where(and(eq(quotes.rfqId, rfq.id), ne(quotes.status, 'withdrawn')))
    .orderBy(quotes.createdAt);
  const versions = await findVersionsOf(ctx.db, rows);
  const offers = rows.map((q) => latestOffer(versions.get(q.id)!));
  const today = ctx.now().toISOString().slice(0, 10);
  const convert = await converterOn(ctx.db, [rfq.currency, ...offers.map((o) => o.currency)], today);
  const supplierIds = rows.map((q) => q.companyId);
  const [cards, rates, tiers, matches] = await Promise.all([
    findCompanyCards(ctx.db, supplierIds),
    responseRates(ctx.db, supplierIds, ctx.now()),
    tierSignals(ctx.db, supplierIds),
    ctx.db
      .select({ supplierId: rfqMatches.supplierId, score: rfqMatches.score })
      .from(rfqMatches)
      .where(and(eq(rfqMatches.companyId, rfq.companyId), eq(rfqMatches.rfqId, rfq.id))),
  ]);
  const scoreOf = new Map(matches.map((m) => [m.supplierId, m.score]));
  const unpriced: { quoteId: string; reason: string }[] = [];
  const priceOf = (offer: QuoteOffer, quoteId: string) => {
    const quantity = Math.max(rfq.quantity, offer.moq);
    try {
      const priced = priceLine(offer, offer.lines[0]!, quantity);
      return {
        quantity,
        priced,
        unitPrice: convert(priced.unitPrice, offer.currency, rfq.currency),
        total: convert(priced.total, offer.currency, rfq.currency),
      };
    } catch (error) {
      // One quote that cannot be priced (an old quote, a rate withdrawn) must not hide the others.
      unpriced.push({ quoteId, reason: (error as Error).message });
      return null;
    }
  };
  const table = rows.flatMap((q, i) => {
    const offer = offers[i]!;
    const priced = priceOf(offer, q.id);
    if (!priced) return [];
    return [
      {
        quoteId: q.id,
        status: q.status,
        supplier: cards.get(q.companyId)!,
        responseRate: rates.get(q.companyId)?.rate ?? null,
        tier: tiers.get(q.companyId)?.tier ?? null,
        pricedQuantity: priced.quantity,
        quoted: {
          unitPrice: moneyJson(priced.priced.unitPrice, offer.currency),
          total: moneyJson(priced.priced.total, offer.currency),
        },
        normalized: {
          unitPrice: moneyJson(priced.unitPrice, rfq.currency),
          total: moneyJson(priced.total, rfq.currency),
        },
        leadTimeDays: offer.leadTimeDays,
        incoterm: offer.incoterm,
        port: offer.port,
        moq: offer.moq,
        validUntil: offer.validUntil,
        buyerRating: q.buyerRating,
        matchScore: scoreOf.get(q.companyId) ?? null,
      },
    ];
  });
  return {
    rfqId: rfq.id,
    currency: rfq.currency,
    quantity: rfq.quantity,
    rateDate: today,
    rows: table,
    unpriced,
  };
};
