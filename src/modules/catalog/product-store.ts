import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { moneyJson } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { type CompanyCard, findCompanyCards } from '../identity/index.js';
import type { ProductSummary, ProductView } from './api.js';
import type { PriceTier } from './pricing.js';
import { activePromotions, type ProductPromotion, type SellingTier, sellingTiers } from './promotions.js';
import { productImages, productPriceTiers, products } from './schema.js';

export type ProductRow = typeof products.$inferSelect;

export const findProductRow = async (db: Db, id: string): Promise<ProductRow | undefined> =>
  (await db.select().from(products).where(eq(products.id, id)).limit(1))[0];

export const findPriceTiers = async (db: Db, companyId: string, productId: string): Promise<PriceTier[]> =>
  db
    .select({
      minQuantity: productPriceTiers.minQuantity,
      maxQuantity: productPriceTiers.maxQuantity,
      unitPrice: productPriceTiers.unitPrice,
    })
    .from(productPriceTiers)
    .where(and(eq(productPriceTiers.companyId, companyId), eq(productPriceTiers.productId, productId)))
    .orderBy(asc(productPriceTiers.minQuantity));

/**
 * A product's tiers at the price they sell for at `at`: the list price, or
 * the promoted one while a promotion runs. Orders price from this, on the
 * server, never from what a client sends.
 */
export const findSellingPriceTiers = async (
  db: Db,
  product: { companyId: string; id: string },
  at: Date,
): Promise<{ tiers: SellingTier[]; promotion: ProductPromotion | null }> => {
  const promotion = (await activePromotions(db, [product.id], at)).get(product.id) ?? null;
  const tiers = sellingTiers(await findPriceTiers(db, product.companyId, product.id), promotion ?? undefined);
  return { tiers, promotion };
};

export const imageUrl = (id: string) => `/api/images/${id}`;

export const toProductView = async (
  db: Db,
  row: ProductRow,
  supplier: CompanyCard,
  at: Date,
): Promise<ProductView> => {
  const { tiers, promotion } = await findSellingPriceTiers(db, row, at);
  const images = await db
    .select({ id: productImages.id })
    .from(productImages)
    .where(and(eq(productImages.companyId, row.companyId), eq(productImages.productId, row.id)))
    .orderBy(asc(productImages.createdAt));
  return {
    id: row.id,
    companyId: row.companyId,
    supplier,
    categoryCode: row.categoryCode,
    hsCode: row.hsCode,
    title: { en: row.titleEn, zh: row.titleZh, es: row.titleEs },
    description: { en: row.descriptionEn, zh: row.descriptionZh, es: row.descriptionEs },
    attributes: row.attributes,
    certifications: row.certifications,
    originProvince: row.originProvince,
    moq: row.moq,
    unit: row.unit,
    currency: row.currency,
    priceTiers: tiers.map((t) => ({
      minQuantity: t.minQuantity,
      maxQuantity: t.maxQuantity,
      unitPrice: moneyJson(t.listUnitPrice, row.currency),
    })),
    leadTimeTiers: row.leadTimeTiers,
    samplePrice: row.samplePrice === null ? null : moneyJson(row.samplePrice, row.currency),
    customizationOptions: row.customizationOptions,
    monthlyCapacity: row.monthlyCapacity,
    packageSize: row.packageSize ?? null,
    images: images.map((i) => ({ id: i.id, url: imageUrl(i.id) })),
    promotion: promotion && {
      id: promotion.id,
      name: promotion.name,
      startsAt: promotion.startsAt.toISOString(),
      endsAt: promotion.endsAt.toISOString(),
      priceTiers: tiers.map((t) => ({
        minQuantity: t.minQuantity,
        maxQuantity: t.maxQuantity,
        percentOff: t.percentOff,
        unitPrice: moneyJson(t.unitPrice, row.currency),
      })),
    },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};

/** The price range of the promoted products among `ids`, at `at`. */
const promotedRanges = async (db: Db, ids: readonly string[], at: Date) => {
  const promotions = await activePromotions(db, ids, at);
  if (promotions.size === 0) return new Map<string, { min: bigint; max: bigint; endsAt: Date }>();
  const tiers = await db
    .select()
    .from(productPriceTiers)
    .where(inArray(productPriceTiers.productId, [...promotions.keys()]));
  const ranges = new Map<string, { min: bigint; max: bigint; endsAt: Date }>();
  for (const [productId, promotion] of promotions) {
    const prices = sellingTiers(
      tiers.filter((t) => t.productId === productId),
      promotion,
    )
      .map((t) => t.unitPrice)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (prices.length === 0) continue;
    ranges.set(productId, { min: prices[0]!, max: prices.at(-1)!, endsAt: promotion.endsAt });
  }
  return ranges;
};

/** Summaries for result lists, in the order of `keys`, in a few queries whatever the page size. */
export const findProductSummaries = async (
  db: Db,
  keys: readonly { companyId: string; productId: string }[],
  at: Date,
): Promise<ProductSummary[]> => {
  if (keys.length === 0) return [];
  const ids = keys.map((k) => k.productId);
  const rows = await db
    .select({
      id: products.id,
      companyId: products.companyId,
      titleEn: products.titleEn,
      titleZh: products.titleZh,
      titleEs: products.titleEs,
      categoryCode: products.categoryCode,
      moq: products.moq,
      unit: products.unit,
      currency: products.currency,
      // Written out qualified: Drizzle renders `${products.companyId}` as a bare
      // "company_id", which inside the subquery would mean the subquery's own column.
      minPrice: sql<string>`(select min(unit_price) from product_price_tiers t
        where t.company_id = products.company_id and t.product_id = products.id)`,
      maxPrice: sql<string>`(select max(unit_price) from product_price_tiers t
        where t.company_id = products.company_id and t.product_id = products.id)`,
      imageId: sql<string | null>`(select i.id from product_images i
        where i.company_id = products.company_id and i.product_id = products.id
        order by i.created_at, i.id limit 1)`,
    })
    .from(products)
    .where(inArray(products.id, ids));
  const cards = await findCompanyCards(
    db,
    rows.map((r) => r.companyId),
  );
  const promoted = await promotedRanges(db, ids, at);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    const supplier = r && cards.get(r.companyId);
    if (!r || !supplier) return [];
    const promotion = promoted.get(id);
    return [
      {
        id: r.id,
        title: { en: r.titleEn, zh: r.titleZh, es: r.titleEs },
        categoryCode: r.categoryCode,
        moq: r.moq,
        unit: r.unit,
        price: {
          min: moneyJson(BigInt(r.minPrice ?? 0), r.currency),
          max: moneyJson(BigInt(r.maxPrice ?? 0), r.currency),
        },
        promotedPrice: promotion
          ? {
              min: moneyJson(promotion.min, r.currency),
              max: moneyJson(promotion.max, r.currency),
              endsAt: promotion.endsAt.toISOString(),
            }
          : null,
        supplier,
        imageUrl: r.imageId ? imageUrl(r.imageId) : null,
      },
    ];
  });
};
