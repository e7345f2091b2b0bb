import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requireCompanyActor } from '../identity/index.js';
import { notifications } from './schema.js';

const toJson = (row: typeof notifications.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  link: row.link,
  read: row.readAt !== null,
  createdAt: row.createdAt.toISOString(),
});

/** The newest notifications of the actor's company, with the unread count. */
export const listNotifications = async (ctx: Ctx, input: { unreadOnly?: boolean; limit?: number }) => {
  const member = requireCompanyActor(ctx.actor);
  const mine = eq(notifications.companyId, member.companyId);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(input.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit ?? 50);
  const [unread] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { unread: Number(unread?.n ?? 0), items: rows.map(toJson) };
};

/** Marks one of the company's notifications read; another company's is not found. */
export const markNotificationRead = async (ctx: Ctx, input: { id: string }) => {
  const member = requireCompanyActor(ctx.actor);
  const updated = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.companyId, member.companyId), eq(notifications.id, input.id)))
    .returning({ id: notifications.id });
  if (updated.length === 0) throw notFound('Notification', input.id);
  return { id: input.id, read: true };
};
