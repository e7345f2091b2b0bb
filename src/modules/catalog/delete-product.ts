import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { searchIndex } from '../search/index.js';
import { catalogPolicy } from './policy.js';
import { findProductRow } from './product-store.js';
import { products } from './schema.js';

/**
 * Deleting a listing archives it: it leaves search and the showroom, but
 * orders and quotes that name it keep a record to point at.
 */
export const deleteProduct = async (ctx: Ctx, input: { productId: string }): Promise<void> =>
  inTransaction(ctx, async (tx) => {
    const row = await findProductRow(tx.db, input.productId);
    const editor = catalogPolicy.assertCanEdit(tx.actor, row, input.productId);
    await tx.db
      .update(products)
      .set({ status: 'archived', updatedAt: tx.now() })
      .where(and(eq(products.companyId, editor.companyId), eq(products.id, input.productId)));
    await searchIndex.remove(tx.db, editor.companyId, input.productId);
    await tx.events.emit('product.archived', { productId: input.productId }, editor.companyId);
  });
