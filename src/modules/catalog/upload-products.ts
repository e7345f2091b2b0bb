import type { Ctx } from '../../core/context.js';
import { csvRefused } from '../../core/csv.js';
import { importProducts } from './import-products.js';
import { catalogPolicy } from './policy.js';
import { parseProductCsv } from './product-csv.js';

/** The most products one file may list: the import runs in one transaction. */
export const maxProductsPerImport = 5_000;

export type ProductImport = { imported: number; ids: string[] };

/**
 * `POST /api/products/import`: a supplier uploads a product CSV file (the
 * columns of `productCsvColumns`). Every problem is reported with its line
 * and column and nothing is listed, or every product is, in one transaction.
 */
export const uploadProducts = async (
  ctx: Ctx,
  input: { readUpload: () => Promise<{ fileName: string; data: Buffer }> },
): Promise<ProductImport> => {
  const editor = catalogPolicy.assertCanCreate(ctx.actor);
  const { fileName, data } = await input.readUpload();
  const { products, problems } = parseProductCsv(data.toString('utf8'));
  if (problems.length > 0) throw csvRefused(fileName, problems);
  if (products.length > maxProductsPerImport)
    throw csvRefused(fileName, [
      {
        line: maxProductsPerImport + 2,
        message: `A file may list at most ${maxProductsPerImport} products; split it`,
      },
    ]);
  const ids = await importProducts(ctx.db, { supplierId: editor.companyId, products, now: ctx.now() });
  return { imported: ids.length, ids };
};
