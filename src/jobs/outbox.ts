import { asc, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import type { Db } from '../db/client.js';
import { outboxEvents } from './schema.js';

export type OutboxEvent = {
  id: string;
  type: string;
  companyId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

export type Outbox = {
  /** Records an event in the caller's transaction; handlers see it only if that transaction commits. */
  emit: (type: string, payload: Record<string, unknown>, companyId?: string | null) => Promise<void>;
};

export const outboxFor = (db: Db, now: Clock): Outbox => ({
  emit: async (type, payload, companyId = null) => {
    const at = now();
    await db.insert(outboxEvents).values({ id: newId('evt', at), type, companyId, payload, createdAt: at });
  },
});

/** Handlers get the dispatcher's transaction: their writes commit with the event's delivery. */
export type EventHandler = (event: OutboxEvent, db: Db) => Promise<void>;

/** The handlers of an event type: those registered for it exactly, then those for its family (`order.*`). */
export const handlersFor = (handlers: ReadonlyMap<string, EventHandler[]>, type: string): EventHandler[] => {
  const dot = type.indexOf('.');
  const family = dot > 0 ? (handlers.get(`${type.slice(0, dot)}.*`) ?? []) : [];
  return [...(handlers.get(type) ?? []), ...family];
};

/**
 * Delivers pending events in commit order to the handlers registered for
 * their type or their family, then marks them dispatched. A batch is claimed with
 * SKIP LOCKED so two servers on one PostgreSQL never deliver the same event
 * twice; a handler that throws leaves its event pending for the next round.
 */
export const dispatchOutbox = async (
  db: Db,
  handlers: ReadonlyMap<string, EventHandler[]>,
  now: Clock,
  batchSize = 100,
): Promise<number> =>
  db.transaction(async (tx) => {
    const pending = await tx
      .select()
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.seq))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const delivered: number[] = [];
    for (const row of pending) {
      const event: OutboxEvent = {
        id: row.id,
        type: row.type,
        companyId: row.companyId,
        payload: row.payload,
        createdAt: row.createdAt,
      };
      try {
        for (const handle of handlersFor(handlers, row.type)) await handle(event, tx as unknown as Db);
        delivered.push(row.seq);
      } catch {
        // Stop at the first failure so later events never overtake it.
        break;
      }
    }
    if (delivered.length > 0) {
      await tx.update(outboxEvents).set({ dispatchedAt: now() }).where(inArray(outboxEvents.seq, delivered));
    }
    return delivered.length;
  });
