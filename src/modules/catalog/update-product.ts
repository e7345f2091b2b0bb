import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { findCompany, toCompanyCard } from '../identity/index.js';
import type { CreateProductInput, ProductView, UpdateProductInput } from './api.js';
import { assertValidTiers, productColumns, toPriceTiers } from './create-product.js';
import { catalogPolicy } from './policy.js';
import { findPriceTiers, findProductRow, toProductView } from './product-store.js';
import { productPriceTiers, products } from './schema.js';
import { reindexProducts } from './search-documents.js';

/** The supplier edits its own product; the whole result is validated as a new listing would be. */
export const updateProduct = async (
  ctx: Ctx,
  input: { productId: string; changes: UpdateProductInput },
): Promise<ProductView> =>
  inTransaction(ctx, async (tx) => {
    const current = await findProductRow(tx.db, input.productId);
    const editor = catalogPolicy.assertCanEdit(tx.actor, current, input.productId);
    const row = current!;
    const { status, ...changes } = input.changes;
    const tiers = changes.priceTiers
      ? toPriceTiers(changes.priceTiers)
      : await findPriceTiers(tx.db, row.companyId, row.id);
    assertValidTiers(changes.moq ?? row.moq, tiers);

    const merged: CreateProductInput = {
      categoryCode: changes.categoryCode ?? row.categoryCode,
      hsCode: changes.hsCode ?? row.hsCode,
      title: changes.title ?? { en: row.titleEn, zh: row.titleZh, es: row.titleEs },
      description: changes.description ?? {
        en: row.descriptionEn,
        zh: row.descriptionZh,
        es: row.descriptionEs,
      },
      attributes: changes.attributes ?? row.attributes,
      certifications: changes.certifications ?? row.certifications,
      originProvince: changes.originProvince === undefined ? row.originProvince : changes.originProvince,
      moq: changes.moq ?? row.moq,
      unit: changes.unit ?? row.unit,
      currency: changes.currency ?? row.currency,
      priceTiers: [],
      leadTimeTiers: changes.leadTimeTiers ?? row.leadTimeTiers,
      samplePrice:
        changes.samplePrice === undefined ? (row.samplePrice?.toString() ?? null) : changes.samplePrice,
      customizationOptions: changes.customizationOptions ?? row.customizationOptions,
      monthlyCapacity: changes.monthlyCapacity === undefined ? row.monthlyCapacity : changes.monthlyCapacity,
      packageSize: changes.packageSize === undefined ? row.packageSize : changes.packageSize,
    };
    const [updated] = await tx.db
      .update(products)
      .set({ ...productColumns(merged), status: status ?? row.status, updatedAt: tx.now() })
      .where(and(eq(products.companyId, row.companyId), eq(products.id, row.id)))
      .returning();
    if (changes.priceTiers) {
      await tx.db
        .delete(productPriceTiers)
        .where(and(eq(productPriceTiers.companyId, row.companyId), eq(productPriceTiers.productId, row.id)));
      await tx.db
        .insert(productPriceTiers)
        .values(tiers.map((t) => ({ companyId: row.companyId, productId: row.id, ...t })));
    }
    await reindexProducts(tx.db, [updated!], tx.now());
    await tx.events.emit('product.updated', { productId: row.id }, editor.companyId);
    const company = await findCompany(tx.db, row.companyId);
    return toProductView(tx.db, updated!, toCompanyCard(company!), tx.now());
  });
