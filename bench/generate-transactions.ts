import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type Random, seededRandom } from '../src/demo/random.js';
import { provinceList, taxonomy } from '../src/modules/catalog/index.js';
import { countriesIn, regionIds } from '../src/modules/geo/index.js';
import { transactionColumns } from '../src/modules/insights/index.js';

/** The days the generated history spans: two whole years, so the second has a base to grow from. */
export const historyYears = [2020, 2021] as const;

// Markets that buy most from China lead; the rest of the world follows in a long tail.
const leadingMarkets = [
  'US',
  'DE',
  'GB',
  'JP',
  'KR',
  'FR',
  'NL',
  'AU',
  'CA',
  'IN',
  'IT',
  'ES',
  'BR',
  'MX',
  'RU',
];
// Guangdong, Zhejiang, Jiangsu, Shandong, Fujian, Shanghai first: where export suppliers are.
const leadingProvinces = ['440000', '330000', '320000', '370000', '350000', '310000', '410000', '130000'];
const currencies: readonly (readonly [string, number])[] = [
  ['USD', 80],
  ['EUR', 9],
  ['CNY', 6],
  ['GBP', 3],
  ['AUD', 2],
];

/** Index `i` of n items weighted like Zipf's law (1 / (i + 1)^s), as a cumulative table. */
const zipfTable = (n: number, s: number) => {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s;
    cumulative[i] = total;
  }
  return cumulative.map((c) => c / total);
};

/** The first index whose cumulative weight exceeds `u` (binary search). */
const pickIndex = (cumulative: Float64Array, u: number) => {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

const leadingFirst = (all: string[], leading: string[]) => [
  ...leading.filter((c) => all.includes(c)),
  ...all.filter((c) => !leading.includes(c)),
];

/** Days of the history, weighted: ~40 % more trade in the second year, a dip at Chinese New Year. */
const dayTable = () => {
  const days: string[] = [];
  const weights: number[] = [];
  const first = Date.UTC(historyYears[0], 0, 1);
  const last = Date.UTC(historyYears[1], 11, 31);
  for (let t = first; t <= last; t += 86_400_000) {
    const date = new Date(t);
    const progress = (t - first) / (last - first);
    const month = date.getUTCMonth();
    days.push(date.toISOString().slice(0, 10));
    weights.push((1 + 0.4 * progress) * (month === 1 ? 0.6 : month >= 8 && month <= 10 ? 1.2 : 1));
  }
  let total = 0;
  const cumulative = new Float64Array(weights.map((w) => (total += w)));
  return { days, cumulative: cumulative.map((c) => c / total) };
};

/** A skewed index in [0, n): low indices (big buyers, big suppliers) come up far more often. */
const skewed = (random: Random, n: number) => Math.floor(n * random.next() ** 2.5);

/** A lognormal order value in cents: a median near $2,000, a long tail of large orders. */
const orderCents = (random: Random) => {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Math.max(100, Math.round(Math.exp(Math.log(200_000) + 1.1 * normal)));
};

/** The shape of the data: who trades what, where, and when. */
const plan = (random: Random, rows: number) => {
  const provinces = leadingFirst(
    provinceList().list.map((p) => p.code),
    leadingProvinces,
  );
  const nodes = [...taxonomy().byCode.values()];
  const industries = nodes.filter((n) => n.level === 'industry').map((n) => n.code);
  const categoriesOf = industries.map((i) =>
    nodes.filter((n) => n.level === 'category' && n.parent === i).map((n) => n.code),
  );
  const countries = leadingFirst(
    regionIds.filter((r) => r !== 'antarctica').flatMap((r) => countriesIn(r)),
    leadingMarkets,
  ).slice(0, 200);
  const suppliers = Math.max(10, Math.round(rows / 200));
  const buyers = Math.max(10, Math.round(rows / 20));
  const provinceWeights = zipfTable(provinces.length, 1.1);
  const industryWeights = zipfTable(industries.length, 0.8);
  const countryWeights = zipfTable(countries.length, 1.2);
  // Each supplier is in one province and one industry, each buyer in one country, for good.
  const supplierProvince = Uint8Array.from({ length: suppliers }, () =>
    pickIndex(provinceWeights, random.next()),
  );
  const supplierIndustry = Uint8Array.from({ length: suppliers }, () =>
    pickIndex(industryWeights, random.next()),
  );
  const buyerCountry = Uint8Array.from({ length: buyers }, () => pickIndex(countryWeights, random.next()));
  return {
    provinces,
    industries,
    categoriesOf,
    categoryWeights: categoriesOf.map((c) => zipfTable(c.length, 1)),
    countries,
    suppliers,
    buyers,
    supplierProvince,
    supplierIndustry,
    buyerCountry,
    days: dayTable(),
    currencyWeights: (() => {
      let total = 0;
      const c = new Float64Array(currencies.map(([, w]) => (total += w)));
      return c.map((x) => x / total);
    })(),
  };
};

/** USD per unit of each generated currency (what the shipped rates say, near enough for amounts). */
const roughUsdPerUnit: Record<string, number> = { USD: 1, EUR: 1.08, CNY: 0.14, GBP: 1.27, AUD: 0.7 };

/**
 * Writes `rows` transactions in the exact columns `tradelane import
 * transactions` takes, the same file for the same seed on every machine.
 * About 1 % are refunds (a negative amount of an earlier-looking order).
 */
export const generateTransactionsCsv = async (
  file: string,
  { rows, seed }: { rows: number; seed: number },
) => {
  const random = seededRandom(seed);
  const p = plan(random, rows);
  const out = createWriteStream(file);
  let chunk = `${transactionColumns.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const supplier = skewed(random, p.suppliers);
    const industry = p.supplierIndustry[supplier]!;
    const category = p.categoriesOf[industry]![pickIndex(p.categoryWeights[industry]!, random.next())]!;
    const buyer = skewed(random, p.buyers);
    const day = p.days.days[pickIndex(p.days.cumulative, random.next())]!;
    const currency = currencies[pickIndex(p.currencyWeights, random.next())]![0];
    const refund = random.next() < 0.01;
    const cents = Math.max(1, Math.round(orderCents(random) / roughUsdPerUnit[currency]!));
    const amount = `${refund ? '-' : ''}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    chunk +=
      `T${i},${day},S${supplier},${p.provinces[p.supplierProvince[supplier]!]},${p.industries[industry]},` +
      `${category},B${buyer},${p.countries[p.buyerCountry[buyer]!]},${amount},${currency}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
};
