CREATE TABLE "supplier_listing_stats" (
	"company_id" text NOT NULL,
	"node_code" text NOT NULL,
	"level" smallint NOT NULL,
	"listings" integer NOT NULL,
	"min_moq" integer NOT NULL,
	"monthly_capacity" bigint,
	"supplier_quality" real NOT NULL,
	"verification_level" text NOT NULL,
	CONSTRAINT "supplier_listing_stats_company_id_node_code_pk" PRIMARY KEY("company_id","node_code")
);
--> statement-breakpoint
ALTER TABLE "search_products" ADD COLUMN "monthly_capacity" integer;--> statement-breakpoint
CREATE INDEX "supplier_listing_stats_node_code_index" ON "supplier_listing_stats" USING btree ("node_code");--> statement-breakpoint
-- Backfill: capacities of listings indexed before this column existed, and their stats.
UPDATE "search_products" sp SET "monthly_capacity" = p."monthly_capacity"
	FROM "products" p WHERE p."company_id" = sp."company_id" AND p."id" = sp."product_id" AND p."monthly_capacity" IS NOT NULL;--> statement-breakpoint
INSERT INTO "supplier_listing_stats" ("company_id", "node_code", "level", "listings", "min_moq", "monthly_capacity",
	"supplier_quality", "verification_level")
SELECT "company_id", node.code, node.level, count(*), min("moq"), sum("monthly_capacity"), max("supplier_quality"),
	min("verification_level")
FROM "search_products",
	LATERAL (VALUES ("industry_code", 1), ("category_code", 2), ("subcategory_code", 3)) AS node(code, level)
WHERE node.code IS NOT NULL
GROUP BY "company_id", node.code, node.level;
