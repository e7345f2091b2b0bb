import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { findProductRow, findSellingPriceTiers, resolvePrice } from '../catalog/index.js';
import { requireRole } from '../identity/index.js';
import { findAcceptedOffer } from '../sourcing/index.js';
import type { CreateOrderInput, OrderFromQuoteInput, OrderView } from './api.js';
import { getOrder } from './get-order.js';
import { recordOrderEvent } from './order-store.js';
import { orderBuyers } from './policy.js';
import { type OrderLine, orders } from './schema.js';
import { feeBpsFor, orderSettings } from './settings.js';
import { assertTermsUsable, type OrderTerms, orderTotal, pricedLine } from './terms.js';

type Draft = {
  supplierId: string;
  quoteId: string | null;
  quoteVersion: number | null;
  categoryCode: string | null;
  currency: string;
  lines: OrderLine[];
  terms: OrderTerms;
};

/** Writes a new order awaiting the supplier's confirmation, and tells the supplier. */
const placeOrder = async (ctx: Ctx, buyerId: string, draft: Draft): Promise<string> => {
  const at = ctx.now();
  assertTermsUsable(draft.terms, at.toISOString().slice(0, 10));
  const id = newId('ord', at);
  const total = orderTotal(draft.lines);
  await ctx.db.insert(orders).values({
    companyId: draft.supplierId,
    id,
    buyerId,
    status: 'awaiting_confirmation',
    quoteId: draft.quoteId,
    quoteVersion: draft.quoteVersion,
    categoryCode: draft.categoryCode,
    currency: draft.currency,
    lines: draft.lines,
    total,
    ...draft.terms,
    shipByDate: 'date' in draft.terms.shipBy ? draft.terms.shipBy.date : null,
    feeBps: feeBpsFor(orderSettings(), draft.categoryCode),
    createdBy: 'userId' in ctx.actor ? ctx.actor.userId : 'system',
    createdAt: at,
    updatedAt: at,
  });
  await recordOrderEvent(ctx, { id }, 'placed', { total: total.toString(), currency: draft.currency });
  await ctx.events.emit(
    'order.placed',
    { id, buyerId, supplierId: draft.supplierId, notify: draft.supplierId, total: total.toString() },
    draft.supplierId,
  );
  return id;
};

/**
 * An order straight from one supplier's products: each line priced at its
 * quantity tier (promoted while a promotion runs), every line at or above
 * its product's MOQ.
 */
export const createOrder = async (ctx: Ctx, input: CreateOrderInput): Promise<OrderView> => {
  const buyer = requireRole(ctx.actor, orderBuyers);
  const id = await inTransaction(ctx, async (tx) => {
    const lines: OrderLine[] = [];
    let supplierId: string | undefined;
    let currency: string | undefined;
    let categoryCode: string | null = null;
    let leadDays = 0;
    for (const [i, wanted] of input.lines.entries()) {
      const product = await findProductRow(tx.db, wanted.productId);
      if (product?.status !== 'active') throw notFound('Product', wanted.productId);
      supplierId ??= product.companyId;
      currency ??= product.currency;
      categoryCode ??= product.categoryCode;
      if (product.companyId !== supplierId || product.currency !== currency)
        throw new AppError(
          'VALIDATION_FAILED',
          `lines[${i}]: an order is with one supplier in one currency; order ${product.id} separately`,
          { field: `lines[${i}].productId` },
        );
      // The price the product sells for now: a running promotion's, recomputed here, never the client's.
      const { tiers } = await findSellingPriceTiers(tx.db, product, tx.now());
      const price = resolvePrice({ moq: product.moq, unit: product.unit, tiers }, wanted.quantity);
      const lead = product.leadTimeTiers.find(
        (t) => t.maxQuantity === null || wanted.quantity <= t.maxQuantity,
      );
      // Past the listed lead-time tiers the supplier has promised nothing: 30 days until it says otherwise.
      leadDays = Math.max(leadDays, lead?.days ?? 30);
      lines.push(
        pricedLine(
          {
            productId: product.id,
            description: product.titleEn,
            quantity: wanted.quantity,
            unit: product.unit,
          },
          price.unitPrice,
        ),
      );
    }
    return placeOrder(tx, buyer.companyId, {
      supplierId: supplierId!,
      quoteId: null,
      quoteVersion: null,
      categoryCode,
      currency: currency!,
      lines,
      terms: {
        incoterm: input.incoterm,
        port: input.port ?? null,
        paymentTerms: input.paymentTerms,
        shipBy: input.shipBy ?? { daysAfterDeposit: leadDays },
        coverage: input.coverage,
        qualityTerms: input.qualityTerms,
      },
    });
  });
  return getOrder(ctx, { orderId: id });
};

/**
 * An order from the accepted quote's frozen version: its lines at the tier
 * price for each line's quantity, its Incoterm and port; ship-by defaults to
 * the quoted lead time after the deposit. One order per quote.
 */
export const createOrderFromQuote = async (
  ctx: Ctx,
  input: { quoteId: string } & OrderFromQuoteInput,
): Promise<OrderView> => {
  const buyer = requireRole(ctx.actor, orderBuyers);
  const id = await inTransaction(ctx, async (tx) => {
    const found = await findAcceptedOffer(tx.db, input.quoteId);
    if (!found || found.quote.buyerId !== buyer.companyId) throw notFound('Quote', input.quoteId);
    const { quote, rfq, offer } = found;
    const [existing] = await tx.db.select({ id: orders.id }).from(orders).where(eq(orders.quoteId, quote.id));
    if (existing)
      throw new AppError('CONFLICT', `Quote ${quote.id} already became order ${existing.id}`, {
        orderId: existing.id,
      });
    if (quote.status !== 'accepted' || !offer)
      throw new AppError('INVALID_TRANSITION', 'Only an accepted quote can become an order', {
        status: quote.status,
      });
    const lines = offer.lines.map((line, i) => {
      const tier =
        line.priceTiers.find(
          (t) => line.quantity >= t.minQuantity && (t.maxQuantity === null || line.quantity <= t.maxQuantity),
        ) ?? line.priceTiers[0];
      if (!tier) throw new AppError('VALIDATION_FAILED', `Quote line ${i} has no price`);
      return pricedLine(
        {
          productId: line.productId,
          description: line.description,
          quantity: line.quantity,
          unit: line.unit,
        },
        BigInt(tier.unitPrice),
      );
    });
    return placeOrder(tx, buyer.companyId, {
      supplierId: quote.companyId,
      quoteId: quote.id,
      quoteVersion: quote.acceptedVersion,
      categoryCode: rfq.categoryCode,
      currency: offer.currency,
      lines,
      terms: {
        incoterm: offer.incoterm,
        port: offer.port,
        paymentTerms: input.paymentTerms,
        shipBy: input.shipBy ?? { daysAfterDeposit: offer.leadTimeDays },
        coverage: input.coverage,
        qualityTerms: input.qualityTerms,
      },
    });
  });
  return getOrder(ctx, { orderId: id });
};
