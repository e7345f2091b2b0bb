import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { findCompany, toCompanyCard } from '../identity/index.js';
import type { CreateProductInput, ProductView } from './api.js';
import { catalogPolicy } from './policy.js';
import { type PriceTier, priceTierProblems } from './pricing.js';
import { type ProductRow, toProductView } from './product-store.js';
import { productPriceTiers, products } from './schema.js';
import { reindexProducts } from './search-documents.js';

export const toPriceTiers = (input: CreateProductInput['priceTiers']): PriceTier[] =>
  input.map((t) => ({
    minQuantity: t.minQuantity,
    maxQuantity: t.maxQuantity,
    unitPrice: BigInt(t.unitPrice),
  }));

export const assertValidTiers = (moq: number, tiers: PriceTier[]) => {
  const problems = priceTierProblems(moq, tiers);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Price tiers are invalid: ${problems.join('; ')}`, {
      issues: problems.map((message) => ({ path: 'priceTiers', message })),
    });
  }
};

/** The columns a product row takes from validated input. */
export const productColumns = (input: CreateProductInput) => ({
  categoryCode: input.categoryCode,
  hsCode: input.hsCode,
  titleEn: input.title.en,
  titleZh: input.title.zh ?? null,
  titleEs: input.title.es ?? null,
  descriptionEn: input.description?.en ?? '',
  descriptionZh: input.description?.zh ?? null,
  descriptionEs: input.description?.es ?? null,
  attributes: input.attributes,
  certifications: input.certifications,
  originProvince: input.originProvince ?? null,
  moq: input.moq,
  unit: input.unit,
  currency: input.currency,
  leadTimeTiers: input.leadTimeTiers,
  samplePrice: input.samplePrice ? BigInt(input.samplePrice) : null,
  customizationOptions: input.customizationOptions,
  monthlyCapacity: input.monthlyCapacity ?? null,
  packageSize: input.packageSize ?? null,
});

/** Inserts products with their tiers and index entries; the caller holds the transaction. */
export const insertProducts = async (
  db: Db,
  companyId: string,
  inputs: readonly CreateProductInput[],
  now: Date,
): Promise<ProductRow[]> => {
  const rows = inputs.map((input) => ({
    companyId,
    id: newId('prd', now),
    ...productColumns(input),
    createdAt: now,
    updatedAt: now,
  }));
  const inserted = await db.insert(products).values(rows).returning();
  const tiers = inputs.flatMap((input, i) =>
    toPriceTiers(input.priceTiers).map((t) => ({ companyId, productId: rows[i]!.id, ...t })),
  );
  await db.insert(productPriceTiers).values(tiers);
  await reindexProducts(db, inserted, now);
  return inserted;
};

/** A supplier lists a product: validated, priced, and searchable as soon as the transaction commits. */
export const createProduct = async (ctx: Ctx, input: CreateProductInput): Promise<ProductView> => {
  const editor = catalogPolicy.assertCanCreate(ctx.actor);
  assertValidTiers(input.moq, toPriceTiers(input.priceTiers));
  return inTransaction(ctx, async (tx) => {
    const [row] = await insertProducts(tx.db, editor.companyId, [input], tx.now());
    await tx.events.emit('product.created', { productId: row!.id }, editor.companyId);
    const company = await findCompany(tx.db, editor.companyId);
    return toProductView(tx.db, row!, toCompanyCard(company!), tx.now());
  });
};
