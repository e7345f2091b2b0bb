import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { minorDigits } from '../../core/money.js';
import { converterOn } from '../fx/index.js';
import { chart, getTransfer, requireTransfers } from '../ledger/index.js';
import type { DeclarationRow } from './declaration-store.js';
import { fxSettlements } from './schema.js';

/** Foreign currency the exporter reports received outside the platform (no order escrow). */
export type ReportedReceipt = { amount: string; currency: string; receivedOn: string };

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/**
 * Records the foreign currency received against an export. For a declared
 * order it is what the order's escrow released to the supplier (the ledger
 * transfer `order:<id>:release`); without an order, what the exporter reports.
 */
export const recordFxReceived = async (
  ctx: Ctx,
  declaration: DeclarationRow,
  reported?: ReportedReceipt | null,
) => {
  const now = ctx.now();
  let receipt: {
    amount: bigint;
    currency: string;
    receivedOn: string;
    source: 'escrow_release' | 'reported';
  };
  if (declaration.orderId) {
    const release = await getTransfer(ctx.db, `order:${declaration.orderId}:release`);
    if (!release)
      throw new AppError(
        'CONFLICT',
        `Order ${declaration.orderId}'s escrow has not been released to you yet`,
        {
          orderId: declaration.orderId,
        },
      );
    receipt = {
      amount: release.amount,
      currency: release.currency,
      receivedOn: release.createdAt.toISOString().slice(0, 10),
      source: 'escrow_release',
    };
  } else {
    if (!reported) throw invalid('fx', 'Give the amount, currency and day the foreign currency was received');
    if (reported.currency === 'CNY')
      throw invalid('fx.currency', 'FX settlement converts a foreign currency');
    receipt = { ...reported, amount: BigInt(reported.amount), source: 'reported' };
  }
  await ctx.db.insert(fxSettlements).values({
    companyId: declaration.companyId,
    declarationId: declaration.id,
    receivedCurrency: receipt.currency,
    receivedAmount: receipt.amount,
    receivedOn: receipt.receivedOn,
    source: receipt.source,
    createdAt: now,
    updatedAt: now,
  });
  return {
    amount: String(receipt.amount),
    currency: receipt.currency,
    receivedOn: receipt.receivedOn,
    source: receipt.source,
  };
};

/**
 * Converts the received currency to CNY at the rate of the settlement day.
 * Money that came through escrow is converted on the ledger: out of the
 * supplier's payable in the foreign currency and into its CNY payable,
 * through FX clearing, as one linked pair. Returns the calculation.
 */
export const settleFx = async (ctx: Ctx, declaration: DeclarationRow) => {
  const [receipt] = await ctx.db
    .select()
    .from(fxSettlements)
    .where(eq(fxSettlements.declarationId, declaration.id));
  if (!receipt) throw new AppError('CONFLICT', 'No foreign currency was recorded as received');
  const settledOn = ctx.now().toISOString().slice(0, 10);
  const convert = await converterOn(ctx.db, [receipt.receivedCurrency, 'CNY'], settledOn);
  const cny = convert(receipt.receivedAmount, receipt.receivedCurrency, 'CNY');
  // CNY per unit of the foreign currency, as the two amounts imply (6 places).
  const scale = 10 ** (minorDigits(receipt.receivedCurrency) - minorDigits('CNY'));
  const rate = ((Number(cny) / Number(receipt.receivedAmount)) * scale).toFixed(6);
  let transferIds: string[] | null = null;
  if (receipt.source === 'escrow_release') {
    const supplier = declaration.companyId;
    const [fromPayable, fromFx, toFx, toPayable] = await Promise.all([
      chart.supplierPayable(ctx, supplier, receipt.receivedCurrency),
      chart.fxClearing(ctx, receipt.receivedCurrency),
      chart.fxClearing(ctx, 'CNY'),
      chart.supplierPayable(ctx, supplier, 'CNY'),
    ]);
    transferIds = [`declaration:${declaration.id}:fx-out`, `declaration:${declaration.id}:fx-in`];
    await requireTransfers(ctx, [
      {
        id: transferIds[0]!,
        debitAccountId: fromPayable.id,
        creditAccountId: fromFx.id,
        amount: receipt.receivedAmount,
        currency: receipt.receivedCurrency,
        reference: `declaration:${declaration.id}:fx`,
        flags: { linked: true },
      },
      {
        id: transferIds[1]!,
        debitAccountId: toFx.id,
        creditAccountId: toPayable.id,
        amount: cny,
        currency: 'CNY',
        reference: `declaration:${declaration.id}:fx`,
        userData: { rate, settledOn },
      },
    ]);
  }
  await ctx.db
    .update(fxSettlements)
    .set({ settledOn, rate, cnyAmount: cny, transferIds, updatedAt: ctx.now() })
    .where(eq(fxSettlements.declarationId, declaration.id));
  return {
    received: { amount: String(receipt.receivedAmount), currency: receipt.receivedCurrency },
    rate,
    settledOn,
    cny: String(cny),
    onLedger: transferIds !== null,
  };
};
