import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { products } from '../catalog/index.js';
import { findCompany, findCompanyCards, requireCompanyActor, requireRole } from '../identity/index.js';
import type { InquiryMessageInput, OpenInquiryInput } from './api.js';
import { buyerSourcers, sourcingPolicy } from './policy.js';
import { attachmentLinks } from './rfq-store.js';
import { attachments, inquiries, inquiryMessages } from './schema.js';

type InquiryRow = typeof inquiries.$inferSelect;

const findInquiry = async (db: Db, id: string, options: { lock?: boolean } = {}) => {
  const query = db.select().from(inquiries).where(eq(inquiries.id, id)).limit(1);
  return (await (options.lock ? query.for('update') : query))[0];
};

const assertOwnAttachments = async (db: Db, companyId: string, ids: readonly string[]) => {
  if (ids.length === 0) return;
  const owned = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, [...ids])));
  if (owned.length !== new Set(ids).size)
    throw new AppError('VALIDATION_FAILED', 'attachmentIds: attach only files your company uploaded', {
      issues: [{ path: 'attachmentIds', message: 'attach only files your company uploaded' }],
    });
};

const insertMessage = async (
  ctx: Ctx,
  inquiry: Pick<InquiryRow, 'companyId' | 'id'>,
  from: { companyId: string; userId: string },
  input: InquiryMessageInput,
) => {
  await assertOwnAttachments(ctx.db, from.companyId, input.attachmentIds);
  await ctx.db.insert(inquiryMessages).values({
    companyId: inquiry.companyId,
    id: newId('msg', ctx.now()),
    inquiryId: inquiry.id,
    senderCompanyId: from.companyId,
    senderUserId: from.userId,
    body: input.message,
    quantity: input.quantity ?? null,
    targetPrice: input.targetPrice == null ? null : BigInt(input.targetPrice),
    currency: input.currency ?? null,
    attachmentIds: [...new Set(input.attachmentIds)],
    createdAt: ctx.now(),
  });
};

/** A buyer opens a thread with a supplier, about one of its products or in general. */
export const openInquiry = async (ctx: Ctx, input: OpenInquiryInput) =>
  inTransaction(ctx, async (tx) => {
    const member = requireRole(tx.actor, buyerSourcers);
    let supplierId = input.supplierId;
    let subject = input.subject;
    if (input.productId) {
      const [product] = await tx.db
        .select({ companyId: products.companyId, title: products.titleEn, status: products.status })
        .from(products)
        .where(eq(products.id, input.productId))
        .limit(1);
      if (product?.status !== 'active') throw notFound('Product', input.productId);
      if (supplierId && supplierId !== product.companyId)
        throw new AppError('VALIDATION_FAILED', 'supplierId: that product belongs to another supplier');
      supplierId = product.companyId;
      subject ??= product.title;
    }
    const supplier = await findCompany(tx.db, supplierId!);
    if (supplier?.kind !== 'supplier') throw notFound('Supplier', supplierId!);
    const now = tx.now();
    const [row] = await tx.db
      .insert(inquiries)
      .values({
        companyId: member.companyId,
        id: newId('inq', now),
        supplierId: supplier.id,
        productId: input.productId ?? null,
        subject: subject ?? input.message.slice(0, 80),
        createdBy: member.userId,
        createdAt: now,
        lastMessageAt: now,
        supplierUnread: 1,
      })
      .returning();
    await insertMessage(tx, row!, member, input);
    await tx.events.emit(
      'sourcing.inquiry_received',
      { inquiryId: row!.id, subject: row!.subject, buyerId: member.companyId },
      supplier.id,
    );
    return getInquiry(tx, { inquiryId: row!.id });
  });

/**
 * A message in a thread from either side. The supplier's first answer records
 * its first-response time (for the Quick Response Rate); the other side's
 * unread count goes up.
 */
export const postInquiryMessage = async (
  ctx: Ctx,
  input: { inquiryId: string; message: InquiryMessageInput },
) =>
  inTransaction(ctx, async (tx) => {
    const inquiry = await findInquiry(tx.db, input.inquiryId, { lock: true });
    const { member, side } = sourcingPolicy.assertCanWriteInquiry(tx.actor, inquiry, input.inquiryId);
    await insertMessage(tx, inquiry!, member, input.message);
    const now = tx.now();
    await tx.db
      .update(inquiries)
      .set({
        lastMessageAt: now,
        ...(side === 'supplier'
          ? {
              supplierUnread: 0,
              buyerUnread: sql`${inquiries.buyerUnread} + 1`,
              firstResponseAt: inquiry!.firstResponseAt ?? now,
            }
          : { buyerUnread: 0, supplierUnread: sql`${inquiries.supplierUnread} + 1` }),
      })
      .where(and(eq(inquiries.companyId, inquiry!.companyId), eq(inquiries.id, inquiry!.id)));
    await tx.events.emit(
      'sourcing.inquiry_message',
      { inquiryId: inquiry!.id, subject: inquiry!.subject, from: side },
      side === 'supplier' ? inquiry!.companyId : inquiry!.supplierId,
    );
    return getInquiry(tx, { inquiryId: inquiry!.id });
  });

const summaryOf = async (ctx: Ctx, rows: InquiryRow[], viewerCompanyId: string) => {
  const cards = await findCompanyCards(
    ctx.db,
    rows.flatMap((r) => [r.companyId, r.supplierId]),
  );
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    buyer: cards.get(r.companyId)!,
    supplier: cards.get(r.supplierId)!,
    productId: r.productId,
    unread:
      viewerCompanyId === r.supplierId
        ? r.supplierUnread
        : viewerCompanyId === r.companyId
          ? r.buyerUnread
          : 0,
    lastMessageAt: r.lastMessageAt.toISOString(),
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
};

/** One thread with its messages. */
export const getInquiry = async (ctx: Ctx, input: { inquiryId: string }) => {
  const inquiry = await findInquiry(ctx.db, input.inquiryId);
  const member = sourcingPolicy.assertCanReadInquiry(ctx.actor, inquiry, input.inquiryId);
  const messages = await ctx.db
    .select()
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.companyId, inquiry!.companyId), eq(inquiryMessages.inquiryId, inquiry!.id)))
    .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id));
  const [summary] = await summaryOf(ctx, [inquiry!], member.companyId);
  const base = `/api/inquiries/${inquiry!.id}`;
  return {
    ...summary!,
    messages: await Promise.all(
      messages.map(async (m) => ({
        id: m.id,
        fromCompanyId: m.senderCompanyId,
        body: m.body,
        quantity: m.quantity,
        targetPrice: m.targetPrice === null || !m.currency ? null : moneyJson(m.targetPrice, m.currency),
        attachments: await attachmentLinks(ctx.db, m.senderCompanyId, m.attachmentIds, base),
        createdAt: m.createdAt.toISOString(),
      })),
    ),
  };
};

/** The reader's side of a thread is read: its unread count goes to zero. */
export const markInquiryRead = async (ctx: Ctx, input: { inquiryId: string }) => {
  const inquiry = await findInquiry(ctx.db, input.inquiryId);
  const member = sourcingPolicy.assertCanReadInquiry(ctx.actor, inquiry, input.inquiryId);
  const side =
    member.companyId === inquiry!.supplierId
      ? { supplierUnread: 0 }
      : member.companyId === inquiry!.companyId
        ? { buyerUnread: 0 }
        : null;
  if (side)
    await ctx.db
      .update(inquiries)
      .set(side)
      .where(and(eq(inquiries.companyId, inquiry!.companyId), eq(inquiries.id, inquiry!.id)));
  return getInquiry(ctx, input);
};

/** The company's inbox: threads it opened as a buyer or received as a supplier, newest activity first. */
export const listInquiries = async (ctx: Ctx, input: { page: number; pageSize: number }) => {
  const member = requireCompanyActor(ctx.actor);
  const mine = or(eq(inquiries.companyId, member.companyId), eq(inquiries.supplierId, member.companyId));
  const rows = await ctx.db
    .select()
    .from(inquiries)
    .where(mine)
    .orderBy(desc(inquiries.lastMessageAt), desc(inquiries.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [totals] = await ctx.db
    .select({
      unread: sql<number>`coalesce(sum(case when ${inquiries.supplierId} = ${member.companyId} then ${inquiries.supplierUnread} else ${inquiries.buyerUnread} end), 0)`,
      total: sql<number>`count(*)`,
    })
    .from(inquiries)
    .where(mine);
  return {
    unread: Number(totals?.unread ?? 0),
    total: Number(totals?.total ?? 0),
    page: input.page,
    pageSize: input.pageSize,
    items: await summaryOf(ctx, rows, member.companyId),
  };
};
