import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { QuoteView } from './api.js';
import { quoteViewOf } from './get-quote.js';
import { quoteMachine } from './machines.js';
import { sourcingPolicy } from './policy.js';
import { findQuoteRow } from './quote-store.js';
import { findRfqRow } from './rfq-store.js';
import { quotes } from './schema.js';

type Action = 'shortlist' | 'decline' | 'withdraw';

const targets = { shortlist: 'shortlisted', decline: 'declined', withdraw: 'withdrawn' } as const;

/** The buyer shortlists or declines a quote; its supplier may withdraw it. */
export const respondToQuote = async (
  ctx: Ctx,
  input: { quoteId: string; action: Action; reason?: string },
): Promise<QuoteView> =>
  inTransaction(ctx, async (tx) => {
    const quote = await findQuoteRow(tx.db, input.quoteId, { lock: true });
    if (input.action === 'withdraw') sourcingPolicy.assertSupplierOwnsQuote(tx.actor, quote, input.quoteId);
    else sourcingPolicy.assertBuyerOfQuote(tx.actor, quote, input.quoteId);
    await transition(tx, {
      machine: quoteMachine,
      table: quotes,
      record: quote!,
      to: targets[input.action],
      payload: {
        rfqId: quote!.rfqId,
        title: (await findRfqRow(tx.db, quote!.rfqId))?.title ?? '',
        reason: input.reason ?? null,
        notify: input.action === 'withdraw' ? quote!.buyerId : quote!.companyId,
      },
    });
    return quoteViewOf(tx, (await findQuoteRow(tx.db, quote!.id))!);
  });

/** The buyer rates a quote 1–5 (its own judgement; the supplier's ratings feed its tier later). */
export const rateQuote = async (ctx: Ctx, input: { quoteId: string; rating: number }): Promise<QuoteView> => {
  const quote = await findQuoteRow(ctx.db, input.quoteId);
  sourcingPolicy.assertBuyerOfQuote(ctx.actor, quote, input.quoteId);
  if (quote!.status === 'withdrawn') throw new AppError('CONFLICT', 'A withdrawn quote cannot be rated');
  await ctx.db
    .update(quotes)
    .set({ buyerRating: input.rating, updatedAt: ctx.now() })
    .where(and(eq(quotes.companyId, quote!.companyId), eq(quotes.id, quote!.id)));
  return quoteViewOf(ctx, (await findQuoteRow(ctx.db, quote!.id))!);
};
