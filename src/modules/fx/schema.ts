import { date, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Dated exchange rates: US dollars per one unit of `currency` on `day`.
 * A reference table (shared, small). A conversion on a date uses the latest
 * rate on or before it.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    currency: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    /** Kept as exact decimal text; arithmetic happens in scaled bigints, never floats. */
    usdPerUnit: numeric({ precision: 24, scale: 12, mode: 'string' }).notNull(),
    source: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);
