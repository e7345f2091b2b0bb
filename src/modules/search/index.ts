/** Search and discovery: multilingual full-text product search with facets, behind `SearchIndex`. */
export { type GlossaryEntry, type Language, languages, loadGlossary } from './glossary.js';

import { createPostgresSearchIndex } from './postgres-index.js';

export { createPostgresSearchIndex, moqLimits, priceBucketsUsd } from './postgres-index.js';
export type {
  FacetBucket,
  ProductDocument,
  ProductHit,
  ProductQuery,
  ProductSearchResult,
  SearchIndex,
  SupplierCandidate,
  SupplierHit,
  SupplierMatchQuery,
} from './search-index.js';
export { chineseIndexTokens, chineseQueryWords, hasHan, latinWords, singularize } from './text.js';
export { verificationOrder, verificationRank } from './verification-rank.js';

/** The index every module searches through. */
export const searchIndex = createPostgresSearchIndex();
