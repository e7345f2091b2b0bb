import { isAppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import type { OutboxEvent } from '../../jobs/outbox.js';
import { converterOn } from '../fx/index.js';
import { findCompany } from '../identity/index.js';
import { findOrderRow } from '../orders/index.js';
import { hasPaidFact, industryAndCategory, recordFact } from './facts.js';

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

const factBase = async (db: Db, orderId: string) => {
  const order = await findOrderRow(db, orderId);
  if (!order) return undefined;
  const [supplier, buyer] = await Promise.all([
    findCompany(db, order.companyId),
    findCompany(db, order.buyerId),
  ]);
  return {
    order,
    base: {
      orderId: order.id,
      supplierId: order.companyId,
      supplierProvince: supplier?.province ?? '',
      ...industryAndCategory(order.categoryCode ?? 'uncategorised'),
      buyerId: order.buyerId,
      buyerCountry: buyer?.country ?? '',
    },
  };
};

/** Minor units of `currency` in USD cents at the day's rate, or undefined without a rate (logged, not fatal). */
const inUsd = async (db: Db, amount: bigint, currency: string, day: string) => {
  try {
    return (await converterOn(db, [currency, 'USD'], day))(amount, currency, 'USD');
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`trade index: ${error.message}; the fact is left out`);
    return undefined;
  }
};

/**
 * An order counts in the index once, when its first payment is complete:
 * its total in USD at that day's rate. (The outbox handler of
 * `payment.received`; a repeat changes nothing.)
 */
export const recordOrderPaid = async (event: OutboxEvent, db: Db) => {
  const orderId = String(event.payload.orderId);
  if (await hasPaidFact(db, orderId)) return;
  const found = await factBase(db, orderId);
  if (!found) return;
  const day = dayOf(event.createdAt);
  const amountUsd = await inUsd(db, found.order.total, found.order.currency, day);
  if (amountUsd === undefined) return;
  await recordFact(db, {
    ...found.base,
    factKey: `order:${orderId}:paid`,
    paidOn: day,
    amountUsd,
    orders: 1,
  });
};

/** A refund of a counted order is a negative fact on the day it was made (`payment.refunded`). */
export const recordOrderRefund = async (event: OutboxEvent, db: Db) => {
  const orderId = String(event.payload.orderId);
  if (!(await hasPaidFact(db, orderId))) return;
  const found = await factBase(db, orderId);
  if (!found) return;
  const day = dayOf(event.createdAt);
  const amountUsd = await inUsd(
    db,
    BigInt(String(event.payload.amount)),
    String(event.payload.currency),
    day,
  );
  if (amountUsd === undefined) return;
  await recordFact(db, {
    ...found.base,
    factKey: `order:${orderId}:refund:${event.id}`,
    paidOn: day,
    amountUsd: -amountUsd,
    orders: 0,
  });
};
