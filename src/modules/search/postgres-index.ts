import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows, textList } from '../../db/raw-sql.js';
import { bandsOverlapping, moqLimitCovering, moqLimits, priceBucketsUsd } from './facet-bands.js';
import {
  findGlossaryMatches,
  type GlossaryEntry,
  type Language,
  shippedGlossary,
  translateQuery,
} from './glossary.js';
import type {
  FacetBucket,
  ProductDocument,
  ProductQuery,
  ProductSearchResult,
  SearchIndex,
  SupplierCandidate,
  SupplierMatchQuery,
} from './search-index.js';
import { chineseIndexTokens, chineseTsquery, hasHan, latinWords, singularize } from './text.js';
import { verificationRank } from './verification-rank.js';

/**
 * A search reads at most this many matching rows: they are ranked, paged and
 * counted for the facets. Reading every one of 100,000 matches of a common
 * word costs most of a second on the embedded database; past the cap the
 * total is reported as a lower bound ("2,000+") and the buyer refines.
 */
export const matchCap = 2000;
const minTypoWordLength = 4;

export { moqLimits, priceBucketsUsd };

/** Filters narrower than about a fifth of the catalog go through the token index (measured at 1M). */
const selectiveMoqLimit = 100;
const selectiveBands = 2;

type Interpreted = ProductSearchResult['interpretation'] & { tsquery: SQL | null };

/** Full-text search on PostgreSQL (and PGlite): tsvector + GIN, pg_trgm for typos, glossary for languages. */
export const createPostgresSearchIndex = (): SearchIndex => {
  return {
    index: async (db, documents, { refreshStats = true } = {}) => {
      await indexDocuments(db, documents);
      if (refreshStats) await refreshSupplierStats(db, [...new Set(documents.map((d) => d.companyId))]);
    },
    remove: async (db, companyId, productId) => {
      await db.execute(
        sql`delete from search_products where company_id = ${companyId} and product_id = ${productId}`,
      );
      await refreshSupplierStats(db, [companyId]);
    },
    refreshSupplierStats: (db, companyIds) => refreshSupplierStats(db, companyIds),
    setSupplierBoosts: (db, boosts) => setSupplierBoosts(db, boosts),
    search: async (db, query) => {
      const interpreted = await interpret(db, query, shippedGlossary());
      return runSearch(db, query, interpreted);
    },
    searchSuppliers: async (db, query) => {
      const { tsquery } = await interpret(db, query, shippedGlossary());
      return runSupplierSearch(db, query, tsquery);
    },
    matchSuppliers: async (db, query) => {
      const { tsquery } = await interpret(db, { q: query.text, lang: query.lang }, shippedGlossary(), {
        anyWord: true,
      });
      return findSupplierCandidates(db, query, tsquery);
    },
  };
};

const indexDocuments = async (db: Db, documents: readonly ProductDocument[]): Promise<void> => {
  if (documents.length === 0) return;
  const payload = documents.map((d) => ({
    company_id: d.companyId,
    product_id: d.productId,
    industry_code: d.industryCode,
    category_code: d.categoryCode,
    subcategory_code: d.subcategoryCode,
    min_price_usd_cents: d.minPriceUsdCents,
    moq: d.moq,
    province: d.province,
    verification_level: d.verificationLevel,
    verification_rank: verificationRank(d.verificationLevel),
    certifications: d.certifications,
    supplier_quality: d.supplierQuality,
    monthly_capacity: d.monthlyCapacity,
    en_title: d.text.en.title,
    en_body: d.text.en.body,
    es_title: d.text.es.title,
    es_body: d.text.es.body,
    zh_title: chineseIndexTokens(d.text.zh.title),
    zh_body: chineseIndexTokens(d.text.zh.body),
  }));
  await db.execute(sql`
    insert into search_products (company_id, product_id, industry_code, category_code, subcategory_code,
      min_price_usd_cents, moq, province, verification_level, verification_rank, certifications,
      supplier_quality, monthly_capacity, document)
    select company_id, product_id, industry_code, category_code, subcategory_code,
      min_price_usd_cents, moq, province, verification_level, verification_rank, certifications,
      supplier_quality, monthly_capacity,
      setweight(to_tsvector('english', en_title), 'A') || setweight(to_tsvector('english', en_body), 'C')
      || setweight(to_tsvector('spanish', es_title), 'A') || setweight(to_tsvector('spanish', es_body), 'C')
      || setweight(array_to_tsvector(zh_title), 'A') || setweight(array_to_tsvector(zh_body), 'C')
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(
      company_id text, product_id text, industry_code text, category_code text, subcategory_code text,
      min_price_usd_cents bigint, moq int, province text, verification_level text, verification_rank smallint,
      certifications text[], supplier_quality real, monthly_capacity int, en_title text, en_body text,
      es_title text, es_body text,
      zh_title text[], zh_body text[])
    on conflict (company_id, product_id) do update set
      industry_code = excluded.industry_code, category_code = excluded.category_code,
      subcategory_code = excluded.subcategory_code, min_price_usd_cents = excluded.min_price_usd_cents,
      moq = excluded.moq, province = excluded.province, verification_level = excluded.verification_level,
      verification_rank = excluded.verification_rank, certifications = excluded.certifications,
      supplier_quality = excluded.supplier_quality, monthly_capacity = excluded.monthly_capacity,
      document = excluded.document`);

  const vocabulary = new Set<string>();
  for (const d of documents) {
    for (const language of ['en', 'es'] as const) {
      for (const word of latinWords(`${d.text[language].title} ${d.text[language].body}`)) {
        if (word.length >= minTypoWordLength && !/^\d+$/.test(word)) vocabulary.add(word);
      }
    }
  }
  if (vocabulary.size > 0) {
    await db.execute(sql`
      insert into search_vocabulary (term) select jsonb_array_elements_text(${JSON.stringify([...vocabulary])}::jsonb)
      on conflict do nothing`);
  }
};

/** Replaces words the index has never seen by their closest known word (trigram similarity). */
const correctTypos = async (db: Db, text: string): Promise<Record<string, string>> => {
  const words = [...new Set(latinWords(text))].filter((w) => w.length >= minTypoWordLength && !/\d/.test(w));
  if (words.length === 0) return {};
  const known = new Set(
    (
      await queryRows<{ term: string }>(
        db,
        sql`select term from search_vocabulary where term in ${textList(words)}`,
      )
    ).map((r) => r.term),
  );
  const corrections: Record<string, string> = {};
  for (const word of words.filter((w) => !known.has(w))) {
    const [best] = await queryRows<{ term: string }>(
      db,
      sql`select term from search_vocabulary where term % ${word} order by term <-> ${word}, term limit 1`,
    );
    if (best) corrections[word] = best.term;
  }
  return corrections;
};

const applyCorrections = (text: string, corrections: Record<string, string>) =>
  text.replace(/[\p{L}\p{N}]+/gu, (word) => corrections[word] ?? word);

/**
 * Turns the typed query into one tsquery: the text itself in English and
 * Spanish (stemmed) and Chinese (segmented), OR the same query translated
 * through the glossary into the other languages.
 */
const interpret = async (
  db: Db,
  query: Pick<ProductQuery, 'q' | 'lang'>,
  glossary: GlossaryEntry[],
  { anyWord = false } = {},
): Promise<Interpreted> => {
  const typed = query.q.trim().toLowerCase().slice(0, 500);
  if (!typed) return { queries: {}, corrections: {}, tsquery: null };
  // A request's free text is full of words no listing has; "correcting" them adds noise, so matching skips it.
  const corrections =
    anyWord || (hasHan(typed) && !latinWords(typed).length) ? {} : await correctTypos(db, typed);
  // Matching a request reads plurals as the glossary's singulars; search keeps what was typed.
  const text = anyWord
    ? singularize(applyCorrections(typed, corrections))
    : applyCorrections(typed, corrections);
  const source: Language[] = query.lang ? [query.lang] : hasHan(text) ? ['zh'] : ['en', 'es'];
  const matches = findGlossaryMatches(text, glossary, hasHan(text) ? ['zh', ...source] : source);

  const queries: Partial<Record<Language, string>> = {};
  for (const language of ['en', 'es', 'zh'] as const) {
    const translated = matches.length > 0 ? translateQuery(text, matches, language) : text;
    // The Chinese version searches Han words only, so it is used only when it carries every
    // word: "paper pallet" half-translated to "纸 pallet" would otherwise search for 纸 alone.
    const usable =
      language === 'zh'
        ? hasHan(translated) && (hasHan(text) || latinWords(translated).length === 0)
        : latinWords(translated).length > 0;
    if (usable) queries[language] = translated;
  }
  // Latin text that came untranslated is searched in both stemmers: a brand or
  // model number is the same word in either language.
  const parts: SQL[] = [];
  // websearch syntax: words joined by "or" match any of them.
  const words = (text: string) => (anyWord ? latinWords(text).join(' or ') : text);
  if (queries.en) parts.push(sql`websearch_to_tsquery('english', ${words(queries.en)})`);
  if (queries.es) parts.push(sql`websearch_to_tsquery('spanish', ${words(queries.es)})`);
  if (queries.en && query.lang !== 'en')
    parts.push(sql`websearch_to_tsquery('spanish', ${words(queries.en)})`);
  const zh = queries.zh ? chineseTsquery(queries.zh, { anyWord }) : null;
  if (zh) parts.push(sql`${zh}::tsquery`);
  const tsquery = parts.length > 0 ? sql.join(parts, sql` || `) : null;
  return { queries, corrections, tsquery };
};

const filtersOf = (query: ProductQuery): SQL[] => {
  const where: SQL[] = [];
  if (query.category) {
    const depth = query.category.split('/').length;
    const column =
      depth === 1 ? sql`industry_code` : depth === 2 ? sql`category_code` : sql`subcategory_code`;
    where.push(sql`${column} = ${query.category}`);
  }
  if (query.minPriceUsdCents !== undefined) where.push(sql`min_price_usd_cents >= ${query.minPriceUsdCents}`);
  if (query.maxPriceUsdCents !== undefined) where.push(sql`min_price_usd_cents <= ${query.maxPriceUsdCents}`);
  if (query.maxMoq !== undefined) where.push(sql`moq <= ${query.maxMoq}`);
  // Selective filters are also a token test on the facet-token GIN index, so a common word with
  // a rare filter reads only the rows in both posting lists (the exact ranges above re-check).
  // Broad ones (most listings pass) are left to the row filter: intersecting with a posting
  // list of half the catalog costs more than it saves.
  const tokens: string[] = [];
  if (query.maxMoq !== undefined) {
    const limit = moqLimitCovering(query.maxMoq);
    if (limit !== undefined && limit <= selectiveMoqLimit) tokens.push(`m:${limit}`);
  }
  if (query.province) tokens.push(`p:${query.province}`);
  const rank = query.verified ? verificationRank(query.verified) : 0;
  if (rank >= 2) tokens.push(`v:${rank}`);
  if (query.certification) tokens.push(query.certification);
  const tokenList = (list: string[]) =>
    sql`array[${sql.join(
      list.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]`;
  if (query.minPriceUsdCents !== undefined || query.maxPriceUsdCents !== undefined) {
    const bands = bandsOverlapping(query.minPriceUsdCents, query.maxPriceUsdCents);
    if (bands.length === 0) where.push(sql`false`);
    else if (bands.length <= selectiveBands) where.push(sql`facet_tokens && ${tokenList(bands)}`);
  }
  if (tokens.length > 0) where.push(sql`facet_tokens @> ${tokenList(tokens)}`);
  return where;
};

type SearchRow = {
  total: number | string;
  hits: { company_id: string; product_id: string; score: number }[];
  category: FacetBucket[] | null;
  province: FacetBucket[] | null;
  verification: FacetBucket[] | null;
  certification: FacetBucket[] | null;
  bands: Record<string, number | string>;
};

const priceBandSql = () =>
  sql.raw(
    priceBucketsUsd
      .map((low, i) => {
        const high = priceBucketsUsd[i + 1];
        const range = `min_price_usd_cents >= ${low * 100}${high === undefined ? '' : ` and min_price_usd_cents < ${high * 100}`}`;
        return `'price:${low}-${high ?? ''}', count(*) filter (where ${range})`;
      })
      .concat(moqLimits.map((n) => `'moq:${n}', count(*) filter (where moq <= ${n})`))
      .join(', '),
  );

const facetSql = (column: string) =>
  sql.raw(`(select coalesce(json_agg(json_build_object('value', v, 'count', n) order by n desc, v), '[]')
    from (select ${column} as v, count(*) as n from matched where ${column.startsWith('unnest') ? 'true' : `${column} is not null`} group by 1) f)`);

/** Suppliers ranked by their best matching listing, then by how many listings match (within the match cap). */
const runSupplierSearch = async (db: Db, query: ProductQuery, tsquery: SQL | null) => {
  const where = filtersOf(query);
  if (tsquery) where.push(sql`document @@ (select query from q)`);
  const condition = where.length > 0 ? sql.join(where, sql` and `) : sql`true`;
  const found = await queryRows<{
    company_id: string;
    matches: number | string;
    score: number;
    total: number | string;
  }>(
    db,
    sql`
    with q as (select ${tsquery ?? sql`null::tsquery`} as query),
    read as materialized (
      select company_id,
        ${tsquery ? sql`ts_rank_cd(document, (select query from q), 1)` : sql`1.0`} * (0.6 + 0.4 * supplier_quality)
          * (1 + coalesce(boost, 0)) as score
      from search_products left join search_supplier_boosts using (company_id) where ${condition}
      limit ${matchCap}
    ),
    per_company as (
      select company_id, count(*) as matches, max(score) as score from read group by company_id
    )
    select company_id, matches, score, count(*) over () as total from per_company
    order by score desc, matches desc, company_id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    total: Number(found[0]?.total ?? 0),
    hits: found.map((r) => ({ companyId: r.company_id, matches: Number(r.matches), score: Number(r.score) })),
  };
};

const runSearch = async (
  db: Db,
  query: ProductQuery,
  interpreted: Interpreted,
): Promise<ProductSearchResult> => {
  const { tsquery, ...interpretation } = interpreted;
  const where = filtersOf(query);
  if (tsquery) where.push(sql`document @@ (select query from q)`);
  const condition = where.length > 0 ? sql.join(where, sql` and `) : sql`true`;
  const offset = (query.page - 1) * query.pageSize;
  // One bounded read: the score is computed as rows are read, so the
  // documents never travel further than the scan.
  const [row] = await queryRows<SearchRow>(
    db,
    sql`
    with q as (select ${tsquery ?? sql`null::tsquery`} as query),
    read as materialized (
      select company_id, product_id, category_code, province, verification_level, certifications,
        min_price_usd_cents, moq,
        ${tsquery ? sql`ts_rank_cd(document, (select query from q), 1)` : sql`1.0`} * (0.6 + 0.4 * supplier_quality)
          * (1 + coalesce(boost, 0)) as score
      from search_products left join search_supplier_boosts using (company_id) where ${condition}
      limit ${matchCap + 1}
    ),
    matched as materialized (select * from read limit ${matchCap})
    select
      (select count(*) from read) as total,
      (select coalesce(json_agg(h), '[]') from (
        select company_id, product_id, score from matched
        order by score desc, product_id
        limit ${query.pageSize} offset ${offset}) h) as hits,
      ${facetSql('category_code')} as category,
      ${facetSql('province')} as province,
      ${facetSql('verification_level')} as verification,
      ${facetSql('unnest(certifications)')} as certification,
      (select json_build_object(${priceBandSql()}) from matched) as bands`,
  );
  if (!row) throw new Error('search returned no row');
  const bands = Object.entries(row.bands).map(([key, n]) => ({ key, count: Number(n) }));
  const toBuckets = (prefix: string) =>
    bands
      .filter((b) => b.key.startsWith(prefix))
      .map((b) => ({ value: b.key.slice(prefix.length), count: b.count }));
  const read = Number(row.total);
  return {
    total: Math.min(read, matchCap),
    totalIsLowerBound: read > matchCap,
    hits: row.hits.map((h) => ({ companyId: h.company_id, productId: h.product_id, score: Number(h.score) })),
    facets: {
      category: row.category ?? [],
      province: row.province ?? [],
      verification: row.verification ?? [],
      certification: row.certification ?? [],
      price: toBuckets('price:'),
      maxMoq: toBuckets('moq:'),
    },
    interpretation,
  };
};

/** Replaces every supplier boost: one small table, read by a join when ranking (boosts change monthly). */
const setSupplierBoosts = async (db: Db, boosts: ReadonlyMap<string, number>): Promise<void> => {
  const rows = [...boosts]
    .filter(([, boost]) => boost !== 0)
    .map(([company_id, boost]) => ({ company_id, boost }));
  await db.execute(sql`delete from search_supplier_boosts`);
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into search_supplier_boosts (company_id, boost)
    select company_id, boost from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(company_id text, boost real)`);
};

/** Recomputes the listing stats of `companyIds` (or everyone) from their search entries. */
const refreshSupplierStats = async (db: Db, companyIds: readonly string[] | 'all'): Promise<void> => {
  if (companyIds !== 'all' && companyIds.length === 0) return;
  // The lock below lasts as long as its transaction: a transaction of its own (the nightly refresh
  // runs outside any), or a savepoint in the caller's, keeps it around the delete-then-insert.
  await db.transaction((tx) => replaceSupplierStats(tx, companyIds));
};

const replaceSupplierStats = async (db: Db, companyIds: readonly string[] | 'all'): Promise<void> => {
  const which = companyIds === 'all' ? sql`true` : sql`company_id in ${textList(companyIds)}`;
  // Delete-then-insert races with itself: two transactions listing products for one supplier would
  // both delete, then the second insert hits the first's rows (a unique violation on PostgreSQL).
  // A per-supplier transaction lock, taken in id order so two refreshes never deadlock, makes the
  // second wait for the first and then read its rows; a full refresh locks the whole table.
  if (companyIds === 'all') await db.execute(sql`lock table supplier_listing_stats in exclusive mode`);
  else
    await db.execute(sql`
      select pg_advisory_xact_lock(hashtextextended('supplier_listing_stats:' || id, 0))
      from (select distinct id from jsonb_array_elements_text(${JSON.stringify(companyIds)}::jsonb) as x(id) order by id) ids`);
  await db.execute(sql`delete from supplier_listing_stats where ${which}`);
  await db.execute(sql`
    insert into supplier_listing_stats (company_id, node_code, level, listings, min_moq, monthly_capacity,
      supplier_quality, verification_level)
    select company_id, node.code, node.level, count(*), min(moq), sum(monthly_capacity), max(supplier_quality),
      min(verification_level)
    from search_products,
      lateral (values (industry_code, 1), (category_code, 2), (subcategory_code, 3)) as node(code, level)
    where ${which} and node.code is not null
    group by company_id, node.code, node.level`);
  // Title words (weight A) per supplier and category: the text RFQ matching ranks.
  await db.execute(sql`
    update supplier_listing_stats s set title_terms = t.terms
    from (
      select sp.company_id, sp.category_code, array_to_tsvector(array_agg(distinct w.lexeme)) as terms
      from search_products sp, lateral unnest(sp.document) as w
      where ${which} and 'A' = any(w.weights)
      group by sp.company_id, sp.category_code
    ) t
    where s.company_id = t.company_id and s.node_code = t.category_code`);
};

/**
 * Every supplier listing in the industry, at the closest taxonomy level it
 * lists in, from the listing stats rollup (one row per supplier and node);
 * with the text rank of its listing titles' vocabulary in the RFQ's category
 * (`title_terms`, one row per supplier: no listing is read).
 */
const findSupplierCandidates = async (
  db: Db,
  query: SupplierMatchQuery,
  tsquery: SQL | null,
): Promise<SupplierCandidate[]> => {
  // Literal values, not a JSON list: the planner then uses the node index (estimates, not a guess of 100 rows).
  const nodes = [query.industryCode, query.categoryCode, query.subcategoryCode].filter((n) => n !== null);
  const found = await queryRows<{
    company_id: string;
    level: number;
    min_moq: number;
    listings: number | string;
    capacity: number | string | null;
    quality: number;
    verification_level: string;
    text_rank: number | null;
  }>(
    db,
    sql`
    with q as (select ${tsquery ?? sql`null::tsquery`} as query),
    nodes as (
      select * from supplier_listing_stats where node_code in (${sql.join(
        nodes.map((n) => sql`${n}`),
        sql`, `,
      )})
    ),
    best as (select distinct on (company_id) * from nodes order by company_id, level desc),
    texts as (
      select company_id, ts_rank(title_terms, (select query from q)) as text_rank
      from nodes where level = 2 and title_terms @@ (select query from q)
    )
    select b.company_id, b.level, b.min_moq, b.listings, c.monthly_capacity as capacity,
      b.supplier_quality as quality, b.verification_level, t.text_rank
    from best b
      left join nodes c on c.company_id = b.company_id and c.level = 2
      left join texts t on t.company_id = b.company_id`,
  );
  return found.map((r) => ({
    companyId: r.company_id,
    categoryLevel: Number(r.level) as 1 | 2 | 3,
    textRank: Number(r.text_rank ?? 0),
    minMoq: Number(r.min_moq),
    listings: Number(r.listings),
    monthlyCapacity: r.capacity === null ? null : Number(r.capacity),
    supplierQuality: Number(r.quality),
    verificationLevel: r.verification_level,
  }));
};
