-- Who a session cookie acts for is cached in the embedded server
-- (src/modules/identity/session-cache.ts). Any write to what it is resolved from (the session,
-- its user, memberships, a company's kind) announces itself on "sessions_changed" when its
-- transaction commits, and the cache is dropped: a sign-out, a revoked session or a removed
-- member is seen by the very next request.
CREATE FUNCTION "notify_sessions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('sessions_changed', TG_TABLE_NAME);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sessions"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();--> statement-breakpoint
CREATE TRIGGER "users_sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();--> statement-breakpoint
CREATE TRIGGER "members_sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "members"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();--> statement-breakpoint
CREATE TRIGGER "companies_sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "companies"
	FOR EACH STATEMENT EXECUTE FUNCTION "notify_sessions_changed"();
