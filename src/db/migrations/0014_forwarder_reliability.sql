CREATE TABLE "forwarder_reliability" (
	"company_id" text PRIMARY KEY NOT NULL,
	"kept" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "freight_bookings_reliability_idx";--> statement-breakpoint
DROP INDEX "freight_rollover_once_key";--> statement-breakpoint
ALTER TABLE "freight_rollover_compensations" ADD COLUMN "part" text DEFAULT 'roll' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "freight_rollover_once_key" ON "freight_rollover_compensations" USING btree ("booking_id","missed_departure_id","part");--> statement-breakpoint
-- Counts the bookings made before the rollup existed (reliability.ts keeps it up to date from here).
INSERT INTO "forwarder_reliability" ("company_id", "kept", "total", "updated_at")
SELECT "company_id",
       count(*) FILTER (WHERE "rolls" = 0 AND "status" IN ('loaded','departed','arrived','discharged','delivered','completed'))::int,
       count(*) FILTER (WHERE "rolls" > 0 OR "status" IN ('loaded','departed','arrived','discharged','delivered','completed'))::int,
       now()
  FROM "freight_bookings"
 GROUP BY "company_id";
