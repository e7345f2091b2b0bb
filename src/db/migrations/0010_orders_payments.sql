CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"command" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "compensation_claims" (
	"company_id" text NOT NULL,
	"order_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"reason" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "compensation_claims_company_id_order_id_reason_pk" PRIMARY KEY("company_id","order_id","reason")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"description" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"evidence_ids" text[] DEFAULT '{}' NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"escalated_by" text,
	"decision" text,
	"refund_amount" bigint,
	"decision_note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disputes_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"order_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_company_id" text,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_events_order_id_seq_pk" PRIMARY KEY("order_id","seq")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"status" text NOT NULL,
	"status_before_dispute" text,
	"quote_id" text,
	"quote_version" integer,
	"category_code" text,
	"currency" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"incoterm" text NOT NULL,
	"port" text,
	"payment_terms" jsonb NOT NULL,
	"ship_by" jsonb NOT NULL,
	"ship_by_date" date,
	"coverage" text NOT NULL,
	"quality_terms" text DEFAULT '' NOT NULL,
	"fee_bps" integer NOT NULL,
	"tracking_number" text,
	"carrier" text,
	"confirmed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"protection_ends_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_dues" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"paid" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "payment_dues_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "bank_statements" (
	"id" text PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"account_id" text NOT NULL,
	"entry_count" integer NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"entry_key" text NOT NULL,
	"statement_id" text,
	"booked_on" date NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"remittance" text NOT NULL,
	"counterparty_name" text,
	"counterparty_account" text,
	"bank_reference" text,
	"status" text NOT NULL,
	"due_id" text,
	"order_id" text,
	"buyer_id" text,
	"applied_amount" bigint,
	"applied_currency" text,
	"excess_amount" bigint,
	"fx" jsonb,
	"note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"bank_reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by" text,
	CONSTRAINT "payouts_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "provider_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text NOT NULL,
	"due_id" text NOT NULL,
	"order_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_id_index" ON "disputes" USING btree ("id");--> statement-breakpoint
CREATE INDEX "disputes_order_id_index" ON "disputes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "disputes_status_opened_at_index" ON "disputes" USING btree ("status","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_id_index" ON "orders" USING btree ("id");--> statement-breakpoint
CREATE INDEX "orders_buyer_id_created_at_index" ON "orders" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_company_id_created_at_index" ON "orders" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_status_index" ON "orders" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_quote_id_index" ON "orders" USING btree ("quote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_dues_id_index" ON "payment_dues" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_dues_reference_index" ON "payment_dues" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_dues_order_id_kind_index" ON "payment_dues" USING btree ("order_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statements_sha256_index" ON "bank_statements" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_payments_entry_key_index" ON "incoming_payments" USING btree ("entry_key");--> statement-breakpoint
CREATE INDEX "incoming_payments_order_id_index" ON "incoming_payments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "incoming_payments_created_at_index" ON "incoming_payments" USING btree ("created_at") WHERE "incoming_payments"."status" in ('partial', 'overpaid', 'unmatched');--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_id_index" ON "payouts" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_order_id_index" ON "payouts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payouts_status_index" ON "payouts" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_payments_provider_provider_ref_index" ON "provider_payments" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "provider_payments_order_id_index" ON "provider_payments" USING btree ("order_id");