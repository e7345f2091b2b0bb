import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { productImages, productPriceTiers, products, taxonomyPath } from '../catalog/index.js';
import { companies } from '../identity/index.js';
import type { ListingFacts } from './quality-score.js';

export type Listing = ListingFacts & { productId: string; companyId: string; active: boolean };

const longest = (...texts: (string | null)[]) => Math.max(0, ...texts.map((t) => t?.length ?? 0));

/** What the quality score reads about these products, in four queries whatever their number. */
export const findListings = async (db: Db, productIds: readonly string[]): Promise<Map<string, Listing>> => {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(products).where(inArray(products.id, ids));
  const images = await db
    .select({ productId: productImages.productId, n: count() })
    .from(productImages)
    .where(inArray(productImages.productId, ids))
    .groupBy(productImages.productId);
  const tiers = await db
    .select({ productId: productPriceTiers.productId, n: count() })
    .from(productPriceTiers)
    .where(inArray(productPriceTiers.productId, ids))
    .groupBy(productPriceTiers.productId);
  const suppliers = await db
    .select({ id: companies.id, verificationLevel: companies.verificationLevel })
    .from(companies)
    .where(inArray(companies.id, [...new Set(rows.map((r) => r.companyId))]));
  const imageCount = new Map(images.map((r) => [r.productId, r.n]));
  const tierCount = new Map(tiers.map((r) => [r.productId, r.n]));
  const verification = new Map(suppliers.map((s) => [s.id, s.verificationLevel]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        productId: r.id,
        companyId: r.companyId,
        active: r.status === 'active',
        titles: { en: r.titleEn, zh: r.titleZh, es: r.titleEs },
        categoryNames: taxonomyPath(r.categoryCode).nodes.flatMap((n) => [n.name.en, n.name.zh, n.name.es]),
        descriptionLength: longest(r.descriptionEn, r.descriptionZh, r.descriptionEs),
        imageCount: imageCount.get(r.id) ?? 0,
        priceTierCount: tierCount.get(r.id) ?? 0,
        attributeCount: r.attributes.length,
        certificationCount: r.certifications.length,
        verificationLevel: verification.get(r.companyId) ?? 'unverified',
      },
    ]),
  );
};
