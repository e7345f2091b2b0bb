CREATE TABLE "search_supplier_boosts" (
	"company_id" text PRIMARY KEY NOT NULL,
	"boost" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_enrollments" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"program_id" text NOT NULL,
	"status" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by" text NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"removal_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "program_enrollments_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_milestones" (
	"company_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"program_id" text NOT NULL,
	"milestone" text NOT NULL,
	"achieved_at" timestamp with time zone NOT NULL,
	"marked_by" text NOT NULL,
	CONSTRAINT "program_milestones_company_id_enrollment_id_milestone_pk" PRIMARY KEY("company_id","enrollment_id","milestone")
);
--> statement-breakpoint
CREATE TABLE "program_settings" (
	"program_id" text PRIMARY KEY NOT NULL,
	"target_count" integer,
	"starts_on" date,
	"ends_on" date,
	"open" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "supplier_scores" (
	"company_id" text NOT NULL,
	"month" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"industry" text,
	"gmv_usd" bigint NOT NULL,
	"gmv_percentile" double precision NOT NULL,
	"paid_orders" integer NOT NULL,
	"response_rate" double precision,
	"inquiries_counted" integer NOT NULL,
	"on_time_rate" double precision,
	"shipments_counted" integer NOT NULL,
	"dispute_rate" double precision,
	"disputes" integer NOT NULL,
	"buyer_rating" double precision,
	"ratings_counted" integer NOT NULL,
	"verification_level" text NOT NULL,
	"years_on_platform" double precision NOT NULL,
	"points" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"tier" text NOT NULL,
	CONSTRAINT "supplier_scores_company_id_month_pk" PRIMARY KEY("company_id","month")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "program_enrollments_id_index" ON "program_enrollments" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_enrollments_program_id_company_id_index" ON "program_enrollments" USING btree ("program_id","company_id");--> statement-breakpoint
CREATE INDEX "program_enrollments_program_id_status_index" ON "program_enrollments" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "program_milestones_program_id_milestone_achieved_at_index" ON "program_milestones" USING btree ("program_id","milestone","achieved_at");--> statement-breakpoint
CREATE INDEX "supplier_scores_month_tier_index" ON "supplier_scores" USING btree ("month","tier");