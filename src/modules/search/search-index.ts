import type { Db } from '../../db/client.js';
import type { Language } from './glossary.js';

/** What the catalog hands the index for one product. */
export type ProductDocument = {
  companyId: string;
  productId: string;
  industryCode: string;
  categoryCode: string;
  subcategoryCode: string | null;
  /** Title (weighted highest) and the rest (description, attributes, category names) per language. */
  text: Record<Language, { title: string; body: string }>;
  minPriceUsdCents: number;
  moq: number;
  province: string | null;
  verificationLevel: string;
  certifications: string[];
  supplierQuality: number;
  monthlyCapacity: number | null;
};

export type ProductQuery = {
  q: string;
  lang?: Language;
  /** Any taxonomy code: industry, category or sub-category. */
  category?: string;
  minPriceUsdCents?: number;
  maxPriceUsdCents?: number;
  maxMoq?: number;
  province?: string;
  /** Lowest verification level accepted. */
  verified?: string;
  certification?: string;
  page: number;
  pageSize: number;
};

export type FacetBucket = { value: string; count: number };

export type ProductHit = { companyId: string; productId: string; score: number };

export type ProductSearchResult = {
  /** Matching listings, exact up to the match cap. */
  total: number;
  /** True when more listings match than were read: `total` is then "at least". */
  totalIsLowerBound: boolean;
  hits: ProductHit[];
  facets: {
    category: FacetBucket[];
    province: FacetBucket[];
    verification: FacetBucket[];
    certification: FacetBucket[];
    price: FacetBucket[];
    maxMoq: FacetBucket[];
  };
  /** How the query was understood: languages searched, glossary translations, typo corrections. */
  interpretation: { queries: Partial<Record<Language, string>>; corrections: Record<string, string> };
};

/**
 * The search engine behind product and supplier search. The Postgres
 * implementation is the only one today; the interface keeps a dedicated
 * engine possible without touching callers.
 */
export type SupplierHit = { companyId: string; matches: number; score: number };

/** What supplier matching asks: the suppliers with listings in an industry, and how well they fit. */
export type SupplierMatchQuery = {
  /** Free text in any of en, zh, es; any word may match (a request is not a filter). */
  text: string;
  lang?: Language;
  industryCode: string;
  categoryCode: string;
  subcategoryCode: string | null;
};

/** One supplier with listings in the industry, at the closest taxonomy level it lists in. */
export type SupplierCandidate = {
  companyId: string;
  /** 3 same sub-category, 2 same category, 1 same industry. */
  categoryLevel: 1 | 2 | 3;
  /** Text rank of its listing titles in the RFQ's category (0 when no word matched). */
  textRank: number;
  /** Lowest MOQ among its listings at that level. */
  minMoq: number;
  listings: number;
  /** Sum of the monthly capacities its listings in the RFQ's category state (null: none states one). */
  monthlyCapacity: number | null;
  supplierQuality: number;
  verificationLevel: string;
};

export type SearchIndex = {
  matchSuppliers: (db: Db, query: SupplierMatchQuery) => Promise<SupplierCandidate[]>;
  searchSuppliers: (
    db: Db,
    query: Omit<ProductQuery, 'minPriceUsdCents' | 'maxPriceUsdCents' | 'maxMoq' | 'certification'>,
  ) => Promise<{ total: number; hits: SupplierHit[] }>;
  /**
   * Adds or replaces entries. Each company touched has its listing stats
   * recomputed unless `refreshStats` is false (bulk loads refresh once at the end).
   */
  index: (
    db: Db,
    documents: readonly ProductDocument[],
    options?: { refreshStats?: boolean },
  ) => Promise<void>;
  remove: (db: Db, companyId: string, productId: string) => Promise<void>;
  /** Recomputes the per-supplier listing stats of these companies (or of every company). */
  refreshSupplierStats: (db: Db, companyIds: readonly string[] | 'all') => Promise<void>;
  search: (db: Db, query: ProductQuery) => Promise<ProductSearchResult>;
  /** Replaces every supplier's ranking boost (a fraction added to its listings' rank; absent is 0). */
  setSupplierBoosts: (db: Db, boosts: ReadonlyMap<string, number>) => Promise<void>;
};
