import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { facetTokensSql } from './facet-bands.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable product: its text as one tsvector (English and
 * Spanish stemmed, Chinese segmented into words and bigrams) and the facet
 * fields denormalised from the product and its supplier, so a search touches
 * this table alone.
 */
export const searchProducts = pgTable(
  'search_products',
  {
    companyId: text().notNull(),
    productId: text().notNull(),
    industryCode: text().notNull(),
    categoryCode: text().notNull(),
    subcategoryCode: text(),
    /** Lowest tier unit price converted to US cents, for the price facet. */
    minPriceUsdCents: bigint({ mode: 'number' }).notNull(),
    moq: integer().notNull(),
    province: text(),
    verificationLevel: text().notNull(),
    verificationRank: smallint().notNull(),
    certifications: text().array().notNull(),
    /** 0..1, from the supplier's credibility: breaks relevance ties. */
    supplierQuality: real().notNull(),
    /** The listing's stated monthly capacity, for RFQ matching. */
    monthlyCapacity: integer(),
    document: tsvector().notNull(),
    /** Every filter as tokens in one GIN index (see `facetTokensSql`). */
    facetTokens: text().array().notNull().generatedAlwaysAs(sql.raw(facetTokensSql())),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.productId] }),
    index('search_products_document_idx').using('gin', t.document),
    index('search_products_facet_tokens_idx').using('gin', t.facetTokens),
    index().on(t.categoryCode),
    index().on(t.subcategoryCode),
    index().on(t.industryCode),
  ],
);

/**
 * Per supplier and taxonomy node (its industry, category and sub-category
 * each get a row), what it lists there: a rollup of search_products that RFQ
 * matching reads (a few hundred rows) instead of scanning an industry's
 * listings. Recomputed for a company whenever its entries change, and for
 * everyone nightly.
 */
export const supplierListingStats = pgTable(
  'supplier_listing_stats',
  {
    companyId: text().notNull(),
    nodeCode: text().notNull(),
    /** 1 industry, 2 category, 3 sub-category. */
    level: smallint().notNull(),
    listings: integer().notNull(),
    minMoq: integer().notNull(),
    /** Sum of the stated monthly capacities; null when no listing states one. */
    monthlyCapacity: bigint({ mode: 'number' }),
    supplierQuality: real().notNull(),
    verificationLevel: text().notNull(),
    /**
     * On category rows: every distinct word of the supplier's listing titles
     * there (stemmed, in all three languages), so RFQ matching ranks ~500
     * suppliers' vocabularies instead of every matching listing.
     */
    titleTerms: tsvector(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.nodeCode] }), index().on(t.nodeCode)],
);

/**
 * A ranking boost per supplier, 0 when absent: product and supplier search
 * rank relevance × supplier quality × (1 + boost). Merchant tiering sets it
 * from each supplier's tier (`setSupplierBoosts`); search only reads it.
 */
export const searchSupplierBoosts = pgTable('search_supplier_boosts', {
  companyId: text().primaryKey(),
  boost: real().notNull(),
});

/** Every distinct word of the indexed texts, to correct typos by trigram similarity. */
export const searchVocabulary = pgTable(
  'search_vocabulary',
  {
    term: text().primaryKey(),
  },
  (t) => [index('search_vocabulary_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

/** The trade glossary (data/glossary.csv): one concept in en, zh-CN and es. */
export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    id: serial().primaryKey(),
    en: text().notNull(),
    zh: text().notNull(),
    es: text().notNull(),
  },
  (t) => [index().on(t.en)],
);
