CREATE TABLE "active_buyers_daily" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"buyers" integer NOT NULL,
	CONSTRAINT "active_buyers_daily_day_category_pk" PRIMARY KEY("day","category")
);
--> statement-breakpoint
CREATE TABLE "activity_daily" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"events" integer NOT NULL,
	"buyers" integer NOT NULL,
	CONSTRAINT "activity_daily_day_category_kind_pk" PRIMARY KEY("day","category","kind")
);
--> statement-breakpoint
CREATE TABLE "buyer_activity" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "buyer_activity_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"day" date NOT NULL,
	"buyer_id" text NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_counts" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"listings" integer NOT NULL,
	CONSTRAINT "listing_counts_day_category_pk" PRIMARY KEY("day","category")
);
--> statement-breakpoint
CREATE TABLE "trade_buyer_months" (
	"month" date NOT NULL,
	"buyer_country" text NOT NULL,
	"buyer_id" text NOT NULL,
	CONSTRAINT "trade_buyer_months_month_buyer_country_buyer_id_pk" PRIMARY KEY("month","buyer_country","buyer_id")
);
--> statement-breakpoint
CREATE TABLE "trade_daily" (
	"day" date NOT NULL,
	"province" text NOT NULL,
	"industry" text NOT NULL,
	"category" text NOT NULL,
	"buyer_country" text NOT NULL,
	"gmv_usd" bigint NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "trade_daily_day_province_industry_category_buyer_country_pk" PRIMARY KEY("day","province","industry","category","buyer_country")
);
--> statement-breakpoint
CREATE TABLE "trade_facts" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trade_facts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"fact_key" text NOT NULL,
	"order_id" text NOT NULL,
	"paid_on" date NOT NULL,
	"supplier_id" text NOT NULL,
	"supplier_province" text NOT NULL,
	"industry" text NOT NULL,
	"category" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_country" text NOT NULL,
	"amount_usd" bigint NOT NULL,
	"orders" smallint NOT NULL,
	CONSTRAINT "trade_facts_factKey_unique" UNIQUE("fact_key")
);
--> statement-breakpoint
CREATE TABLE "trade_monthly" (
	"month" date NOT NULL,
	"province" text NOT NULL,
	"industry" text NOT NULL,
	"category" text NOT NULL,
	"buyer_country" text NOT NULL,
	"gmv_usd" bigint NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "trade_monthly_month_province_industry_category_buyer_country_pk" PRIMARY KEY("month","province","industry","category","buyer_country")
);
--> statement-breakpoint
CREATE TABLE "trade_supplier_months" (
	"month" date NOT NULL,
	"province" text NOT NULL,
	"industry" text NOT NULL,
	"supplier_id" text NOT NULL,
	"gmv_usd" bigint NOT NULL,
	CONSTRAINT "trade_supplier_months_month_province_industry_supplier_id_pk" PRIMARY KEY("month","province","industry","supplier_id")
);
--> statement-breakpoint
CREATE INDEX "buyer_activity_day_buyer_id_category_index" ON "buyer_activity" USING btree ("day","buyer_id","category");--> statement-breakpoint
CREATE INDEX "trade_facts_paid_on_index" ON "trade_facts" USING btree ("paid_on");