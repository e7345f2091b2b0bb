import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { findCompany } from '../identity/index.js';
import type { CreateProductInput } from './api.js';
import { insertProducts } from './create-product.js';

const batchSize = 500;

/**
 * Imports validated products for one supplier in a single transaction: a
 * failure anywhere leaves the catalog exactly as it was.
 */
export const importProducts = async (
  db: Db,
  input: {
    supplierId: string;
    products: readonly CreateProductInput[];
    now: Date;
    onProgress?: (done: number) => void;
  },
): Promise<number> => {
  const supplier = await findCompany(db, input.supplierId);
  if (supplier?.kind !== 'supplier') {
    throw new AppError('NOT_FOUND', `No supplier company ${input.supplierId}`, {
      supplierId: input.supplierId,
    });
  }
  await db.transaction(async (tx) => {
    for (let done = 0; done < input.products.length; done += batchSize) {
      const batch = input.products.slice(done, done + batchSize);
      await insertProducts(tx as unknown as Db, supplier.id, batch, input.now);
      input.onProgress?.(done + batch.length);
    }
  });
  return input.products.length;
};
