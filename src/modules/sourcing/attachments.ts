import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { detectFileType, imageTypes, pdfType } from '../../core/file-types.js';
import { newId } from '../../core/ids.js';
import { requireCompanyActor } from '../identity/index.js';
import { readableRfq } from './get-rfq.js';
import { getInquiry } from './inquiries.js';
import { attachments, inquiryMessages } from './schema.js';

const accepted = [pdfType, ...imageTypes];

/**
 * Stores a file a company member uploads to attach to an RFQ or a message.
 * It is readable only through a record that references it (and by its
 * uploader): an attachment id alone opens nothing.
 */
export const uploadAttachment = async (
  ctx: Ctx,
  input: { readUpload: () => Promise<{ fileName: string; data: Buffer }>; dataDir: string },
) => {
  const member = requireCompanyActor(ctx.actor);
  const upload = await input.readUpload();
  const kind = detectFileType(upload.data, accepted);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Attach a PDF, JPEG, PNG or WebP file');
  const at = ctx.now();
  const id = newId('att', at);
  const storagePath = join(member.companyId, 'attachments', `${id}.${kind.ext}`);
  await mkdir(join(input.dataDir, 'uploads', member.companyId, 'attachments'), { recursive: true });
  await writeFile(join(input.dataDir, 'uploads', storagePath), upload.data);
  await ctx.db.insert(attachments).values({
    companyId: member.companyId,
    id,
    fileName: upload.fileName.slice(0, 200),
    contentType: kind.type,
    sizeBytes: upload.data.length,
    storagePath,
    createdBy: member.userId,
    createdAt: at,
  });
  return {
    id,
    fileName: upload.fileName.slice(0, 200),
    contentType: kind.type,
    sizeBytes: upload.data.length,
  };
};

/** A stored attachment's bytes, by its uploader's company; callers decide who may read it. */
export const readStoredAttachment = async (
  ctx: Ctx,
  ownerId: string,
  attachmentId: string,
  dataDir: string,
) => {
  const [row] = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.companyId, ownerId), eq(attachments.id, attachmentId)));
  if (!row) throw notFound('Attachment', attachmentId);
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    data: await readFile(join(dataDir, 'uploads', row.storagePath)),
  };
};

/** A file attached to an RFQ, for anyone who may read the RFQ. */
export const readRfqAttachment = async (
  ctx: Ctx,
  input: { rfqId: string; attachmentId: string; dataDir: string },
) => {
  const { row } = await readableRfq(ctx, input.rfqId);
  if (!row.attachmentIds.includes(input.attachmentId)) throw notFound('Attachment', input.attachmentId);
  return readStoredAttachment(ctx, row.companyId, input.attachmentId, input.dataDir);
};

/** A file attached to a message of an inquiry, for both sides of it. */
export const readInquiryAttachment = async (
  ctx: Ctx,
  input: { inquiryId: string; attachmentId: string; dataDir: string },
) => {
  const thread = await getInquiry(ctx, { inquiryId: input.inquiryId });
  const [message] = await ctx.db
    .select({ sender: inquiryMessages.senderCompanyId, ids: inquiryMessages.attachmentIds })
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.companyId, thread.buyer.id), eq(inquiryMessages.inquiryId, thread.id)))
    .then((rows) => rows.filter((r) => r.ids.includes(input.attachmentId)));
  if (!message) throw notFound('Attachment', input.attachmentId);
  return readStoredAttachment(ctx, message.sender, input.attachmentId, input.dataDir);
};

/** The ids among `ids` that `companyId` uploaded: a record may only reference its author's own files. */
export const ownedAttachmentIds = async (ctx: Ctx, companyId: string, ids: readonly string[]) => {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.companyId, companyId), inArray(attachments.id, [...ids])));
  return rows.map((r) => r.id);
};
