CREATE TABLE "company_licences" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_path" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_licences_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "verification_requests" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"licence_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"level" text,
	"reason" text,
	CONSTRAINT "verification_requests_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "company_licences_id_index" ON "company_licences" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_requests_id_index" ON "verification_requests" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_requests_one_pending" ON "verification_requests" USING btree ("company_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "verification_requests_status_requested_at_index" ON "verification_requests" USING btree ("status","requested_at");