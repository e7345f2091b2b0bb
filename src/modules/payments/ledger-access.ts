import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { moneyJson } from '../../core/money.js';
import { isOperator, requireCompanyActor } from '../identity/index.js';
import { accountBalance, getAccount, listTransfers } from '../ledger/index.js';
import { findOrderRow } from '../orders/index.js';

/**
 * Who may read a ledger account: its owner (a supplier's payable, an ad
 * wallet), both sides of the order an escrow account belongs to, and the
 * operator. Anyone else gets 404, as if it did not exist.
 */
const assertCanReadAccount = async (ctx: Ctx, accountId: string) => {
  const member = requireCompanyActor(ctx.actor);
  const account = await getAccount(ctx.db, accountId).catch(() => undefined);
  if (!account) throw notFound('Ledger account', accountId);
  if (isOperator(member) || account.companyId === member.companyId) return account;
  if (account.kind === 'escrow') {
    const order = await findOrderRow(ctx.db, account.code.split(':')[1]!);
    if (order && (order.buyerId === member.companyId || order.companyId === member.companyId)) return account;
  }
  throw notFound('Ledger account', accountId);
};

/** An account's balances and a page of its transfers. */
export const readLedgerAccount = async (
  ctx: Ctx,
  input: { accountId: string; after?: string; limit: number },
) => {
  const account = await assertCanReadAccount(ctx, input.accountId);
  const balance = await accountBalance(ctx.db, account.id);
  const page = await listTransfers(ctx.db, account.id, { after: input.after ?? null, limit: input.limit });
  return {
    id: account.id,
    code: account.code,
    kind: account.kind,
    currency: account.currency,
    balance: {
      posted: moneyJson(balance.posted, account.currency),
      pending: moneyJson(balance.pending, account.currency),
      available: moneyJson(balance.available, account.currency),
    },
    transfers: page.items.map((t) => ({
      id: t.id,
      direction: t.debitAccountId === account.id ? ('debit' as const) : ('credit' as const),
      amount: moneyJson(t.amount, t.currency),
      kind: t.kind,
      reference: t.reference,
      createdAt: t.createdAt.toISOString(),
    })),
    next: page.next,
  };
};
