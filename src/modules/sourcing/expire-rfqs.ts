import { and, eq, lte } from 'drizzle-orm';
import type { Clock } from '../../core/clock.js';
import { makeCtx } from '../../core/context.js';
import { isAppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import type { Db } from '../../db/client.js';
import { rfqMachine } from './machines.js';
import { rfqs } from './schema.js';

const system = { kind: 'anonymous' } as const;

/**
 * The scheduler's sweep: every published RFQ whose deadline has passed
 * expires. Quoting already refuses past the deadline on its own; this moves
 * the state so lists and the buyer see it. Returns how many expired.
 */
export const expireRfqs = async (db: Db, now: Clock): Promise<number> => {
  const due = await db
    .select()
    .from(rfqs)
    .where(and(eq(rfqs.status, 'published'), lte(rfqs.deadline, now())))
    .limit(1000);
  let expired = 0;
  for (const rfq of due) {
    try {
      await db.transaction(async (tx) => {
        await transition(makeCtx(tx as unknown as Db, system, now), {
          machine: rfqMachine,
          table: rfqs,
          record: rfq,
          to: 'expired',
        });
      });
      expired += 1;
    } catch (error) {
      // Awarded or closed meanwhile: that move won, nothing to expire.
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
    }
  }
  return expired;
};
