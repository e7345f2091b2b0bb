import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { type DemoCompany, generateProduct, generateSuppliers } from '../src/demo/generate.js';
import type { Random } from '../src/demo/random.js';
import { productColumns, toPriceTiers } from '../src/modules/catalog/create-product.js';
import type { PriceTier } from '../src/modules/catalog/pricing.js';
import type { ProductRow } from '../src/modules/catalog/product-store.js';
import { productDocument } from '../src/modules/catalog/search-documents.js';
import { type CompanyCard, companies, toCompanyCard } from '../src/modules/identity/index.js';
import { searchIndex } from '../src/modules/search/index.js';

// Bulk generation for benchmarks. Products, tiers and suppliers are made by the
// demo generator (src/demo), and every index entry goes through the real
// document builder and `searchIndex.index`: only the row inserts are batched
// SQL instead of the per-request use case, so a million listings load in minutes.

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
/** Deterministic ids in the real shape (prefix + 22 base32 characters), so runs are comparable. */
const benchId = (prefix: string, n: number) => {
  let tail = '';
  for (let i = 0, v = n; i < 22; i++, v = Math.floor(v / 32)) tail = alphabet[v % 32] + tail;
  return `${prefix}_${tail}`;
};

export type Supplier = { card: CompanyCard; demo: DemoCompany };

/** `count` suppliers numbered from `firstIndex` (ids and slugs stay unique across calls). */
export const insertSuppliers = async (
  db: Db,
  random: Random,
  count: number,
  firstIndex = 0,
): Promise<Supplier[]> => {
  const demos = generateSuppliers(random, count);
  const rows = demos.map((c, n) => ({
    id: benchId('co', firstIndex + n),
    name: c.name,
    slug: `${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${firstIndex + n}`,
    kind: c.kind,
    country: c.country,
    province: c.province,
    yearEstablished: c.yearEstablished,
    verificationLevel: c.verificationLevel,
    auditorName: c.auditorName,
    verifiedAt: c.verificationLevel === 'unverified' ? null : c.joinedAt,
    createdAt: c.joinedAt,
  }));
  const inserted = await db.insert(companies).values(rows).returning();
  return inserted.map((row, i) => ({ card: toCompanyCard(row), demo: demos[i]! }));
};

const insertRows = async (db: Db, rows: readonly ProductRow[], tiers: Map<string, PriceTier[]>) => {
  const payload = rows.map((r) => ({
    company_id: r.companyId,
    id: r.id,
    category_code: r.categoryCode,
    hs_code: r.hsCode,
    title_en: r.titleEn,
    title_zh: r.titleZh,
    title_es: r.titleEs,
    description_en: r.descriptionEn,
    attributes: r.attributes,
    certifications: r.certifications,
    origin_province: r.originProvince,
    moq: r.moq,
    unit: r.unit,
    currency: r.currency,
    lead_time_tiers: r.leadTimeTiers,
    sample_price: r.samplePrice === null ? null : String(r.samplePrice),
    customization_options: r.customizationOptions,
    monthly_capacity: r.monthlyCapacity,
    package_size: r.packageSize,
    status: r.status,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  }));
  await db.execute(sql`
    insert into products (company_id, id, category_code, hs_code, title_en, title_zh, title_es, description_en,
      attributes, certifications, origin_province, moq, unit, currency, lead_time_tiers, sample_price,
      customization_options, monthly_capacity, package_size, status, created_at, updated_at)
    select * from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(company_id text, id text,
      category_code text, hs_code text, title_en text, title_zh text, title_es text, description_en text,
      attributes jsonb, certifications text[], origin_province text, moq int, unit text, currency text,
      lead_time_tiers jsonb, sample_price bigint, customization_options text[], monthly_capacity int,
      package_size jsonb, status text, created_at timestamptz, updated_at timestamptz)`);
  const tierRows = rows.flatMap((r) =>
    (tiers.get(r.id) ?? []).map((t) => ({
      company_id: r.companyId,
      product_id: r.id,
      min_quantity: t.minQuantity,
      max_quantity: t.maxQuantity,
      unit_price: String(t.unitPrice),
    })),
  );
  await db.execute(sql`
    insert into product_price_tiers (company_id, product_id, min_quantity, max_quantity, unit_price)
    select * from jsonb_to_recordset(${JSON.stringify(tierRows)}::jsonb) as x(company_id text, product_id text,
      min_quantity int, max_quantity int, unit_price bigint)`);
};

/**
 * Inserts `count` products spread over the suppliers (each lists nouns of its
 * industries, ~40 % titled in Chinese and Spanish too) with their tiers and
 * index entries, `batchSize` per round trip.
 */
export const insertProducts = async (
  db: Db,
  options: {
    random: Random;
    suppliers: readonly Supplier[];
    count: number;
    batchSize: number;
    now: Date;
    onProgress: (done: number) => void;
  },
): Promise<void> => {
  const { random, suppliers, count, batchSize, now } = options;
  for (let start = 0; start < count; start += batchSize) {
    const rows: ProductRow[] = [];
    const tiers = new Map<string, PriceTier[]>();
    const cards: CompanyCard[] = [];
    for (let n = start; n < Math.min(count, start + batchSize); n++) {
      const supplier = suppliers[Math.floor(random.next() * suppliers.length)]!;
      const input = generateProduct(random, supplier.demo, random.chance(0.4));
      const row: ProductRow = {
        companyId: supplier.card.id,
        id: benchId('prd', n),
        ...productColumns(input),
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      rows.push(row);
      tiers.set(row.id, toPriceTiers(input.priceTiers));
      cards.push(supplier.card);
    }
    await insertRows(db, rows, tiers);
    await searchIndex.index(
      db,
      rows.map((row, i) => productDocument(row, tiers.get(row.id)!, cards[i]!, now)),
      { refreshStats: false },
    );
    options.onProgress(start + rows.length);
  }
  // Once for everyone: per batch it would rescan every touched supplier's listings again and again.
  await searchIndex.refreshSupplierStats(db, 'all');
};

/**
 * A whole benchmark catalog: `suppliers` companies (made in chunks of 500,
 * which the demo name bank can name uniquely) and `products` spread over
 * them, logging progress every 10 s.
 */
export const generateCatalog = async (
  db: Db,
  o: { random: Random; suppliers: number; products: number; batch: number; now: Date },
): Promise<Supplier[]> => {
  const startedAt = performance.now();
  const suppliers: Supplier[] = [];
  for (let done = 0; done < o.suppliers; done += 500)
    suppliers.push(...(await insertSuppliers(db, o.random, Math.min(500, o.suppliers - done), done)));
  let lastLog = 0;
  await insertProducts(db, {
    random: o.random,
    suppliers,
    count: o.products,
    batchSize: o.batch,
    now: o.now,
    onProgress: (done) => {
      if (done === o.products || performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
        console.log(
          `  generated ${done.toLocaleString('en')} / ${o.products.toLocaleString('en')} products (${seconds} s)`,
        );
      }
    },
  });
  return suppliers;
};
