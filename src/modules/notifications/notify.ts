import { and, eq } from 'drizzle-orm';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { notifications } from './schema.js';

export type NewNotification = {
  companyId: string;
  kind: string;
  params?: Record<string, string | number>;
  link?: string;
  sourceEventId: string;
  at: Date;
};

/** Writes a notification once per (company, event, kind): an event delivered twice notifies once. */
export const notify = async (db: Db, n: NewNotification): Promise<void> => {
  const existing = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.companyId, n.companyId),
        eq(notifications.sourceEventId, n.sourceEventId),
        eq(notifications.kind, n.kind),
      ),
    )
    .limit(1);
  if (existing.length > 0) return;
  await db.insert(notifications).values({
    companyId: n.companyId,
    id: newId('ntf', n.at),
    kind: n.kind,
    params: n.params ?? {},
    link: n.link ?? null,
    sourceEventId: n.sourceEventId,
    createdAt: n.at,
  });
};
