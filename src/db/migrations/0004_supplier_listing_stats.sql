CREATE TABLE "supplier_listing_stats" (
	"company_id" text NOT NULL,
	"node_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"category_code" text NOT NULL,
	"subcategory_code" text,
	"listings" integer NOT NULL,
	"min_moq" integer NOT NULL,
	"monthly_capacity" bigint,
	"supplier_quality" real NOT NULL,
	"verification_level" text NOT NULL,
	CONSTRAINT "supplier_listing_stats_company_id_node_code_pk" PRIMARY KEY("company_id","node_code")
);
--> statement-breakpoint
ALTER TABLE "search_products" ADD COLUMN "monthly_capacity" integer;--> statement-breakpoint
CREATE INDEX "supplier_listing_stats_industry_code_index" ON "supplier_listing_stats" USING btree ("industry_code");--> statement-breakpoint
-- Backfill: capacities of listings indexed before this column existed, and their stats.
UPDATE "search_products" sp SET "monthly_capacity" = p."monthly_capacity"
	FROM "products" p WHERE p."company_id" = sp."company_id" AND p."id" = sp."product_id";--> statement-breakpoint
INSERT INTO "supplier_listing_stats" ("company_id", "node_code", "industry_code", "category_code", "subcategory_code",
	"listings", "min_moq", "monthly_capacity", "supplier_quality", "verification_level")
SELECT "company_id", coalesce("subcategory_code", "category_code"), "industry_code", "category_code", "subcategory_code",
	count(*), min("moq"), sum("monthly_capacity"), max("supplier_quality"), min("verification_level")
FROM "search_products" GROUP BY "company_id", "industry_code", "category_code", "subcategory_code";
