-- Public catalog reads (product pages, search results) are cached in the embedded server
-- (src/modules/catalog/catalog-cache.ts). Any write to what they are built from announces
-- itself on the "catalog_changed" channel when its transaction commits, and the cache is
-- dropped: no read ever outlives a committed change.
CREATE FUNCTION "notify_catalog_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "products_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "product_price_tiers_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_price_tiers"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "product_images_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "product_images"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "ad_promotions_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ad_promotions"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "companies_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "companies"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "search_products_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_products"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "search_supplier_boosts_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_supplier_boosts"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();--> statement-breakpoint
CREATE TRIGGER "search_vocabulary_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_vocabulary"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_changed"();
