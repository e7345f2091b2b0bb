import { writeFile } from 'node:fs/promises';
import type { Database } from '../db/client.js';
import {
  buildIndexReport,
  type IndexLang,
  type IndexReport,
  rebuildRollups,
  renderIndexPdf,
} from '../modules/insights/index.js';

const pct = (growth: number | null) =>
  growth === null ? 'n/a' : `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(2)} %`;
const money = (usd: number) =>
  `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The report as plain text, for a terminal. */
export const formatIndexReport = (r: IndexReport) => {
  const lines = [
    `Trade index ${r.period.from} … ${r.period.to} against ${r.basePeriod.from} … ${r.basePeriod.to}`,
    '',
    `GMV     ${money(r.totals.gmvUsd)}  ${pct(r.totals.gmvGrowth)}`,
    `Orders  ${r.totals.orders}  ${pct(r.totals.ordersGrowth)}`,
    `Buyers  ${r.totals.buyers}  ${pct(r.totals.buyersGrowth)}`,
    '',
    'Top supplier provinces',
    ...r.provinces
      .slice(0, 10)
      .map(
        (p) =>
          `  ${String(p.rank).padStart(2)}. ${p.name} (${p.nameEn})  ${money(p.gmvUsd)}  ${(p.share * 100).toFixed(1)} %  ${pct(p.growth)}  ${p.topIndustries.map((i) => `${i.code} ${pct(i.growth)}`).join(', ')}`,
      ),
    '',
    'Industries',
    ...r.industries.map((i) => `  ${i.code}  ${money(i.gmvUsd)}  ${pct(i.growth)}`),
    '',
    `Fastest growing categories in ${r.fastestGrowingCategories.month}`,
    ...r.fastestGrowingCategories.items.map((c) => `  ${c.code}  ${pct(c.growth)}`),
    '',
    'Buyer markets',
    ...r.buyerRegions.map(
      (g) => `  ${g.rank}. ${g.name}  ${g.activeBuyers} active buyers  ${money(g.gmvUsd)}`,
    ),
    '',
    'Daily active buyers',
    ...r.dailyActiveBuyers
      .slice(0, 10)
      .map(
        (d) =>
          `  ${d.category}  ${d.dailyActiveBuyers}  ${pct(d.growth)}  full year ${d.forecast.year}: ${pct(d.forecast.growth)} (${d.forecast.method})`,
      ),
    '',
    'Blue-ocean categories',
    ...r.blueOcean
      .slice(0, 10)
      .map((b) => `  ${b.category}  ${b.score}  (demand ${b.demand}, ${b.listings} listings)`),
  ];
  return lines.join('\n');
};

/** `tradelane index --from YYYY-MM --to YYYY-MM [--json]`. */
export const printIndexReport = async (
  database: Database,
  options: { from: string; to: string; json?: boolean; out?: string },
) => {
  const report = await buildIndexReport(database.db, { from: options.from, to: options.to });
  const text = options.json ? JSON.stringify(report, null, 2) : formatIndexReport(report);
  if (options.out) await writeFile(options.out, text);
  else console.log(text);
};

/** `tradelane index --from YYYY-MM --to YYYY-MM --pdf FILE [--lang en|zh-CN|es]`. */
export const writeIndexPdf = async (
  database: Database,
  options: { from: string; to: string; file: string; lang: IndexLang },
) => {
  const report = await buildIndexReport(database.db, { from: options.from, to: options.to });
  const pdf = await renderIndexPdf(report, options.lang, new Date());
  await writeFile(options.file, pdf);
  console.log(`Wrote ${options.file} (${Math.round(pdf.length / 1024)} KB).`);
};

/** `tradelane index rebuild`: the rollups again from the facts. */
export const rebuildIndex = async (database: Database) => {
  const started = Date.now();
  await rebuildRollups(database.db);
  console.log(`Rollups rebuilt from the facts in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
};
