import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { transition } from '../../core/transition.js';
import { findCompany, requireRole } from '../identity/index.js';
import type { QuoteOfferInput, QuoteView } from './api.js';
import { quoteViewOf } from './get-quote.js';
import { maxQuotesPerRfq, rfqMachine } from './machines.js';
import { assertOffer, toStoredOffer } from './offer.js';
import { supplierSellers } from './policy.js';
import { consumeQuota } from './quota.js';
import { findRfqRow } from './rfq-store.js';
import { quotes, quoteVersions, rfqs } from './schema.js';
import { supplierAccessTo } from './supplier-access.js';

/**
 * A supplier quotes on an RFQ it was invited to (or a public one in its
 * industry). The RFQ row is locked for the count: the 10th quote closes it
 * and an 11th is refused, even when they race. Each quote spends one of the
 * supplier's monthly quota.
 */
export const submitQuote = async (
  ctx: Ctx,
  input: { rfqId: string; offer: QuoteOfferInput },
): Promise<QuoteView> =>
  inTransaction(ctx, async (tx) => {
    const member = requireRole(tx.actor, supplierSellers);
    const rfq = await findRfqRow(tx.db, input.rfqId, { lock: true });
    const access =
      rfq && rfq.status !== 'draft' ? await supplierAccessTo(tx.db, rfq, member.companyId) : undefined;
    if (!rfq || !access?.mayQuote) throw notFound('RFQ', input.rfqId);
    if (!access.listsInIndustry) {
      throw new AppError(
        'FORBIDDEN',
        `Your company has no listing in this RFQ's industry (${rfq.industryCode})`,
        {
          industry: rfq.industryCode,
        },
      );
    }
    const now = tx.now();
    if (rfq.deadline.getTime() <= now.getTime()) {
      throw new AppError(
        'DEADLINE_PASSED',
        `This RFQ stopped taking quotes on ${rfq.deadline.toISOString()}`,
        {
          deadline: rfq.deadline.toISOString(),
        },
      );
    }
    if (rfq.status === 'closed' || rfq.quoteCount >= maxQuotesPerRfq) {
      throw new AppError('LIMIT_REACHED', `This RFQ already has ${maxQuotesPerRfq} quotes`, {
        max: maxQuotesPerRfq,
      });
    }
    if (rfq.status !== 'published') {
      throw new AppError('CONFLICT', `This RFQ is ${rfq.status} and takes no more quotes`, {
        status: rfq.status,
      });
    }
    const [existing] = await tx.db
      .select({ id: quotes.id })
      .from(quotes)
      .where(and(eq(quotes.rfqId, rfq.id), eq(quotes.companyId, member.companyId)));
    if (existing) {
      throw new AppError('CONFLICT', 'You already quoted on this RFQ: revise that quote instead', {
        quoteId: existing.id,
      });
    }
    const offer = toStoredOffer(input.offer);
    await assertOffer(tx.db, offer, {
      supplierId: member.companyId,
      rfq,
      today: now.toISOString().slice(0, 10),
    });
    await consumeQuota(tx.db, member.companyId, now);

    const id = newId('quo', now);
    const [row] = await tx.db
      .insert(quotes)
      .values({
        companyId: member.companyId,
        id,
        rfqId: rfq.id,
        buyerId: rfq.companyId,
        status: 'submitted',
        currentVersion: 1,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.db.insert(quoteVersions).values({
      companyId: member.companyId,
      quoteId: id,
      version: 1,
      author: 'supplier',
      offer,
      message: input.offer.message,
      createdBy: member.userId,
      createdAt: now,
    });
    const [counted] = await tx.db
      .update(rfqs)
      .set({ quoteCount: sql`${rfqs.quoteCount} + 1` })
      .where(and(eq(rfqs.companyId, rfq.companyId), eq(rfqs.id, rfq.id)))
      .returning({ quoteCount: rfqs.quoteCount });
    if (counted!.quoteCount >= maxQuotesPerRfq) {
      await transition(tx, { machine: rfqMachine, table: rfqs, record: rfq, to: 'closed' });
    }
    await tx.events.emit(
      'sourcing.quote_received',
      {
        rfqId: rfq.id,
        quoteId: id,
        supplierId: member.companyId,
        supplierName: (await findCompany(tx.db, member.companyId))?.name ?? '',
        title: rfq.title,
      },
      rfq.companyId,
    );
    return quoteViewOf(tx, row!);
  });
