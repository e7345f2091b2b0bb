import type { CreateProductInput } from '../modules/catalog/index.js';
import type { CompanyKind, VerificationLevel } from '../modules/identity/index.js';
import { type DemoNoun, demoWordBanks, hsCodeFor } from './catalog-data.js';
import type { Random } from './random.js';

export type DemoCompany = {
  name: string;
  kind: CompanyKind;
  country: string;
  province: string | null;
  yearEstablished: number;
  verificationLevel: VerificationLevel;
  auditorName: string | null;
  joinedAt: Date;
  industries: string[];
};

/** Supplier provinces weighted like the interview's top ten, with a tail of inland provinces. */
const supplierProvinces = [
  ['440000', 14],
  ['330000', 12],
  ['320000', 9],
  ['370000', 7],
  ['350000', 6],
  ['310000', 5],
  ['130000', 4],
  ['410000', 4],
  ['340000', 3],
  ['120000', 3],
  ['530000', 2],
  ['420000', 2],
  ['510000', 2],
  ['430000', 2],
  ['360000', 1],
] as const;

/** Buyer markets: Europe and North America lead, Latin America third. */
const buyerCountries = [
  ['US', 6],
  ['DE', 3],
  ['ES', 3],
  ['GB', 3],
  ['FR', 2],
  ['IT', 2],
  ['NL', 2],
  ['PL', 1],
  ['SE', 1],
  ['CA', 2],
  ['MX', 3],
  ['BR', 3],
  ['CL', 2],
  ['CO', 2],
  ['PE', 1],
  ['AR', 1],
  ['AU', 2],
  ['AE', 1],
  ['SA', 1],
  ['NG', 1],
  ['ZA', 1],
  ['KE', 1],
  ['IN', 1],
  ['JP', 1],
  ['KR', 1],
  ['TR', 1],
  ['VN', 1],
] as const;

const buyerSuffix: Record<string, string> = {
  US: 'Imports LLC',
  CA: 'Trading Inc.',
  GB: 'Trading Ltd',
  DE: 'Handels GmbH',
  ES: 'Comercial S.L.',
  FR: 'Import SARL',
  IT: 'Commerciale S.r.l.',
  NL: 'Trading B.V.',
  MX: 'Importaciones S.A. de C.V.',
  BR: 'Importadora Ltda.',
  AR: 'Importaciones S.A.',
  CL: 'Comercial SpA',
  CO: 'Importaciones S.A.S.',
  PE: 'Importaciones S.A.C.',
  AU: 'Imports Pty Ltd',
};

const auditors = ['SGS', 'Bureau Veritas', 'TÜV Rheinland', 'Intertek'];
const certifications = ['CE', 'RoHS', 'ISO 9001', 'FDA', 'UL', 'FCC', 'BSCI', 'REACH'];

const verification = (random: Random): Pick<DemoCompany, 'verificationLevel' | 'auditorName'> => {
  const level = random.weighted<VerificationLevel>([
    ['unverified', 35],
    ['licence_checked', 40],
    ['onsite_audited', 25],
  ]);
  return { verificationLevel: level, auditorName: level === 'onsite_audited' ? random.pick(auditors) : null };
};

const joinedAt = (random: Random) =>
  new Date(Date.UTC(random.int(2012, 2025), random.int(0, 11), random.int(1, 28)));

export const generateSuppliers = (random: Random, count: number): DemoCompany[] => {
  const banks = demoWordBanks();
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const primary = banks.industries[i % banks.industries.length]!;
    const industries = random.chance(0.4) ? [primary, random.pick(banks.industries)] : [primary];
    let name: string;
    do {
      name = `${random.pick(banks.supplierPrefixes).en} ${random.pick(banks.supplierSuffixes).en}`;
    } while (used.has(name));
    used.add(name);
    return {
      name,
      kind: 'supplier',
      country: 'CN',
      // The first pass visits every province once so all of them appear.
      province: i < supplierProvinces.length ? supplierProvinces[i]![0] : random.weighted(supplierProvinces),
      yearEstablished: random.int(1995, 2021),
      ...verification(random),
      joinedAt: joinedAt(random),
      industries: [...new Set(industries)],
    };
  });
};

export const generateBuyers = (random: Random, count: number): DemoCompany[] => {
  const banks = demoWordBanks();
  return Array.from({ length: count }, (_, i) => {
    // The first pass visits every market once so all of them appear.
    const country = i < buyerCountries.length ? buyerCountries[i]![0] : random.weighted(buyerCountries);
    return {
      name: `${banks.buyerWords[i % banks.buyerWords.length]} ${buyerSuffix[country] ?? 'Trading Co.'}`,
      kind: 'buyer',
      country,
      province: null,
      yearEstablished: random.int(1990, 2022),
      ...verification(random),
      joinedAt: joinedAt(random),
      industries: [],
    };
  });
};

const round = (value: number) => Math.max(0.01, Math.round(value * 100) / 100);
const cents = (usd: number) => String(Math.round(usd * 100));

const titleOf = (random: Random, noun: DemoNoun, withTranslations: boolean) => {
  const banks = demoWordBanks();
  const modifier = random.chance(0.6) ? random.pick(banks.modifiers) : undefined;
  const model = random.chance(0.3)
    ? ` ${String.fromCharCode(65 + random.int(0, 25))}${random.int(10, 990)}`
    : '';
  const en = `${modifier ? `${modifier.en} ` : ''}${noun.en}${model}`;
  const zh = `${modifier?.zh ?? ''}${noun.zh}${model}`;
  const es = modifier
    ? modifier.esAfter
      ? `${noun.es} ${modifier.es}${model}`
      : `${modifier.es} ${noun.es}${model}`
    : `${noun.es}${model}`;
  const capitalised = en.charAt(0).toUpperCase() + en.slice(1);
  return withTranslations
    ? { en: capitalised, zh, es: es.charAt(0).toUpperCase() + es.slice(1) }
    : { en: capitalised, zh: null, es: null };
};

/** One listing: a noun of the supplier's industries, tier prices at volume discounts, realistic MOQ. */
export const generateProduct = (
  random: Random,
  supplier: DemoCompany,
  translated: boolean,
): CreateProductInput => {
  const banks = demoWordBanks();
  const pool = supplier.industries.flatMap((i) => banks.byIndustry.get(i) ?? []);
  const noun = random.pick(pool.length > 0 ? pool : banks.nouns);
  const currency = random.chance(0.12) ? 'CNY' : 'USD';
  // The word bank prices in USD; a CNY listing is priced at roughly 7.1 CNY per USD.
  const base = round(
    (noun.priceMin + random.next() * (noun.priceMax - noun.priceMin)) * (currency === 'CNY' ? 7.1 : 1),
  );
  const moq = Math.max(1, Math.round(random.int(noun.moqMin, noun.moqMax) / 10) * 10 || noun.moqMin);
  return {
    categoryCode: noun.subcategory,
    hsCode: hsCodeFor(noun.subcategory, noun.en),
    title: titleOf(random, noun, translated),
    description: {
      en: `${noun.en.charAt(0).toUpperCase()}${noun.en.slice(1)} made in ${supplier.name}'s own factory. OEM and custom packaging available; samples on request.`,
    },
    attributes: [{ name: 'material grade', value: random.pick(['standard', 'premium', 'export grade']) }],
    certifications: random.chance(0.6) ? [random.pick(certifications)] : [],
    originProvince: supplier.province,
    moq,
    unit: noun.unit,
    currency,
    priceTiers: [
      { minQuantity: moq, maxQuantity: moq * 5 - 1, unitPrice: cents(base) },
      { minQuantity: moq * 5, maxQuantity: moq * 20 - 1, unitPrice: cents(round(base * 0.93)) },
      { minQuantity: moq * 20, maxQuantity: null, unitPrice: cents(round(base * 0.86)) },
    ],
    leadTimeTiers: [
      { maxQuantity: moq * 5, days: random.int(7, 20) },
      { maxQuantity: null, days: random.int(25, 45) },
    ],
    samplePrice: random.chance(0.5) ? cents(round(base * 2)) : null,
    customizationOptions: random.chance(0.5) ? ['logo printing', 'custom packaging'] : [],
    monthlyCapacity: moq * random.int(50, 400),
    packageSize: {
      lengthCm: random.int(10, 80),
      widthCm: random.int(10, 60),
      heightCm: random.int(5, 50),
      weightKg: round(random.next() * 20 + 0.2),
    },
  };
};
