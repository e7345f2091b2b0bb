import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { companies } from '../identity/schema.js';

// Reference tables: small, shared by every tenant, loaded from data/.

export const hsCodes = pgTable('hs_codes', {
  code: text().primaryKey(),
  section: text().notNull(),
  description: text().notNull(),
  parent: text(),
  level: smallint().notNull(),
});

export const taxonomyNodes = pgTable(
  'taxonomy_nodes',
  {
    code: text().primaryKey(),
    level: text().$type<'industry' | 'category' | 'subcategory'>().notNull(),
    parent: text(),
    nameEn: text().notNull(),
    nameZh: text().notNull(),
    nameEs: text().notNull(),
    hsHeadings: text().array().notNull(),
    position: integer().notNull(),
  },
  (t) => [index().on(t.parent)],
);

export const provinces = pgTable('provinces', {
  code: text().primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
});

// Tenant tables: company_id leads the primary key (Citus distribution column).

export type Attribute = { name: string; value: string };
export type LeadTimeTier = { maxQuantity: number | null; days: number };
export type PackageSize = { lengthCm: number; widthCm: number; heightCm: number; weightKg: number };

export const products = pgTable(
  'products',
  {
    companyId: text()
      .notNull()
      .references(() => companies.id),
    id: text().notNull(),
    categoryCode: text().notNull(),
    hsCode: text()
      .notNull()
      .references(() => hsCodes.code),
    titleEn: text().notNull(),
    titleZh: text(),
    titleEs: text(),
    descriptionEn: text().notNull().default(''),
    descriptionZh: text(),
    descriptionEs: text(),
    attributes: jsonb().$type<Attribute[]>().notNull().default([]),
    certifications: text().array().notNull().default([]),
    originProvince: text(),
    moq: integer().notNull(),
    unit: text().notNull(),
    /** ISO 4217; every money amount of the product is in this currency. */
    currency: text().notNull(),
    leadTimeTiers: jsonb().$type<LeadTimeTier[]>().notNull().default([]),
    /** Minor units of `currency`. */
    samplePrice: bigint({ mode: 'bigint' }),
    customizationOptions: text().array().notNull().default([]),
    monthlyCapacity: integer(),
    packageSize: jsonb().$type<PackageSize>(),
    status: text().$type<'active' | 'archived'>().notNull().default('active'),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), index().on(t.id)],
);

/** Quantity tiers: [minQuantity, maxQuantity] inclusive, the last one open (maxQuantity null). */
export const productPriceTiers = pgTable(
  'product_price_tiers',
  {
    companyId: text().notNull(),
    productId: text().notNull(),
    minQuantity: integer().notNull(),
    maxQuantity: integer(),
    unitPrice: bigint({ mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.productId, t.minQuantity] })],
);

export const productImages = pgTable(
  'product_images',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    productId: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    /** Path relative to the data dir's uploads folder; never taken from the client. */
    storagePath: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] }), index().on(t.productId)],
);
