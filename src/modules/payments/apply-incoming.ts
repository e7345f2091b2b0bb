import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { minAmount } from '../../core/money.js';
import { converterOn, ratesOn } from '../fx/index.js';
import { chart, requireTransfers } from '../ledger/index.js';
import { applyToDue, type DueRow, findDueByReference, findOrderRow } from '../orders/index.js';
import { type IncomingStatus, incomingPayments } from './schema.js';

export type IncomingRow = typeof incomingPayments.$inferSelect;

/**
 * Brings money in a payer's currency into the due's currency at the rate of
 * the booking day, through FX clearing: the platform takes the payer's
 * currency in and gives the order's out, so each currency's ledger still
 * balances and FX clearing shows the position taken.
 */
const convertIntoDueCurrency = async (ctx: Ctx, payment: IncomingRow, due: DueRow) => {
  if (payment.currency === due.currency) return { amount: payment.amount, fx: null };
  const convert = await converterOn(ctx.db, [payment.currency, due.currency], payment.bookedOn);
  const converted = convert(payment.amount, payment.currency, due.currency);
  const rates = await ratesOn(ctx.db, [payment.currency, due.currency], payment.bookedOn);
  const [fromClearing, fromFx, toFx, toClearing] = await Promise.all([
    chart.buyerClearing(ctx, payment.currency),
    chart.fxClearing(ctx, payment.currency),
    chart.fxClearing(ctx, due.currency),
    chart.buyerClearing(ctx, due.currency),
  ]);
  await requireTransfers(ctx, [
    {
      id: `pay:${payment.id}:fx-out`,
      debitAccountId: fromClearing.id,
      creditAccountId: fromFx.id,
      amount: payment.amount,
      currency: payment.currency,
      reference: `payment:${payment.id}:fx`,
      flags: { linked: true },
    },
    {
      id: `pay:${payment.id}:fx-in`,
      debitAccountId: toFx.id,
      creditAccountId: toClearing.id,
      amount: converted,
      currency: due.currency,
      reference: `payment:${payment.id}:fx`,
    },
  ]);
  return {
    amount: converted,
    fx: {
      day: payment.bookedOn,
      from: payment.currency,
      to: due.currency,
      fromUsd: rates.get(payment.currency)!.toString(),
      toUsd: rates.get(due.currency)!.toString(),
    },
  };
};

/**
 * Applies an incoming payment (already booked bank → buyer clearing) to the
 * due its reference names. Up to what is still owed goes to escrow; less
 * leaves the due part-paid and the payment in the reconciliation queue as
 * `partial`, more leaves the excess in clearing as `overpaid` for the
 * operator to return. A due that is no longer open leaves it `unmatched`.
 */
export const applyIncoming = async (ctx: Ctx, payment: IncomingRow, reference: string | null) => {
  const due = reference ? await findDueByReference(ctx.db, reference) : undefined;
  const set = async (status: IncomingStatus, extra: Partial<IncomingRow> = {}) => {
    const [row] = await ctx.db
      .update(incomingPayments)
      .set({ status, ...extra })
      .where(eq(incomingPayments.id, payment.id))
      .returning();
    return row!;
  };
  if (due?.status !== 'open') {
    return set('unmatched', {
      note: !reference
        ? 'No payment reference found in the remittance information'
        : !due
          ? `Unknown reference ${reference}`
          : `${reference} is already ${due.status}`,
    });
  }
  const order = (await findOrderRow(ctx.db, due.orderId))!;
  const { amount, fx } = await convertIntoDueCurrency(ctx, payment, due);
  const remaining = due.amount - due.paid;
  const applied = minAmount(amount, remaining);
  await applyToDue(ctx, due, {
    amount: applied,
    transferId: `pay:${payment.id}:escrow`,
    source: payment.source === 'provider' ? 'card' : 'bank_transfer',
  });
  const status: IncomingStatus = amount < remaining ? 'partial' : amount > remaining ? 'overpaid' : 'matched';
  return set(status, {
    dueId: due.id,
    orderId: order.id,
    buyerId: order.buyerId,
    appliedAmount: applied,
    appliedCurrency: due.currency,
    excessAmount: amount > remaining ? amount - remaining : null,
    fx,
    note:
      status === 'partial'
        ? `${remaining - applied} ${due.currency} minor units still owed on ${due.reference}`
        : status === 'overpaid'
          ? `${amount - applied} ${due.currency} minor units more than owed stay in clearing`
          : null,
  });
};

/** Books money that reached the bank: bank → buyer clearing, in the currency it arrived in. */
export const bookIncoming = async (ctx: Ctx, payment: IncomingRow) => {
  const bank = await chart.bank(ctx, payment.currency);
  const clearing = await chart.buyerClearing(ctx, payment.currency);
  await requireTransfers(ctx, [
    {
      id: `pay:${payment.id}:in`,
      debitAccountId: bank.id,
      creditAccountId: clearing.id,
      amount: payment.amount,
      currency: payment.currency,
      reference: `payment:${payment.id}`,
      userData: { bankReference: payment.bankReference, bookedOn: payment.bookedOn },
    },
  ]);
};
