import type { LedgerAccount } from './accounts.js';
import { accountCode, openAccount } from './accounts.js';
import type { LedgerCtx } from './create-transfers.js';

/**
 * The platform's chart of accounts: one place that names every account the
 * money flows use, so codes never drift between modules. Each is opened on
 * first use (idempotent by code).
 *
 * - `bank`: the platform's bank account in a currency (debit-normal).
 * - `buyerClearing`: wires received but not yet applied to an order.
 * - `escrow`: one per order, the buyer's money held under trade assurance.
 * - `supplierPayable`: released to a supplier, not yet paid out.
 * - `platformFees`: the platform's fee revenue.
 * - `compensation`: what trade assurance pays buyers (debit-normal expense),
 *   recovered from the supplier's escrow when there is any.
 * - `fxClearing`: the position the platform takes when a buyer pays in
 *   another currency than the order's.
 * - `adWallet`: a supplier's prepaid advertising balance.
 * - `forwarderSettlement`: what the platform and a forwarder owe each other;
 *   rollover compensation is charged to it (a debit balance is owed by the
 *   forwarder and settled on its next invoice, so it may go below zero).
 * - `shipperPayable`: owed to a shipper (compensation), not yet paid out.
 * - `adRevenue`: what suppliers' ad clicks earned the platform (paid from their ad wallets).
 * - `marketingExpense`: what the platform gives away as promotion, e.g. the
 *   monthly ad credit of a supplier's tier (debit-normal expense).
 */
export const chart = {
  bank: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, { code: accountCode('bank', currency), kind: 'bank', currency }),
  buyerClearing: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, { code: accountCode('buyer_clearing', currency), kind: 'buyer_clearing', currency }),
  escrow: (ctx: LedgerCtx, order: { id: string; currency: string }) =>
    openAccount(ctx, {
      code: accountCode('escrow', order.id, order.currency),
      kind: 'escrow',
      currency: order.currency,
    }),
  supplierPayable: (ctx: LedgerCtx, supplierId: string, currency: string) =>
    openAccount(ctx, {
      code: accountCode('supplier_payable', supplierId, currency),
      kind: 'supplier_payable',
      currency,
      companyId: supplierId,
    }),
  platformFees: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, {
      code: accountCode('platform_fee_revenue', currency),
      kind: 'platform_fee_revenue',
      currency,
    }),
  compensation: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, { code: accountCode('compensation', currency), kind: 'compensation', currency }),
  fxClearing: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, { code: accountCode('fx_clearing', currency), kind: 'fx_clearing', currency }),
  adWallet: (ctx: LedgerCtx, companyId: string, currency: string) =>
    openAccount(ctx, {
      code: accountCode('ad_wallet', companyId, currency),
      kind: 'ad_wallet',
      currency,
      companyId,
    }),
  forwarderSettlement: (ctx: LedgerCtx, forwarderId: string, currency: string) =>
    openAccount(ctx, {
      code: accountCode('forwarder_settlement', forwarderId, currency),
      kind: 'forwarder_settlement',
      currency,
      companyId: forwarderId,
    }),
  shipperPayable: (ctx: LedgerCtx, shipperId: string, currency: string) =>
    openAccount(ctx, {
      code: accountCode('shipper_payable', shipperId, currency),
      kind: 'shipper_payable',
      currency,
      companyId: shipperId,
    }),
  adRevenue: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, { code: accountCode('ad_revenue', currency), kind: 'ad_revenue', currency }),
  marketingExpense: (ctx: LedgerCtx, currency: string) =>
    openAccount(ctx, {
      code: accountCode('marketing_expense', currency),
      kind: 'marketing_expense',
      currency,
    }),
} satisfies Record<string, (...args: never[]) => Promise<LedgerAccount>>;
