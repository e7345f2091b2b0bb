/** Catalog: taxonomy, HS codes, provinces, supplier products with tier pricing, and product search. */
export * from './api.js';
export { cachedCatalogRead, catalogCacheStats, installCatalogCache } from './catalog-cache.js';
export { createProduct, insertProducts } from './create-product.js';
export { deleteProduct } from './delete-product.js';
export { getProduct, priceProduct } from './get-product.js';
export { importProducts } from './import-products.js';
export { countCompanyProducts, listCompanyProducts } from './list-company-products.js';
export { catalogPolicy, productEditors } from './policy.js';
export { type PriceQuote, type PriceTier, priceTierProblems, resolvePrice } from './pricing.js';
export { parseProductCsv, productCsvColumns } from './product-csv.js';
export {
  findPriceTiers,
  findProductRow,
  findProductSummaries,
  findSellingPriceTiers,
} from './product-store.js';
export {
  activePromotions,
  discountedPrice,
  type ProductPromotion,
  type PromotionSource,
  registerPromotionSource,
  type SellingTier,
  sellingTiers,
} from './promotions.js';
export { hsCodeList, provinceList, taxonomy, taxonomyPath } from './reference.js';
export { loadCatalogReferenceData } from './reference-data.js';
export * from './schema.js';
export { reindexCompanyProducts } from './search-documents.js';
export {
  SearchProductsQuery,
  SearchProductsResult,
  SponsoredResultSchema,
  searchProducts,
} from './search-products.js';
export { SearchSuppliersQuery, SearchSuppliersResult, searchSuppliers } from './search-suppliers.js';
export {
  registerSponsoredSource,
  type SponsoredPlacement,
  type SponsoredSource,
  visitorIdOf,
} from './sponsored.js';
export { updateProduct } from './update-product.js';
