import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Ctx, makeCtx } from '../core/context.js';
import type { Db } from '../db/client.js';
import { productPriceTiers, products } from '../modules/catalog/index.js';
import {
  completeOrder,
  confirmOrder,
  createOrder,
  escalateDispute,
  markOrderReady,
  type OrderView,
  openDispute,
  receiveOrder,
  shipOrder,
} from '../modules/orders/index.js';
import { importStatement } from '../modules/payments/index.js';
import { memberActor, userOf } from './demo-actors.js';

const yymmdd = (d: Date) => d.toISOString().slice(2, 10).replaceAll('-', '');
const major = (minor: bigint) => `${minor / 100n},${(minor % 100n).toString().padStart(2, '0')}`;

/** One day's MT940 statement of the platform's collection account, as the bank would send it. */
const statement = (day: Date, credits: { amount: bigint; remittance: string; payer: string }[]) =>
  [
    `:20:DEMO${yymmdd(day)}`,
    ':25:GB33BUKB20201555555555',
    ':28C:00001/001',
    `:60F:C${yymmdd(day)}USD0,00`,
    ...credits.flatMap((c, i) => [
      `:61:${yymmdd(day)}${yymmdd(day).slice(2)}C${major(c.amount)}NTRFNONREF//DEMO-${i + 1}`,
      `:86:${c.payer} ${c.remittance}`,
    ]),
    `:62F:C${yymmdd(day)}USD0,00`,
    '-',
  ].join('\r\n');

const owed = (order: OrderView, kind: 'deposit' | 'balance') => {
  const due = order.dues.find((d) => d.kind === kind)!;
  return { amount: BigInt(due.amount.amount) - BigInt(due.paid.amount), reference: due.reference };
};

/**
 * Orders between the demo buyer and the demo supplier in every interesting
 * state, through the real use cases: one to confirm, one awaiting its
 * deposit, one in production (paid by an imported statement), one shipped,
 * one disputed and escalated (on the operator's desk), one completed (its
 * payout scheduled), and an unknown wire in the reconciliation queue.
 */
export const loadDemoOrders = async (db: Db, now: Date) => {
  const clock = () => new Date(now);
  const ctxAs = (companyId: string, kind: 'buyer' | 'supplier' | 'operator', userId: string): Ctx =>
    makeCtx(db, memberActor(companyId, kind, userId), clock);
  const buyerUser = await userOf(db, 'buyer@demo.tradelane.dev');
  const supplierUser = await userOf(db, 'supplier@demo.tradelane.dev');
  const operatorUser = await userOf(db, 'operator@demo.tradelane.dev');
  const buyer = ctxAs(buyerUser.companyId, 'buyer', buyerUser.userId);
  const supplier = ctxAs(supplierUser.companyId, 'supplier', supplierUser.userId);
  const operator = ctxAs(operatorUser.companyId, 'operator', operatorUser.userId);

  // The demo supplier's products with an open last tier, so any quantity has a list price.
  const listed = await db
    .select({ id: products.id, moq: products.moq })
    .from(products)
    .innerJoin(
      productPriceTiers,
      and(
        eq(productPriceTiers.productId, products.id),
        eq(productPriceTiers.companyId, products.companyId),
        isNull(productPriceTiers.maxQuantity),
      ),
    )
    .where(and(eq(products.companyId, supplierUser.companyId), eq(products.currency, 'USD')))
    .orderBy(asc(products.id))
    .limit(12);
  const candidates = listed;
  if (candidates.length < 6)
    throw new Error('The demo supplier needs six USD products with open price tiers');
  const order = (i: number, terms: Partial<Parameters<typeof createOrder>[1]> = {}) =>
    createOrder(buyer, {
      lines: [{ productId: candidates[i]!.id, quantity: candidates[i]!.moq * (2 + i) }],
      incoterm: 'FOB',
      paymentTerms: { depositPercent: 30, balanceDue: 'before_shipment' },
      coverage: 'post_delivery',
      qualityTerms: 'AQL 2.5 inspection before shipment; CE marking on every unit.',
      ...terms,
    });

  await order(0);
  await confirmOrder(supplier, { orderId: (await order(1)).id });
  const producing = await confirmOrder(supplier, { orderId: (await order(2)).id });
  const shipping = await confirmOrder(supplier, {
    orderId: (await order(3, { paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' } })).id,
  });
  const disputed = await confirmOrder(supplier, {
    orderId: (await order(4, { paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' } })).id,
  });
  const completed = await confirmOrder(supplier, {
    orderId: (await order(5, { paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' } })).id,
  });

  const wires = [producing, shipping, disputed, completed].map((o) => {
    const { amount, reference } = owed(o, 'deposit');
    return { amount, remittance: `PAYMENT ${reference}`, payer: 'GARCIA IMPORTACIONES SL' };
  });
  wires.push({ amount: 125000n, remittance: 'INVOICE 2291 ADVANCE', payer: 'UNKNOWN TRADER LTD' });
  await importStatement(operator, {
    fileName: 'demo-statement.sta',
    content: Buffer.from(statement(now, wires)),
  });

  for (const o of [shipping, disputed, completed]) {
    await markOrderReady(supplier, { orderId: o.id });
    await shipOrder(supplier, { orderId: o.id, carrier: 'COSCO Shipping', trackingNumber: 'COSU6123456780' });
  }
  for (const o of [disputed, completed]) await receiveOrder(buyer, { orderId: o.id });
  const dispute = await openDispute(buyer, {
    orderId: disputed.id,
    reason: 'quality',
    description: 'Eight units arrived with cracked housings; photos from the warehouse inspection.',
    amount: String(BigInt(disputed.total.amount) / 10n),
    evidenceIds: [],
  });
  await escalateDispute(supplier, { disputeId: dispute.id });
  await completeOrder(buyer, { orderId: completed.id });
};
