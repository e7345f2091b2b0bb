import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { detectFileType, imageTypes } from '../../core/file-types.js';
import { newId } from '../../core/ids.js';
import { catalogPolicy } from './policy.js';
import { findProductRow, imageUrl } from './product-store.js';
import { productImages } from './schema.js';

export const maxImagesPerProduct = 10;

/**
 * Stores an uploaded product image under the data dir. The path is built from
 * ids only; the uploaded file name is kept as a label and never touches the
 * file system.
 */
export const addProductImage = async (
  ctx: Ctx,
  input: {
    productId: string;
    /** Reads the upload; called only once the actor may edit the product. */
    readUpload: () => Promise<{ fileName: string; data: Buffer }>;
    dataDir: string;
  },
) => {
  const row = await findProductRow(ctx.db, input.productId);
  const editor = catalogPolicy.assertCanEdit(ctx.actor, row, input.productId);
  const upload = await input.readUpload();
  const kind = detectFileType(upload.data, imageTypes);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a JPEG, PNG or WebP image');
  const existing = await ctx.db
    .select({ id: productImages.id })
    .from(productImages)
    .where(and(eq(productImages.companyId, editor.companyId), eq(productImages.productId, input.productId)));
  if (existing.length >= maxImagesPerProduct) {
    throw new AppError('CONFLICT', `A product has at most ${maxImagesPerProduct} images`);
  }
  const id = newId('img', ctx.now());
  const storagePath = join(editor.companyId, `${id}.${kind.ext}`);
  await mkdir(join(input.dataDir, 'uploads', editor.companyId), { recursive: true });
  await writeFile(join(input.dataDir, 'uploads', storagePath), upload.data);
  await ctx.db.insert(productImages).values({
    companyId: editor.companyId,
    id,
    productId: input.productId,
    fileName: upload.fileName.slice(0, 200),
    contentType: kind.type,
    sizeBytes: upload.data.length,
    storagePath,
    createdAt: ctx.now(),
  });
  return { id, url: imageUrl(id) };
};

/** An image of a product the actor may see. */
export const readProductImage = async (ctx: Ctx, input: { imageId: string; dataDir: string }) => {
  const [image] = await ctx.db
    .select()
    .from(productImages)
    .where(eq(productImages.id, input.imageId))
    .limit(1);
  if (!image) throw notFound('Image', input.imageId);
  catalogPolicy.assertCanRead(ctx.actor, await findProductRow(ctx.db, image.productId), input.imageId);
  return {
    contentType: image.contentType,
    data: await readFile(join(input.dataDir, 'uploads', image.storagePath)),
  };
};
