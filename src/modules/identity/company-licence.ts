import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { detectFileType, imageTypes, pdfType } from '../../core/file-types.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { isOperator, requireCompanyActor, requireRole } from './policy.js';
import { companyLicences } from './verification-schema.js';

const accepted = [pdfType, ...imageTypes];

export type LicenceView = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
};

export const toLicenceView = (row: typeof companyLicences.$inferSelect): LicenceView => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  uploadedAt: row.createdAt.toISOString(),
});

/**
 * Only the company's owner or admin manages its verification. Anyone else's
 * company is not found (no existence leak), whatever their role.
 */
export const requireCompanyAdmin = (ctx: Ctx, companyId: string) => {
  const member = requireCompanyActor(ctx.actor);
  if (member.companyId !== companyId) throw notFound('Company', companyId);
  return requireRole(ctx.actor, { kinds: ['supplier', 'buyer', 'forwarder'], roles: ['owner', 'admin'] });
};

/** The company's members and the operator may see its licence; anyone else gets 404. */
export const requireLicenceReader = (ctx: Ctx, companyId: string) => {
  const member = requireCompanyActor(ctx.actor);
  if (member.companyId !== companyId && !isOperator(ctx.actor)) throw notFound('Company', companyId);
  return member;
};

export const latestLicence = async (db: Db, companyId: string) =>
  (
    await db
      .select()
      .from(companyLicences)
      .where(eq(companyLicences.companyId, companyId))
      .orderBy(desc(companyLicences.createdAt), desc(companyLicences.id))
      .limit(1)
  )[0];

/** Stores a business licence (PDF or image, recognised by its bytes) for the company's verification. */
export const uploadCompanyLicence = async (
  ctx: Ctx,
  input: {
    companyId: string;
    readUpload: () => Promise<{ fileName: string; data: Buffer }>;
    dataDir: string;
  },
): Promise<LicenceView> => {
  const member = requireCompanyAdmin(ctx, input.companyId);
  const upload = await input.readUpload();
  const kind = detectFileType(upload.data, accepted);
  if (!kind)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the licence as a PDF, JPEG, PNG or WebP file');
  const at = ctx.now();
  const id = newId('lic', at);
  const storagePath = join(input.companyId, 'licences', `${id}.${kind.ext}`);
  await mkdir(join(input.dataDir, 'uploads', input.companyId, 'licences'), { recursive: true });
  await writeFile(join(input.dataDir, 'uploads', storagePath), upload.data);
  const [row] = await ctx.db
    .insert(companyLicences)
    .values({
      companyId: input.companyId,
      id,
      fileName: upload.fileName.slice(0, 200) || `licence.${kind.ext}`,
      contentType: kind.type,
      sizeBytes: upload.data.length,
      storagePath,
      uploadedBy: member.userId,
      createdAt: at,
    })
    .returning();
  return toLicenceView(row!);
};

/** A licence's bytes, for the company's members and the operator. */
export const readCompanyLicence = async (
  ctx: Ctx,
  input: { companyId: string; licenceId: string; dataDir: string },
) => {
  requireLicenceReader(ctx, input.companyId);
  const [row] = await ctx.db
    .select()
    .from(companyLicences)
    .where(and(eq(companyLicences.companyId, input.companyId), eq(companyLicences.id, input.licenceId)));
  if (!row) throw notFound('Licence', input.licenceId);
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    data: await readFile(join(input.dataDir, 'uploads', row.storagePath)),
  };
};
