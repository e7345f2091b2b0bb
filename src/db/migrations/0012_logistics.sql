CREATE TABLE "freight_booking_events" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"booking_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"details" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "freight_booking_events_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "freight_bookings" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"shipper_id" text NOT NULL,
	"rate_card_id" text NOT NULL,
	"departure_id" text NOT NULL,
	"original_departure_id" text NOT NULL,
	"status" text NOT NULL,
	"guaranteed" boolean NOT NULL,
	"units" integer NOT NULL,
	"cargo" jsonb NOT NULL,
	"hs_code" text,
	"incoterm" text,
	"ready_date" date NOT NULL,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"price_lines" jsonb NOT NULL,
	"booking_number" text,
	"order_id" text,
	"rolls" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "freight_bookings_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "freight_departures" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"rate_card_id" text NOT NULL,
	"departs_on" date NOT NULL,
	"arrives_on" date NOT NULL,
	"cutoff_at" timestamp with time zone NOT NULL,
	"voyage" text NOT NULL,
	"capacity" integer NOT NULL,
	"guaranteed_booked" integer DEFAULT 0 NOT NULL,
	"standard_booked" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "freight_departures_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "freight_departures_within_capacity" CHECK ("freight_departures"."guaranteed_booked" >= 0 and "freight_departures"."standard_booked" >= 0 and "freight_departures"."guaranteed_booked" + "freight_departures"."standard_booked" <= "freight_departures"."capacity")
);
--> statement-breakpoint
CREATE TABLE "rate_cards" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"mode" text NOT NULL,
	"basis" text NOT NULL,
	"container_type" text,
	"currency" text NOT NULL,
	"base_price" bigint NOT NULL,
	"minimum_charge" bigint DEFAULT 0 NOT NULL,
	"surcharges" jsonb NOT NULL,
	"guaranteed_premium" bigint,
	"rollover_terms" jsonb,
	"transit_days" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"schedule" jsonb NOT NULL,
	"capacity_per_departure" integer NOT NULL,
	"carrier" text NOT NULL,
	"service" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_cards_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "freight_rollover_compensations" (
	"company_id" text NOT NULL,
	"id" text NOT NULL,
	"booking_id" text NOT NULL,
	"missed_departure_id" text NOT NULL,
	"shipper_id" text NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"containers" integer NOT NULL,
	"delay_days" integer NOT NULL,
	"calculation" jsonb NOT NULL,
	"transfer_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "freight_rollover_compensations_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE INDEX "freight_booking_events_booking_idx" ON "freight_booking_events" USING btree ("booking_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "freight_booking_events_external_key" ON "freight_booking_events" USING btree ("booking_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "freight_bookings_id_key" ON "freight_bookings" USING btree ("id");--> statement-breakpoint
CREATE INDEX "freight_bookings_shipper_idx" ON "freight_bookings" USING btree ("shipper_id","created_at");--> statement-breakpoint
CREATE INDEX "freight_bookings_departure_idx" ON "freight_bookings" USING btree ("departure_id","status");--> statement-breakpoint
CREATE INDEX "freight_bookings_order_idx" ON "freight_bookings" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "freight_departures_id_key" ON "freight_departures" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "freight_departures_card_day_key" ON "freight_departures" USING btree ("rate_card_id","departs_on");--> statement-breakpoint
CREATE INDEX "freight_departures_day_idx" ON "freight_departures" USING btree ("departs_on","status");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_cards_id_key" ON "rate_cards" USING btree ("id");--> statement-breakpoint
CREATE INDEX "rate_cards_lane_idx" ON "rate_cards" USING btree ("origin","destination","mode","valid_to");--> statement-breakpoint
CREATE UNIQUE INDEX "freight_rollover_once_key" ON "freight_rollover_compensations" USING btree ("booking_id","missed_departure_id");