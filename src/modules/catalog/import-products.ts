import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { findCompany } from '../identity/index.js';
import type { CreateProductInput } from './api.js';
import { insertProducts } from './create-product.js';

const batchSize = 500;

/**
 * Imports validated products (their ids, in file order) for one supplier in a single transaction: a
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
): Promise<string[]> => {
  const supplier = await findCompany(db, input.supplierId);
  if (supplier?.kind !== 'supplier') {
    throw new AppError('NOT_FOUND', `No supplier company ${input.supplierId}`, {
      supplierId: input.supplierId,
    });
  }
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let done = 0; done < input.products.length; done += batchSize) {
      const batch = input.products.slice(done, done + batchSize);
      const inserted = await insertProducts(tx as unknown as Db, supplier.id, batch, input.now);
      ids.push(...inserted.map((p) => p.id));
      input.onProgress?.(done + batch.length);
    }
    return ids;
  });
};
