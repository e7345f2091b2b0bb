import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { transition } from '../../core/transition.js';
import type { RfqView } from './api.js';
import { rfqViewFor } from './get-rfq.js';
import { liveQuoteStatuses, quoteMachine, rfqMachine } from './machines.js';
import { sourcingPolicy } from './policy.js';
import { findRfqRow } from './rfq-store.js';
import { quotes, rfqs } from './schema.js';

/** Cancelling an RFQ declines every live quote on it, and tells those suppliers. */
export const cancelRfq = async (ctx: Ctx, input: { rfqId: string }): Promise<RfqView> =>
  inTransaction(ctx, async (tx) => {
    const row = await findRfqRow(tx.db, input.rfqId, { lock: true });
    sourcingPolicy.assertBuyerOwns(tx.actor, row, 'RFQ', input.rfqId);
    const rfq = row!;
    await transition(tx, { machine: rfqMachine, table: rfqs, record: rfq, to: 'cancelled' });
    const live = await tx.db
      .select()
      .from(quotes)
      .where(and(eq(quotes.rfqId, rfq.id), inArray(quotes.status, [...liveQuoteStatuses])));
    for (const quote of live) {
      await transition(tx, {
        machine: quoteMachine,
        table: quotes,
        record: quote,
        to: 'declined',
        payload: { rfqId: rfq.id, title: rfq.title, reason: 'rfq_cancelled', notify: quote.companyId },
      });
    }
    return rfqViewFor(tx, { ...rfq, status: 'cancelled' }, false);
  });
