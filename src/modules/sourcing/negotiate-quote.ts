import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { CounterInput, QuoteOfferInput, QuoteView } from './api.js';
import { quoteViewOf } from './get-quote.js';
import { awardableRfqStatuses, liveQuoteStatuses, quoteMachine } from './machines.js';
import { assertOffer, toStoredOffer } from './offer.js';
import { sourcingPolicy } from './policy.js';
import { findQuoteRow, findVersions, latestOffer, type QuoteRow } from './quote-store.js';
import { findRfqRow } from './rfq-store.js';
import { quotes, quoteVersions } from './schema.js';

/** Negotiation happens while the RFQ can still be awarded and the quote is live. */
const assertNegotiable = async (ctx: Ctx, quote: QuoteRow) => {
  const rfq = (await findRfqRow(ctx.db, quote.rfqId))!;
  if (!awardableRfqStatuses.includes(rfq.status))
    throw new AppError('CONFLICT', `The RFQ is ${rfq.status}: negotiation has ended`, { status: rfq.status });
  if (!liveQuoteStatuses.includes(quote.status))
    throw new AppError('CONFLICT', `This quote is ${quote.status}`, { status: quote.status });
  return rfq;
};

const bumpVersion = async (ctx: Ctx, quote: QuoteRow) => {
  const version = quote.currentVersion + 1;
  const bumped = await ctx.db
    .update(quotes)
    .set({ currentVersion: version, updatedAt: ctx.now() })
    .where(
      and(
        eq(quotes.companyId, quote.companyId),
        eq(quotes.id, quote.id),
        eq(quotes.currentVersion, quote.currentVersion),
      ),
    )
    .returning({ id: quotes.id });
  if (bumped.length === 0) throw new AppError('CONFLICT', 'The quote changed meanwhile; reload and retry');
  return version;
};

/** The buyer counters: a version with the price, quantity or lead time it wants. The supplier answers with a revision. */
export const counterQuote = async (
  ctx: Ctx,
  input: { quoteId: string; counter: CounterInput },
): Promise<QuoteView> =>
  inTransaction(ctx, async (tx) => {
    const quote = await findQuoteRow(tx.db, input.quoteId, { lock: true });
    const member = sourcingPolicy.assertBuyerOfQuote(tx.actor, quote, input.quoteId);
    const rfq = await assertNegotiable(tx, quote!);
    const version = await bumpVersion(tx, quote!);
    await tx.db.insert(quoteVersions).values({
      companyId: quote!.companyId,
      quoteId: quote!.id,
      version,
      author: 'buyer',
      counter: {
        targetUnitPrice: input.counter.targetUnitPrice ?? null,
        quantity: input.counter.quantity ?? null,
        leadTimeDays: input.counter.leadTimeDays ?? null,
      },
      message: input.counter.message,
      createdBy: member.userId,
      createdAt: tx.now(),
    });
    await transition(tx, {
      machine: quoteMachine,
      table: quotes,
      record: quote!,
      to: 'countered',
      payload: { rfqId: rfq.id, title: rfq.title, version, notify: quote!.companyId },
    });
    return quoteViewOf(tx, (await findQuoteRow(tx.db, quote!.id))!);
  });

/** The supplier revises its offer (answering a counter, or on its own): a new version, kept in the history. */
export const reviseQuote = async (
  ctx: Ctx,
  input: { quoteId: string; offer: QuoteOfferInput },
): Promise<QuoteView> =>
  inTransaction(ctx, async (tx) => {
    const quote = await findQuoteRow(tx.db, input.quoteId, { lock: true });
    const member = sourcingPolicy.assertSupplierOwnsQuote(tx.actor, quote, input.quoteId);
    const rfq = await assertNegotiable(tx, quote!);
    const offer = toStoredOffer(input.offer);
    await assertOffer(tx.db, offer, {
      supplierId: member.companyId,
      rfq,
      today: tx.now().toISOString().slice(0, 10),
    });
    const previous = latestOffer(await findVersions(tx.db, quote!));
    if (previous.currency !== offer.currency)
      throw new AppError('VALIDATION_FAILED', `Keep the quote's currency (${previous.currency})`, {
        issues: [{ path: 'currency', message: `must stay ${previous.currency}` }],
      });
    const version = await bumpVersion(tx, quote!);
    await tx.db.insert(quoteVersions).values({
      companyId: quote!.companyId,
      quoteId: quote!.id,
      version,
      author: 'supplier',
      offer,
      message: input.offer.message,
      createdBy: member.userId,
      createdAt: tx.now(),
    });
    if (quote!.status === 'countered') {
      await transition(tx, {
        machine: quoteMachine,
        table: quotes,
        record: quote!,
        to: 'submitted',
        payload: { rfqId: rfq.id, title: rfq.title, version, notify: rfq.companyId },
      });
    } else {
      await tx.events.emit(
        'quote.revised',
        { id: quote!.id, rfqId: rfq.id, title: rfq.title, version, notify: rfq.companyId },
        quote!.companyId,
      );
    }
    return quoteViewOf(tx, (await findQuoteRow(tx.db, quote!.id))!);
  });
