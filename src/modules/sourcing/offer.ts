import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { priceTierProblems, products, resolvePrice } from '../catalog/index.js';
import { ratesOn } from '../fx/index.js';
import type { QuoteOfferInput } from './api.js';
import { type Incoterm, incotermProblem } from './incoterms.js';
import type { RfqRow } from './rfq-store.js';
import type { QuoteLine, QuoteOffer } from './schema.js';

type Problem = { path: string; message: string };

const tiersOf = (line: QuoteLine) => line.priceTiers.map((t) => ({ ...t, unitPrice: BigInt(t.unitPrice) }));

/** The price of one line at a quantity under the offer's MOQ and the line's tiers. */
export const priceLine = (offer: Pick<QuoteOffer, 'moq'>, line: QuoteLine, quantity = line.quantity) =>
  resolvePrice({ moq: offer.moq, unit: line.unit, tiers: tiersOf(line) }, quantity);

/** The offer's total: every line at its own quantity. */
export const offerTotal = (offer: QuoteOffer): bigint =>
  offer.lines.reduce((sum, line) => sum + priceLine(offer, line).total, 0n);

export const toStoredOffer = (input: QuoteOfferInput): QuoteOffer => ({
  currency: input.currency,
  lines: input.lines.map((l) => ({
    productId: l.productId ?? null,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    priceTiers: l.priceTiers.map((t) => ({ ...t })),
  })),
  moq: input.moq,
  leadTimeDays: input.leadTimeDays,
  incoterm: input.incoterm,
  port: input.port ?? null,
  validUntil: input.validUntil,
  sample: input.sample
    ? {
        available: input.sample.available,
        price: input.sample.price ?? null,
        days: input.sample.days ?? null,
      }
    : null,
});

/**
 * Every reason an offer cannot stand, each naming its field and line: tiers
 * in order, every line priceable at its quantity, the Incoterm usable with
 * the RFQ's transport mode, still valid today, and any product a line names
 * one of the supplier's own active listings in the RFQ's industry.
 */
export const offerProblems = async (
  db: Db,
  offer: QuoteOffer,
  context: {
    supplierId: string;
    rfq: Pick<RfqRow, 'industryCode' | 'transportMode' | 'quantity' | 'currency'>;
    today: string;
  },
): Promise<Problem[]> => {
  const problems: Problem[] = [];
  offer.lines.forEach((line, i) => {
    const tierProblems = priceTierProblems(offer.moq, tiersOf(line));
    for (const p of tierProblems) problems.push({ path: `lines[${i}]`, message: p });
    if (tierProblems.length > 0) return;
    try {
      priceLine(offer, line);
    } catch (error) {
      problems.push({ path: `lines[${i}].quantity`, message: (error as Error).message });
    }
  });
  // The buyer compares quotes at the RFQ quantity in its currency: both must be possible.
  if (problems.length === 0) {
    const quantity = Math.max(context.rfq.quantity, offer.moq);
    try {
      priceLine(offer, offer.lines[0]!, quantity);
    } catch {
      problems.push({
        path: 'lines[0].priceTiers',
        message: `must price the RFQ quantity (${quantity} ${offer.lines[0]!.unit})`,
      });
    }
  }
  const rates = await ratesOn(db, [offer.currency, context.rfq.currency], context.today);
  for (const currency of new Set([offer.currency, context.rfq.currency]))
    if (!rates.has(currency))
      problems.push({ path: 'currency', message: `no ${currency} exchange rate to compare the quote in` });
  const incoterm = incotermProblem(offer.incoterm as Incoterm, context.rfq.transportMode);
  if (incoterm) problems.push({ path: 'incoterm', message: incoterm });
  if (offer.validUntil < context.today)
    problems.push({ path: 'validUntil', message: `must be today (${context.today}) or later` });
  if (offer.sample?.price && !offer.sample.available)
    problems.push({ path: 'sample.price', message: 'a price for a sample that is not available' });

  const productIds = offer.lines.map((l) => l.productId).filter((id): id is string => id !== null);
  if (productIds.length > 0) {
    const own = await db
      .select({ id: products.id, categoryCode: products.categoryCode, status: products.status })
      .from(products)
      .where(and(eq(products.companyId, context.supplierId), inArray(products.id, productIds)));
    const byId = new Map(own.map((p) => [p.id, p]));
    offer.lines.forEach((line, i) => {
      if (!line.productId) return;
      const product = byId.get(line.productId);
      if (product?.status !== 'active')
        problems.push({ path: `lines[${i}].productId`, message: 'not one of your active products' });
      else if (product.categoryCode.split('/')[0] !== context.rfq.industryCode)
        problems.push({
          path: `lines[${i}].productId`,
          message: `is outside the RFQ's industry (${context.rfq.industryCode})`,
        });
    });
  }
  return problems;
};

export const assertOffer = async (...args: Parameters<typeof offerProblems>) => {
  const problems = await offerProblems(...args);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      issues: problems,
    });
};

export const offerJson = (offer: QuoteOffer) => ({
  currency: offer.currency,
  lines: offer.lines.map((l) => ({
    ...l,
    priceTiers: l.priceTiers.map((t) => ({
      ...t,
      unitPrice: moneyJson(BigInt(t.unitPrice), offer.currency),
    })),
  })),
  moq: offer.moq,
  leadTimeDays: offer.leadTimeDays,
  incoterm: offer.incoterm,
  port: offer.port,
  validUntil: offer.validUntil,
  sample: offer.sample
    ? {
        available: offer.sample.available,
        price: offer.sample.price === null ? null : moneyJson(BigInt(offer.sample.price), offer.currency),
        days: offer.sample.days,
      }
    : null,
  total: moneyJson(offerTotal(offer), offer.currency),
});
