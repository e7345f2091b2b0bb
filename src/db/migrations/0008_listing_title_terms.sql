ALTER TABLE "supplier_listing_stats" ADD COLUMN "title_terms" "tsvector";--> statement-breakpoint
-- Backfill: title words per supplier and category, as the stats refresh computes them.
UPDATE "supplier_listing_stats" s SET "title_terms" = t.terms
FROM (
	SELECT sp."company_id", sp."category_code", array_to_tsvector(array_agg(DISTINCT w.lexeme)) AS terms
	FROM "search_products" sp, LATERAL unnest(sp."document") AS w
	WHERE 'A' = ANY(w.weights)
	GROUP BY sp."company_id", sp."category_code"
) t
WHERE s."company_id" = t."company_id" AND s."node_code" = t."category_code";
