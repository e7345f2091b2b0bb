-- pg_trgm powers typo-tolerant search (search_vocabulary); it ships with PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
