import type { Actor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { actsFor, requireRole } from '../identity/index.js';

type ProductRecord = { id: string; companyId: string; status: 'active' | 'archived' };

/** Who may list and edit products: supplier members who sell. */
export const productEditors = { kinds: ['supplier'], roles: ['owner', 'admin', 'sales'] } as const;

/**
 * The one place catalog access is decided. Active products are public;
 * archived ones only their supplier and the operator see. Another company's
 * product is "not found" to an editor, never "forbidden" (no existence leak).
 */
export const catalogPolicy = {
  assertCanRead: (actor: Actor, product: ProductRecord | undefined, id: string): ProductRecord => {
    if (!product || (product.status === 'archived' && !actsFor(actor, product.companyId))) {
      throw notFound('Product', id);
    }
    return product;
  },
  assertCanCreate: (actor: Actor) => requireRole(actor, productEditors),
  assertCanEdit: (actor: Actor, product: ProductRecord | undefined, id: string) => {
    const editor = requireRole(actor, productEditors);
    if (!product || product.companyId !== editor.companyId) throw notFound('Product', id);
    return editor;
  },
};
