import { readCsv } from '../../core/csv.js';
import { minorDigits } from '../../core/money.js';
import { dataFile } from '../../core/paths.js';

let rates: Map<string, number> | undefined;

/**
 * A price in US cents for the search index's price facet only: indicative
 * rates from data/fx-indicative.csv. Money that moves uses the dated FX rates
 * of the payments module, never these.
 */
export const indicativeUsdCents = (amountMinor: bigint, currency: string): number => {
  rates ??= new Map(
    readCsv<{ currency: string; usd_per_unit: string }>(dataFile('fx-indicative.csv')).map((r) => [
      r.currency,
      Number(r.usd_per_unit),
    ]),
  );
  const perUnit = rates.get(currency) ?? 1;
  return Math.round((Number(amountMinor) / 10 ** minorDigits(currency)) * perUnit * 100);
};

export const hasIndicativeRate = (currency: string) => {
  indicativeUsdCents(0n, 'USD');
  return rates!.has(currency);
};
