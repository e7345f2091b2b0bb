// Hand-written from the server's HTTP contract until types are generated from
// /openapi.json; keep field names exactly as the server sends them.

export type LocalizedName = { en: string; zh: string; es: string };

/** Integer minor units as a string, so no precision is lost in JSON. */
export type Money = { amount: string; currency: string };

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown } };

export type TaxonomyLevel = 'industry' | 'category' | 'subcategory';

export type TaxonomyNode = {
  code: string;
  level: TaxonomyLevel;
  parent: string | null;
  name: LocalizedName;
  hsHeadings: string[];
};

export type TaxonomyResponse = { nodes: TaxonomyNode[] };

export type Province = { code: string; name: LocalizedName };
export type ProvincesResponse = { provinces: Province[] };

export type VerificationLevel = 'unverified' | 'licence_checked' | 'onsite_audited';
export type CompanyKind = 'supplier' | 'buyer' | 'forwarder' | 'operator';

export type CompanyCard = {
  id: string;
  name: string;
  kind: CompanyKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  province: string | null;
  yearEstablished: number | null;
  verificationLevel: VerificationLevel;
  auditorName: string | null;
  /** ISO date. */
  memberSince: string;
};

export type CompanyDetail = CompanyCard & {
  credibility: { yearsOnPlatform: number; productCount: number };
};

export type ProductSummary = {
  id: string;
  title: { en: string; zh: string | null; es: string | null };
  categoryCode: string;
  moq: number;
  unit: string;
  price: { min: Money; max: Money };
  supplier: CompanyCard;
  imageUrl: string | null;
};

export type Paged<T> = { total: number; page: number; pageSize: number; items: T[] };

export type Bucket = { value: string; count: number };

export type SearchFacets = {
  category: Bucket[];
  province: Bucket[];
  verification: Bucket[];
  certification: Bucket[];
  /** Values like '5-20' or '500-' in USD major units. */
  price: Bucket[];
  /** Values like '10', '100': count of products with MOQ at most that value. */
  maxMoq: Bucket[];
};

export type SearchLang = 'en' | 'zh' | 'es';

export type SearchInterpretation = {
  queries: Partial<Record<SearchLang, string>>;
  corrections: Record<string, string>;
};

export type SearchResponse = Paged<ProductSummary> & {
  facets: SearchFacets;
  interpretation: SearchInterpretation;
};

export type SearchParams = {
  q?: string;
  lang: SearchLang;
  category?: string;
  minPrice?: string;
  maxPrice?: string;
  maxMoq?: string;
  province?: string;
  verified?: 'licence_checked' | 'onsite_audited';
  certification?: string;
  page?: number;
  pageSize?: number;
};

export type PriceTier = { minQuantity: number; maxQuantity: number | null; unitPrice: Money };
export type LeadTimeTier = { maxQuantity: number | null; days: number };
export type PackageSize = { lengthCm: number; widthCm: number; heightCm: number; weightKg: number };

export type ProductDetail = {
  id: string;
  companyId: string;
  supplier: CompanyCard;
  categoryCode: string;
  hsCode: string;
  title: LocalizedName;
  description: LocalizedName;
  attributes: { name: string; value: string }[];
  certifications: string[];
  originProvince: string | null;
  moq: number;
  unit: string;
  currency: string;
  priceTiers: PriceTier[];
  leadTimeTiers: LeadTimeTier[];
  samplePrice: Money | null;
  customizationOptions: string[];
  monthlyCapacity: number | null;
  packageSize: PackageSize | null;
  images: { id: string; url: string }[];
  status: string;
  createdAt: string;
  updatedAt: string;
};

export type PriceQuote = {
  quantity: number;
  unitPrice: Money;
  total: Money;
  tier: { minQuantity: number; maxQuantity: number | null };
};

export type HsCode = {
  code: string;
  description: string;
  level: number | string;
  section: string | null;
  parent: string | null;
};

export type Me = {
  user: { id: string; name: string; email: string; locale: string | null };
  company: CompanyCard | null;
  role: string | null;
};
