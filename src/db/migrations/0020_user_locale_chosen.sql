ALTER TABLE "users" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" DROP NOT NULL;--> statement-breakpoint
-- No one could choose a language before this column was read: every 'en' so far is the old default, not a choice.
UPDATE "users" SET "locale" = NULL;
