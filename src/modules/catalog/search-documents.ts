import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type CompanyCard, findCompanyCards, supplierQuality } from '../identity/index.js';
import { type ProductDocument, searchIndex } from '../search/index.js';
import { indicativeUsdCents } from './fx-indicative.js';
import type { PriceTier } from './pricing.js';
import type { ProductRow } from './product-store.js';
import { taxonomyPath } from './reference.js';
import { productPriceTiers, products } from './schema.js';

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' \n ');

/**
 * A product as the search index sees it. The category path's names go in
 * all three languages: that is how "bomba de agua" finds an English-only
 * listing filed under water pumps.
 */
export const productDocument = (
  row: ProductRow,
  tiers: readonly PriceTier[],
  supplier: CompanyCard,
  now: Date,
): ProductDocument => {
  const path = taxonomyPath(row.categoryCode);
  const names = (language: 'en' | 'zh' | 'es') => path.nodes.map((n) => n.name[language]).join(' ');
  const attributes = row.attributes.map((a) => `${a.name} ${a.value}`).join(' ');
  const minPrice = tiers.reduce<bigint | null>(
    (min, t) => (min === null || t.unitPrice < min ? t.unitPrice : min),
    null,
  );
  return {
    companyId: row.companyId,
    productId: row.id,
    industryCode: path.industry?.code ?? row.categoryCode,
    categoryCode: path.category?.code ?? row.categoryCode,
    subcategoryCode: path.subcategory?.code ?? null,
    text: {
      en: {
        title: row.titleEn,
        body: join(row.descriptionEn, attributes, names('en'), row.certifications.join(' ')),
      },
      es: { title: row.titleEs ?? '', body: join(row.descriptionEs, names('es')) },
      zh: { title: row.titleZh ?? '', body: join(row.descriptionZh, names('zh')) },
    },
    minPriceUsdCents: minPrice === null ? 0 : indicativeUsdCents(minPrice, row.currency),
    moq: row.moq,
    province: row.originProvince ?? supplier.province,
    verificationLevel: supplier.verificationLevel,
    certifications: row.certifications,
    supplierQuality: supplierQuality(supplier, now),
    monthlyCapacity: row.monthlyCapacity,
  };
};

/** Rewrites the index entries of these products (archived ones are removed). */
export const reindexProducts = async (db: Db, rows: readonly ProductRow[], now: Date): Promise<void> => {
  if (rows.length === 0) return;
  const cards = await findCompanyCards(
    db,
    rows.map((r) => r.companyId),
  );
  const tiers = await db
    .select()
    .from(productPriceTiers)
    .where(
      inArray(
        productPriceTiers.productId,
        rows.map((r) => r.id),
      ),
    );
  const tiersOf = new Map<string, PriceTier[]>();
  for (const t of tiers) tiersOf.set(t.productId, [...(tiersOf.get(t.productId) ?? []), t]);
  const documents: ProductDocument[] = [];
  for (const row of rows) {
    const card = cards.get(row.companyId);
    if (row.status !== 'active' || !card) await searchIndex.remove(db, row.companyId, row.id);
    else documents.push(productDocument(row, tiersOf.get(row.id) ?? [], card, now));
  }
  await searchIndex.index(db, documents);
};

/** A supplier's verification changed: every one of its listings carries the new level. */
export const reindexCompanyProducts = async (db: Db, companyId: string, now: Date): Promise<void> => {
  const rows = await db
    .select()
    .from(products)
    .where(and(eq(products.companyId, companyId), eq(products.status, 'active')));
  for (let i = 0; i < rows.length; i += 500) await reindexProducts(db, rows.slice(i, i + 500), now);
};
