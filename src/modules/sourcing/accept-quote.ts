import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { QuoteView } from './api.js';
import { quoteViewOf } from './get-quote.js';
import { liveQuoteStatuses, quoteMachine, rfqMachine } from './machines.js';
import { sourcingPolicy } from './policy.js';
import { findQuoteRow, findVersions, latestOffer } from './quote-store.js';
import { findRfqRow } from './rfq-store.js';
import { quotes, rfqs } from './schema.js';

/**
 * Accepting a quote awards the RFQ, freezes the accepted version (the order
 * is drafted from it) and declines every other live quote with a notice.
 * The RFQ row is locked first and its state moves by compare-and-set, so of
 * two concurrent acceptances exactly one wins; the other gets a conflict.
 */
export const acceptQuote = async (ctx: Ctx, input: { quoteId: string }): Promise<QuoteView> =>
  inTransaction(ctx, async (tx) => {
    const found = await findQuoteRow(tx.db, input.quoteId);
    sourcingPolicy.assertBuyerOfQuote(tx.actor, found, input.quoteId);
    const rfq = (await findRfqRow(tx.db, found!.rfqId, { lock: true }))!;
    const quote = (await findQuoteRow(tx.db, input.quoteId, { lock: true }))!;
    if (rfq.status === 'awarded')
      throw new AppError('CONFLICT', `The RFQ was already awarded to quote ${rfq.awardedQuoteId}`, {
        awardedQuoteId: rfq.awardedQuoteId,
      });
    const offer = latestOffer(await findVersions(tx.db, quote));
    const today = tx.now().toISOString().slice(0, 10);
    if (offer.validUntil < today)
      throw new AppError(
        'DEADLINE_PASSED',
        `This quote was valid until ${offer.validUntil}; ask for a revision`,
        {
          validUntil: offer.validUntil,
        },
      );
    await transition(tx, {
      machine: rfqMachine,
      table: rfqs,
      record: rfq,
      to: 'awarded',
      set: { awardedQuoteId: quote.id },
      payload: { quoteId: quote.id, supplierId: quote.companyId },
    });
    await transition(tx, {
      machine: quoteMachine,
      table: quotes,
      record: quote,
      to: 'accepted',
      set: { acceptedVersion: quote.currentVersion },
      payload: { rfqId: rfq.id, title: rfq.title, version: quote.currentVersion, notify: quote.companyId },
    });
    const others = await tx.db
      .select()
      .from(quotes)
      .where(
        and(
          eq(quotes.rfqId, rfq.id),
          ne(quotes.id, quote.id),
          inArray(quotes.status, [...liveQuoteStatuses]),
        ),
      );
    for (const other of others) {
      await transition(tx, {
        machine: quoteMachine,
        table: quotes,
        record: other,
        to: 'declined',
        payload: {
          rfqId: rfq.id,
          title: rfq.title,
          reason: 'another_quote_accepted',
          notify: other.companyId,
        },
      });
    }
    return quoteViewOf(tx, (await findQuoteRow(tx.db, quote.id))!);
  });
