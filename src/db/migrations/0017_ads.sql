CREATE TABLE "ad_campaign_days" (
	"company_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"day" date NOT NULL,
	"budget" bigint NOT NULL,
	"spent" bigint DEFAULT 0 NOT NULL,
	"charged_clicks" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_campaign_days_company_id_campaign_id_day_pk" PRIMARY KEY("company_id","campaign_id","day"),
	CONSTRAINT "ad_campaign_days_within_budget" CHECK ("ad_campaign_days"."spent" >= 0 and "ad_campaign_days"."spent" <= "ad_campaign_days"."budget")
);
--> statement-breakpoint
CREATE TABLE "ad_campaign_products" (
	"company_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"product_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_campaign_products_company_id_campaign_id_product_id_pk" PRIMARY KEY("company_id","campaign_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "ad_campaigns" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"daily_budget" bigint NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_campaigns_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "ad_campaigns_budget_positive" CHECK ("ad_campaigns"."daily_budget" > 0)
);
--> statement-breakpoint
CREATE TABLE "ad_charge_windows" (
	"company_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"product_id" text NOT NULL,
	"clicker" text NOT NULL,
	"last_charged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_charge_windows_company_id_campaign_id_product_id_clicker_pk" PRIMARY KEY("company_id","campaign_id","product_id","clicker")
);
--> statement-breakpoint
CREATE TABLE "ad_clicks" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"impression_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"keyword_id" text NOT NULL,
	"product_id" text NOT NULL,
	"clicker" text NOT NULL,
	"clicker_company_id" text,
	"outcome" text NOT NULL,
	"charged" boolean NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"transfer_id" text,
	"day" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_clicks_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "ad_credit_grants" (
	"company_id" text NOT NULL,
	"month" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"transfer_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_credit_grants_company_id_month_pk" PRIMARY KEY("company_id","month")
);
--> statement-breakpoint
CREATE TABLE "ad_home_slots" (
	"position" smallint PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"product_id" text NOT NULL,
	"company_id" text NOT NULL,
	"label" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_impressions" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"keyword_id" text NOT NULL,
	"product_id" text NOT NULL,
	"query" text NOT NULL,
	"viewer" text,
	"placement" text NOT NULL,
	"position" smallint NOT NULL,
	"quality" smallint NOT NULL,
	"bid" bigint NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_impressions_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "ad_keywords" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"text" text NOT NULL,
	"normalized" text NOT NULL,
	"tokens" text[] NOT NULL,
	"match_type" text NOT NULL,
	"bid" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_keywords_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "ad_keywords_bid_positive" CHECK ("ad_keywords"."bid" > 0)
);
--> statement-breakpoint
CREATE TABLE "ad_promotions" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"tiers" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_promotions_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "ad_promotions_window" CHECK ("ad_promotions"."ends_at" > "ad_promotions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "ad_showcase_slots" (
	"company_id" text NOT NULL,
	"position" smallint NOT NULL,
	"product_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_showcase_slots_company_id_position_pk" PRIMARY KEY("company_id","position")
);
--> statement-breakpoint
CREATE TABLE "ad_wallet_top_ups" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"bank_reference" text NOT NULL,
	"transfer_id" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ad_wallet_top_ups_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE INDEX "ad_campaign_products_product_idx" ON "ad_campaign_products" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_campaigns_id_key" ON "ad_campaigns" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_clicks_impression_key" ON "ad_clicks" USING btree ("impression_id");--> statement-breakpoint
CREATE INDEX "ad_clicks_campaign_day_idx" ON "ad_clicks" USING btree ("campaign_id","day");--> statement-breakpoint
CREATE INDEX "ad_clicks_attribution_idx" ON "ad_clicks" USING btree ("clicker_company_id","product_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_impressions_id_key" ON "ad_impressions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "ad_impressions_campaign_day_idx" ON "ad_impressions" USING btree ("campaign_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_keywords_id_key" ON "ad_keywords" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_keywords_campaign_key" ON "ad_keywords" USING btree ("campaign_id","normalized","match_type");--> statement-breakpoint
CREATE INDEX "ad_keywords_tokens_idx" ON "ad_keywords" USING gin ("tokens");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_promotions_id_key" ON "ad_promotions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "ad_promotions_product_idx" ON "ad_promotions" USING btree ("product_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ad_wallet_top_ups_bank_reference_key" ON "ad_wallet_top_ups" USING btree ("bank_reference");