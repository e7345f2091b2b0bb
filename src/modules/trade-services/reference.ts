import { readCsv } from '../../core/csv.js';
import { lazy } from '../../core/lazy.js';
import { dataFile } from '../../core/paths.js';

// The trade-services tables in data/trade (see its SOURCE.md): restricted
// destinations, goods under export licence, VAT and rebate rates by HS prefix.

export type Restriction = { country: string; level: 'embargo' | 'restricted'; reason: string };
export type LicensedGoods = {
  hsPrefix: string;
  licence: 'military' | 'export_licence' | 'dual_use';
  reason: string;
};
export type RebateRates = { hsPrefix: string; vatRateBps: number; rebateRateBps: number; note: string };

const fail = (file: string, row: number, message: string): never => {
  throw new Error(`data/trade/${file} row ${row + 2}: ${message}`);
};

const percentBps = (value: string, file: string, row: number) => {
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(value)) fail(file, row, `${value} is not a percentage`);
  return Math.round(Number(value) * 100);
};

export const restrictions = lazy(() => {
  const file = 'destination-restrictions.csv';
  const rows = readCsv<{ country: string; level: string; reason: string }>(dataFile(`trade/${file}`));
  return new Map(
    rows.map((r, i): [string, Restriction] => {
      if (!/^[A-Z]{2}$/.test(r.country)) fail(file, i, `${r.country} is not an ISO 3166 code`);
      if (r.level !== 'embargo' && r.level !== 'restricted') fail(file, i, `unknown level ${r.level}`);
      return [r.country, { country: r.country, level: r.level as Restriction['level'], reason: r.reason }];
    }),
  );
});

export const licensedGoods = lazy(() => {
  const file = 'licensed-goods.csv';
  const rows = readCsv<{ hs_prefix: string; licence: string; reason: string }>(dataFile(`trade/${file}`));
  return rows.map((r, i): LicensedGoods => {
    if (!/^\d{2,6}$/.test(r.hs_prefix)) fail(file, i, `${r.hs_prefix} is not an HS prefix`);
    if (!['military', 'export_licence', 'dual_use'].includes(r.licence))
      fail(file, i, `unknown licence ${r.licence}`);
    return { hsPrefix: r.hs_prefix, licence: r.licence as LicensedGoods['licence'], reason: r.reason };
  });
});

const rebateTable = lazy(() => {
  const file = 'vat-rebate-rates.csv';
  const rows = readCsv<{ hs_prefix: string; vat_rate_pct: string; rebate_rate_pct: string; note: string }>(
    dataFile(`trade/${file}`),
  );
  const table = rows.map((r, i): RebateRates => {
    if (r.hs_prefix !== '*' && !/^\d{2,6}$/.test(r.hs_prefix))
      fail(file, i, `${r.hs_prefix} is not an HS prefix`);
    const rates = {
      hsPrefix: r.hs_prefix,
      vatRateBps: percentBps(r.vat_rate_pct, file, i),
      rebateRateBps: percentBps(r.rebate_rate_pct, file, i),
      note: r.note,
    };
    if (rates.rebateRateBps > rates.vatRateBps) fail(file, i, 'a rebate cannot exceed the VAT rate');
    return rates;
  });
  const fallback = table.find((r) => r.hsPrefix === '*');
  if (!fallback) throw new Error(`data/trade/${file}: no default (*) row`);
  return { byPrefix: new Map(table.map((r) => [r.hsPrefix, r])), fallback };
});

/** The VAT and rebate rates of an HS code: its longest listed prefix, else the default. */
export const rebateRatesFor = (hsCode: string): RebateRates => {
  const { byPrefix, fallback } = rebateTable();
  for (let length = hsCode.length; length >= 2; length--) {
    const rates = byPrefix.get(hsCode.slice(0, length));
    if (rates) return rates;
  }
  return fallback;
};

/** Licences an HS code's export needs (every listed prefix it starts with). */
export const licencesFor = (hsCode: string): LicensedGoods[] =>
  licensedGoods().filter((l) => hsCode.startsWith(l.hsPrefix));

/** Statutory units of quantity a declaration line may use (China customs' 法定计量单位, in short form). */
export const statutoryUnits = [
  'pcs',
  'set',
  'pair',
  'unit',
  'dozen',
  'sheet',
  'roll',
  'kg',
  'g',
  't',
  'm',
  'm2',
  'm3',
  'l',
] as const;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A country's English name from its ISO 3166 code. */
export const countryName = (code: string) => regionNames.of(code) ?? code;
