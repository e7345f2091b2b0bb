import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { findCompany } from '../identity/index.js';
import { accountCode, chart, getAccountsByCode, requireTransfers } from '../ledger/index.js';
import { adRules, dayOf } from './ad-rules.js';
import { adsPolicy } from './policy.js';
import { adCampaignDays, adCreditGrants, adWalletTopUps } from './schema.js';

/**
 * What a supplier's ad wallet can still pay: posted credits less posted and
 * reserved debits. Read without opening the account (a supplier that never
 * topped up has 0).
 */
export const walletAvailable = async (db: Db, companyId: string): Promise<bigint> =>
  (await walletsAvailable(db, [companyId])).get(companyId)!;

/** `walletAvailable` for several suppliers in one read (the search-time auction's bidders). */
export const walletsAvailable = async (
  db: Db,
  companyIds: readonly string[],
): Promise<Map<string, bigint>> => {
  const codes = new Map(companyIds.map((id) => [accountCode('ad_wallet', id, adRules.currency), id]));
  const available = new Map(companyIds.map((id): [string, bigint] => [id, 0n]));
  for (const a of await getAccountsByCode(db, [...codes.keys()]))
    available.set(codes.get(a.code)!, a.creditsPosted - a.debitsPosted - a.debitsPending);
  return available;
};

/** The supplier's ad wallet: balance, today's spend, the wires and credits that filled it. */
export const getWallet = async (ctx: Ctx) => {
  const member = adsPolicy.assertWalletReader(ctx.actor);
  const companyId = member.companyId;
  const [topUps, credits, days] = await Promise.all([
    ctx.db
      .select()
      .from(adWalletTopUps)
      .where(eq(adWalletTopUps.companyId, companyId))
      .orderBy(desc(adWalletTopUps.createdAt))
      .limit(50),
    ctx.db
      .select()
      .from(adCreditGrants)
      .where(eq(adCreditGrants.companyId, companyId))
      .orderBy(desc(adCreditGrants.month))
      .limit(24),
    ctx.db
      .select({ spent: adCampaignDays.spent })
      .from(adCampaignDays)
      .where(and(eq(adCampaignDays.companyId, companyId), eq(adCampaignDays.day, dayOf(ctx.now())))),
  ]);
  const currency = adRules.currency;
  return {
    currency,
    available: moneyJson(await walletAvailable(ctx.db, companyId), currency),
    spentToday: moneyJson(
      days.reduce((sum, d) => sum + d.spent, 0n),
      currency,
    ),
    topUps: topUps.map((t) => ({
      id: t.id,
      amount: moneyJson(t.amount, t.currency),
      bankReference: t.bankReference,
      createdAt: t.createdAt.toISOString(),
    })),
    credits: credits.map((c) => ({
      month: c.month,
      amount: moneyJson(c.amount, c.currency),
      createdAt: c.createdAt.toISOString(),
    })),
  };
};

export type TopUpInput = { supplierId: string; amount: bigint; currency: string; bankReference: string };

/**
 * Books a wire the platform's bank received for a supplier's ad wallet
 * (bank → ad wallet). Once per bank reference: the same wire again answers
 * the first booking; the same reference with another supplier or amount is
 * a CONFLICT. The route adds the HTTP Idempotency-Key on top.
 */
export const topUpWallet = async (ctx: Ctx, input: TopUpInput) => {
  const operator = adsPolicy.assertOperator(ctx.actor);
  if (input.currency !== adRules.currency)
    throw new AppError('VALIDATION_FAILED', `Ad wallets are kept in ${adRules.currency}`, {
      field: 'currency',
    });
  const supplier = await findCompany(ctx.db, input.supplierId);
  if (supplier?.kind !== 'supplier') throw notFound('Supplier', input.supplierId);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const id = newId('tup', now);
    const [inserted] = await tx.db
      .insert(adWalletTopUps)
      .values({
        companyId: supplier.id,
        id,
        amount: input.amount,
        currency: input.currency,
        bankReference: input.bankReference,
        transferId: `ads:top-up:${id}`,
        recordedBy: operator.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      const [first] = await tx.db
        .select()
        .from(adWalletTopUps)
        .where(eq(adWalletTopUps.bankReference, input.bankReference));
      if (first?.companyId !== supplier.id || first.amount !== input.amount)
        throw new AppError('CONFLICT', `Wire ${input.bankReference} was already booked otherwise`, {
          bankReference: input.bankReference,
        });
      return topUpView(first);
    }
    const [bank, wallet] = [
      await chart.bank(tx, input.currency),
      await chart.adWallet(tx, supplier.id, input.currency),
    ];
    await requireTransfers(tx, [
      {
        id: inserted.transferId,
        debitAccountId: bank.id,
        creditAccountId: wallet.id,
        amount: input.amount,
        currency: input.currency,
        reference: `ads:wallet:${supplier.id}:top-up`,
        userData: { bankReference: input.bankReference },
      },
    ]);
    await tx.events.emit(
      'ads.wallet_topped_up',
      { id, supplierId: supplier.id, amount: input.amount.toString(), currency: input.currency },
      supplier.id,
    );
    return topUpView(inserted);
  });
};

const topUpView = (t: typeof adWalletTopUps.$inferSelect) => ({
  id: t.id,
  supplierId: t.companyId,
  amount: moneyJson(t.amount, t.currency),
  bankReference: t.bankReference,
  createdAt: t.createdAt.toISOString(),
});
