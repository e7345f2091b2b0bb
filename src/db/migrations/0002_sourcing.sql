CREATE TABLE "fx_rates" (
	"currency" text NOT NULL,
	"day" date NOT NULL,
	"usd_per_unit" numeric(24, 12) NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "fx_rates_currency_day_pk" PRIMARY KEY("currency","day")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"source_event_id" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notifications_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_path" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"product_id" text,
	"subject" text NOT NULL,
	"valid" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"last_message_at" timestamp with time zone NOT NULL,
	"buyer_unread" integer DEFAULT 0 NOT NULL,
	"supplier_unread" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inquiries_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "inquiry_messages" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"inquiry_id" text NOT NULL,
	"sender_company_id" text NOT NULL,
	"sender_user_id" text NOT NULL,
	"body" text NOT NULL,
	"quantity" integer,
	"target_price" bigint,
	"currency" text,
	"attachment_ids" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inquiry_messages_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "quote_quotas" (
	"company_id" text NOT NULL,
	"month" text NOT NULL,
	"granted" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quote_quotas_company_id_month_pk" PRIMARY KEY("company_id","month")
);
--> statement-breakpoint
CREATE TABLE "quote_versions" (
	"company_id" text NOT NULL,
	"quote_id" text NOT NULL,
	"version" integer NOT NULL,
	"author" text NOT NULL,
	"offer" jsonb,
	"counter" jsonb,
	"message" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quote_versions_company_id_quote_id_version_pk" PRIMARY KEY("company_id","quote_id","version")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"rfq_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"accepted_version" integer,
	"buyer_rating" smallint,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quotes_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "rfq_matches" (
	"company_id" text NOT NULL,
	"rfq_id" text NOT NULL,
	"supplier_id" text NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"components" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rfq_matches_company_id_rfq_id_supplier_id_pk" PRIMARY KEY("company_id","rfq_id","supplier_id")
);
--> statement-breakpoint
CREATE TABLE "rfqs" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"language" text,
	"industry_code" text NOT NULL,
	"category_code" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit" text NOT NULL,
	"target_unit_price" bigint,
	"currency" text NOT NULL,
	"destination_country" text NOT NULL,
	"destination_port" text,
	"transport_mode" text NOT NULL,
	"incoterm" text NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'invited' NOT NULL,
	"invite_limit" integer DEFAULT 20 NOT NULL,
	"quote_count" integer DEFAULT 0 NOT NULL,
	"awarded_quote_id" text,
	"attachment_ids" text[] DEFAULT '{}' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "rfqs_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE INDEX "notifications_company_id_created_at_index" ON "notifications" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_company_id_source_event_id_kind_index" ON "notifications" USING btree ("company_id","source_event_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_id_index" ON "attachments" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_id_index" ON "inquiries" USING btree ("id");--> statement-breakpoint
CREATE INDEX "inquiries_supplier_id_created_at_index" ON "inquiries" USING btree ("supplier_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_messages_inquiry_id_created_at_index" ON "inquiry_messages" USING btree ("inquiry_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_id_index" ON "quotes" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_rfq_id_company_id_index" ON "quotes" USING btree ("rfq_id","company_id");--> statement-breakpoint
CREATE INDEX "quotes_buyer_id_index" ON "quotes" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "rfq_matches_supplier_id_created_at_index" ON "rfq_matches" USING btree ("supplier_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rfqs_id_index" ON "rfqs" USING btree ("id");--> statement-breakpoint
CREATE INDEX "rfqs_status_deadline_index" ON "rfqs" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "rfqs_status_industry_code_index" ON "rfqs" USING btree ("status","industry_code");