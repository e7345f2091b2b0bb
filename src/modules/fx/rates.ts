import { sql } from 'drizzle-orm';
import { chunks } from '../../core/arrays.js';
import { readCsv } from '../../core/csv.js';
import { AppError } from '../../core/errors.js';
import { dataFile } from '../../core/paths.js';
import type { Db } from '../../db/client.js';
import { queryRows, textList } from '../../db/raw-sql.js';
import { convertMinor, scaleRate } from './convert.js';
import { fxRates } from './schema.js';

export type FxRate = { currency: string; day: string; usdPerUnit: string };

/** The latest rate of each currency on or before `day` (USD is always 1). */
export const ratesOn = async (
  db: Db,
  currencies: readonly string[],
  day: string,
): Promise<Map<string, bigint>> => {
  const wanted = [...new Set(currencies)].filter((c) => c !== 'USD');
  const found = new Map<string, bigint>([['USD', scaleRate('1')]]);
  if (wanted.length === 0) return found;
  const latest = await queryRows<{ currency: string; usd_per_unit: string }>(
    db,
    sql`select distinct on (currency) currency, usd_per_unit::text as usd_per_unit from fx_rates
      where currency in ${textList(wanted)}
        and day <= ${day}::date
      order by currency, day desc`,
  );
  for (const r of latest) found.set(r.currency, scaleRate(r.usd_per_unit));
  return found;
};

/** A converter for one date: throws a clear error for a currency without a rate by then. */
export const converterOn = async (db: Db, currencies: readonly string[], day: string) => {
  const rates = await ratesOn(db, currencies, day);
  const rateOf = (currency: string) => {
    const rate = rates.get(currency);
    if (rate === undefined)
      throw new AppError('VALIDATION_FAILED', `No ${currency} exchange rate on or before ${day}`, {
        currency,
        day,
      });
    return rate;
  };
  return (amount: bigint, from: string, to: string) =>
    convertMinor(
      amount,
      { currency: from, usdPerUnit: rateOf(from) },
      { currency: to, usdPerUnit: rateOf(to) },
    );
};

/** Inserts or replaces rates (one row per currency and day). */
export const saveRates = async (db: Db, rates: readonly FxRate[], source: string) => {
  for (const batch of chunks(rates, 1000)) {
    await db
      .insert(fxRates)
      .values(batch.map((r) => ({ ...r, source })))
      .onConflictDoUpdate({
        target: [fxRates.currency, fxRates.day],
        set: { usdPerUnit: sql`excluded.usd_per_unit`, source: sql`excluded.source` },
      });
  }
};

/** The rates a new installation starts with (data/fx-rates.csv); idempotent. */
export const loadShippedRates = async (db: Db) => {
  const shipped = readCsv<{ day: string; currency: string; usd_per_unit: string }>(dataFile('fx-rates.csv'));
  await saveRates(
    db,
    shipped.map((r) => ({ currency: r.currency, day: r.day, usdPerUnit: r.usd_per_unit })),
    'shipped',
  );
};
