import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { RfqView } from './api.js';
import { rfqViewFor } from './get-rfq.js';
import { rfqMachine } from './machines.js';
import { matchRfq } from './match-rfq.js';
import { sourcingPolicy } from './policy.js';
import { findRfqRow } from './rfq-store.js';
import { rfqMatches, rfqs } from './schema.js';

/**
 * Publishing sends the RFQ out: the matching engine ranks suppliers, the best
 * `inviteLimit` are stored as invitations with their score components, and
 * each invited supplier is notified (through the outbox, after commit).
 */
export const publishRfq = async (ctx: Ctx, input: { rfqId: string }): Promise<RfqView> =>
  inTransaction(ctx, async (tx) => {
    const row = await findRfqRow(tx.db, input.rfqId, { lock: true });
    sourcingPolicy.assertBuyerOwns(tx.actor, row, 'RFQ', input.rfqId);
    const rfq = row!;
    const now = tx.now();
    if (rfq.status === 'draft' && rfq.deadline.getTime() <= now.getTime()) {
      throw new AppError(
        'DEADLINE_PASSED',
        `The deadline ${rfq.deadline.toISOString()} has passed; set a new one`,
        {
          deadline: rfq.deadline.toISOString(),
        },
      );
    }
    const matches = await matchRfq(tx.db, rfq, now);
    await transition(tx, {
      machine: rfqMachine,
      table: rfqs,
      record: rfq,
      to: 'published',
      set: { publishedAt: now },
      payload: { invited: matches.length },
    });
    if (matches.length > 0) {
      await tx.db.insert(rfqMatches).values(
        matches.map((m, i) => ({
          companyId: rfq.companyId,
          rfqId: rfq.id,
          supplierId: m.companyId,
          rank: i + 1,
          score: m.score,
          components: m.components,
          reasons: m.reasons,
          createdAt: now,
        })),
      );
    }
    for (const [i, m] of matches.entries()) {
      await tx.events.emit(
        'sourcing.supplier_invited',
        { rfqId: rfq.id, buyerId: rfq.companyId, title: rfq.title, rank: i + 1 },
        m.companyId,
      );
    }
    return rfqViewFor(tx, { ...rfq, status: 'published', publishedAt: now }, false);
  });
