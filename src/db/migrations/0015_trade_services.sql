CREATE TABLE "export_declaration_events" (
	"company_id" text NOT NULL,
	"declaration_id" text NOT NULL,
	"seq" integer NOT NULL,
	"from" text,
	"to" text NOT NULL,
	"actor_user_id" text,
	"actor_company_id" text,
	"note" text DEFAULT '' NOT NULL,
	"details" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_declaration_events_company_id_declaration_id_seq_pk" PRIMARY KEY("company_id","declaration_id","seq")
);
--> statement-breakpoint
CREATE TABLE "export_declarations" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"order_id" text,
	"declarant_role" text NOT NULL,
	"exporter" jsonb NOT NULL,
	"consignee" jsonb NOT NULL,
	"incoterm" text NOT NULL,
	"valuation_basis" text NOT NULL,
	"currency" text NOT NULL,
	"transport_mode" text NOT NULL,
	"port_of_loading" text NOT NULL,
	"destination_country" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total_value" bigint NOT NULL,
	"findings" jsonb NOT NULL,
	"status" text NOT NULL,
	"exported_on" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_declarations_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "export_fx_settlements" (
	"company_id" text NOT NULL,
	"declaration_id" text NOT NULL,
	"received_currency" text NOT NULL,
	"received_amount" bigint NOT NULL,
	"received_on" text NOT NULL,
	"source" text NOT NULL,
	"settled_on" text,
	"rate" text,
	"cny_amount" bigint,
	"transfer_ids" text[],
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_fx_settlements_company_id_declaration_id_pk" PRIMARY KEY("company_id","declaration_id")
);
--> statement-breakpoint
CREATE TABLE "export_rebate_claims" (
	"company_id" text NOT NULL,
	"declaration_id" text NOT NULL,
	"month" text NOT NULL,
	"lines" jsonb NOT NULL,
	"total" bigint NOT NULL,
	"transfer_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_rebate_claims_company_id_declaration_id_pk" PRIMARY KEY("company_id","declaration_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "export_declarations_id_key" ON "export_declarations" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "export_declarations_number_key" ON "export_declarations" USING btree ("number");--> statement-breakpoint
CREATE INDEX "export_declarations_order_idx" ON "export_declarations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "export_rebate_claims_month_idx" ON "export_rebate_claims" USING btree ("company_id","month");