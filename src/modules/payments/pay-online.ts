import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { chart, requireTransfers } from '../ledger/index.js';
import { findOrderRow, getOrder, type OrderView, orderPolicy, paymentDues } from '../orders/index.js';
import { applyIncoming } from './apply-incoming.js';
import { paymentProvider } from './provider.js';
import { incomingPayments, providerPayments } from './schema.js';

/**
 * The buyer pays a due online. The authorization is a pending ledger
 * transfer (bank → buyer clearing): reserved, not yet money. Capture posts
 * it and the payment goes to escrow like a wire; a failed capture voids it,
 * so the ledger never shows money that did not arrive.
 */
export const payOnline = async (
  ctx: Ctx,
  input: { orderId: string; dueId: string; token: string },
): Promise<OrderView> => {
  const provider = paymentProvider();
  const failure = await inTransaction(ctx, async (tx): Promise<string | null> => {
    const order = await findOrderRow(tx.db, input.orderId, { lock: true });
    const buyer = orderPolicy.assertBuyer(tx.actor, order, input.orderId);
    const [due] = await tx.db
      .select()
      .from(paymentDues)
      .where(and(eq(paymentDues.orderId, order!.id), eq(paymentDues.id, input.dueId)));
    if (!due) throw notFound('Payment due', input.dueId);
    if (due.status !== 'open') throw new AppError('CONFLICT', `This payment is already ${due.status}`);
    const amount = due.amount - due.paid;
    const at = tx.now();
    const id = newId('ppm', at);
    const authorization = await provider.authorize({
      amount,
      currency: due.currency,
      token: input.token,
      reference: due.reference,
    });
    if (!authorization.ok)
      throw new AppError('VALIDATION_FAILED', `The payment was declined: ${authorization.reason}`, {
        reason: authorization.reason,
      });
    const bank = await chart.bank(tx, due.currency);
    const clearing = await chart.buyerClearing(tx, due.currency);
    await requireTransfers(tx, [
      {
        id: `ppm:${id}:authorized`,
        debitAccountId: bank.id,
        creditAccountId: clearing.id,
        amount,
        currency: due.currency,
        reference: `provider:${provider.name}:${authorization.providerRef}`,
        flags: { pending: true },
      },
    ]);
    const record = {
      id,
      provider: provider.name,
      providerRef: authorization.providerRef,
      dueId: due.id,
      orderId: order!.id,
      buyerId: buyer.companyId,
      currency: due.currency,
      amount,
      createdAt: at,
      updatedAt: at,
    };
    const capture = await provider.capture({ providerRef: authorization.providerRef, amount });
    if (!capture.ok) {
      await provider.void({ providerRef: authorization.providerRef });
      await requireTransfers(tx, [
        {
          id: `ppm:${id}:voided`,
          pendingId: `ppm:${id}:authorized`,
          reference: `provider:${provider.name}:void`,
          flags: { voidPending: true },
        },
      ]);
      await tx.db
        .insert(providerPayments)
        .values({ ...record, status: 'failed', failureReason: capture.reason });
      return capture.reason;
    }
    await requireTransfers(tx, [
      {
        id: `ppm:${id}:captured`,
        pendingId: `ppm:${id}:authorized`,
        reference: `provider:${provider.name}:capture`,
        flags: { postPending: true },
      },
    ]);
    await tx.db.insert(providerPayments).values({ ...record, status: 'captured' });
    const [incoming] = await tx.db
      .insert(incomingPayments)
      .values({
        id: newId('pay', at),
        source: 'provider',
        entryKey: `${provider.name}:${authorization.providerRef}`,
        bookedOn: at.toISOString().slice(0, 10),
        currency: due.currency,
        amount,
        remittance: due.reference,
        counterpartyName: null,
        counterpartyAccount: null,
        bankReference: authorization.providerRef,
        status: 'unmatched',
        createdAt: at,
      })
      .returning();
    await applyIncoming(tx, incoming!, due.reference);
    return null;
  });
  // The failed attempt stays recorded (and its reservation voided); the buyer hears why.
  if (failure)
    throw new AppError('VALIDATION_FAILED', `The payment could not be captured: ${failure}`, {
      reason: failure,
    });
  return getOrder(ctx, { orderId: input.orderId });
};
