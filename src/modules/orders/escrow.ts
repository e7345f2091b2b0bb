import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { minAmount } from '../../core/money.js';
import {
  accountCode,
  balanceOf,
  chart,
  getAccountByCode,
  type LedgerAccount,
  requireTransfers,
  type TransferInput,
} from '../ledger/index.js';
import type { OrderRow } from './order-store.js';
import { compensationClaims } from './schema.js';
import { applyBps } from './settings.js';

/**
 * Every money movement of an order, as ledger transfers. The order's escrow
 * account holds what the buyer paid; it leaves only as a release to the
 * supplier (less the fee, less any compensation owed to the buyer) or as a
 * refund to the buyer, never more than it holds (the account's balance flag
 * makes the ledger refuse an overdraft even if a check here were wrong).
 *
 * Transfer ids are derived from the order (`order:<id>:release`…), so a
 * replayed command can never move the same money twice.
 */

/** The order's escrow account, if a payment ever opened it. */
export const findEscrowAccount = (ctx: Pick<Ctx, 'db'>, order: { id: string; currency: string }) =>
  getAccountByCode(ctx.db, accountCode('escrow', order.id, order.currency));

/** What an escrow account holds (0 before any payment opened one). */
export const heldIn = (account: LedgerAccount | undefined) => (account ? balanceOf(account).posted : 0n);

/** What the order's escrow holds now, in the order's currency (0 before any payment). */
export const escrowHeld = async (ctx: Pick<Ctx, 'db'>, order: { id: string; currency: string }) =>
  heldIn(await findEscrowAccount(ctx, order));

/** Moves a payment already in the buyer clearing account (in the order's currency) into escrow. */
export const fundEscrow = async (
  ctx: Ctx,
  order: OrderRow,
  input: { transferId: string; amount: bigint; reference: string },
) => {
  const clearing = await chart.buyerClearing(ctx, order.currency);
  const escrow = await chart.escrow(ctx, order);
  await requireTransfers(ctx, [
    {
      id: input.transferId,
      debitAccountId: clearing.id,
      creditAccountId: escrow.id,
      amount: input.amount,
      currency: order.currency,
      reference: input.reference,
    },
  ]);
};

export type Release = { held: bigint; compensation: bigint; fee: bigint; supplierShare: bigint };

/**
 * Releases everything escrow holds: the supplier's share to its payable
 * account, the fee to revenue and, when the order shipped late, the
 * compensation claim back to the buyer, all in one linked chain.
 */
export const releaseEscrow = async (ctx: Ctx, order: OrderRow): Promise<Release> => {
  const held = await escrowHeld(ctx, order);
  const [claim] = await ctx.db
    .select()
    .from(compensationClaims)
    .where(and(eq(compensationClaims.orderId, order.id), eq(compensationClaims.status, 'open')));
  // Never more than escrow holds: the platform bears the rest.
  const compensation = claim ? minAmount(claim.amount, held) : 0n;
  const fee = applyBps(held - compensation, order.feeBps);
  const supplierShare = held - compensation - fee;
  const escrow = await chart.escrow(ctx, order);
  const legs: TransferInput[] = [];
  const leg = (suffix: string, debit: string, credit: string, amount: bigint) => {
    if (amount > 0n)
      legs.push({
        id: `order:${order.id}:${suffix}`,
        debitAccountId: debit,
        creditAccountId: credit,
        amount,
        currency: order.currency,
        reference: `order:${order.id}:${suffix}`,
      });
  };
  leg(
    'release',
    escrow.id,
    (await chart.supplierPayable(ctx, order.companyId, order.currency)).id,
    supplierShare,
  );
  leg('fee', escrow.id, (await chart.platformFees(ctx, order.currency)).id, fee);
  if (compensation > 0n) {
    // Trade assurance pays the buyer (compensation → bank) and recovers it from the supplier's escrow.
    const account = await chart.compensation(ctx, order.currency);
    leg('compensation-recovered', escrow.id, account.id, compensation);
    leg('compensation-paid', account.id, (await chart.bank(ctx, order.currency)).id, compensation);
  }
  if (legs.length > 0) {
    for (const l of legs.slice(0, -1)) l.flags = { linked: true };
    await requireTransfers(ctx, legs);
  }
  if (claim) {
    await ctx.db
      .update(compensationClaims)
      .set({ status: compensation > 0n ? 'paid' : 'void', settledAt: ctx.now() })
      .where(and(eq(compensationClaims.orderId, order.id), eq(compensationClaims.reason, claim.reason)));
  }
  return { held, compensation, fee, supplierShare };
};

/**
 * Returns `amount` from escrow to the buyer (out through the bank). Refused
 * with INSUFFICIENT_FUNDS beyond what escrow holds, which is never more than
 * the buyer paid.
 */
export const refundFromEscrow = async (
  ctx: Ctx,
  order: OrderRow,
  input: { transferId: string; amount: bigint; reason: string },
) => {
  if (input.amount <= 0n) throw new AppError('VALIDATION_FAILED', 'A refund must be a positive amount');
  const held = await escrowHeld(ctx, order);
  if (input.amount > held)
    throw new AppError(
      'INSUFFICIENT_FUNDS',
      `Escrow holds ${held} minor units of ${order.currency}; ${input.amount} cannot be refunded`,
      { held: held.toString(), requested: input.amount.toString() },
    );
  const escrow = await chart.escrow(ctx, order);
  const bank = await chart.bank(ctx, order.currency);
  await requireTransfers(ctx, [
    {
      id: input.transferId,
      debitAccountId: escrow.id,
      creditAccountId: bank.id,
      amount: input.amount,
      currency: order.currency,
      reference: `order:${order.id}:refund`,
      userData: { reason: input.reason },
    },
  ]);
  return held - input.amount;
};
