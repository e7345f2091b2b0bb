import {
  buyerMarketsOption,
  dauLinesOption,
  fill,
  type IndexLang,
  type IndexReportData,
  indexFormat,
  industryGrowthOption,
  palette,
  provinceMapOption,
  topProvincesOption,
} from '../charts/index.js';
import { createReportDocument } from './pdf-layout.js';

const growthColor = (value: number | null) =>
  value === null ? palette.dimmed : value < 0 ? palette.negative : palette.positive;

/**
 * The trade index as a PDF in one language: the dashboard's headline figures
 * and charts (drawn from the same ECharts options), the province and
 * blue-ocean tables. Chinese text is set in the shipped Noto Sans SC.
 */
export const renderIndexPdf = (report: IndexReportData, lang: IndexLang, generatedAt: Date) => {
  const f = indexFormat(lang);
  const s = f.strings;
  const pdf = createReportDocument({ title: s.reportTitle, lang });
  const periodLine = fill(s.periodAgainst, {
    period: f.period(report.period),
    base: f.period(report.basePeriod),
  });

  pdf.title(s.reportTitle);
  pdf.paragraph(periodLine, { size: 12, color: palette.text });
  pdf.paragraph(fill(s.generated, { date: generatedAt.toISOString().slice(0, 10) }), { size: 8 });
  const { totals } = report;
  pdf.figures(
    [
      { label: s.gmv, value: f.compactUsd(totals.gmvUsd), growth: totals.gmvGrowth },
      { label: s.orders, value: f.integer(totals.orders), growth: totals.ordersGrowth },
      { label: s.buyers, value: f.integer(totals.buyers), growth: totals.buyersGrowth },
    ].map((item) => ({
      ...item,
      note: `${f.growth(item.growth)} ${s.vsYearEarlier}`,
      noteColor: growthColor(item.growth),
    })),
  );
  if (report.provinces.length === 0) pdf.paragraph(s.noData, { size: 11, color: palette.text });

  pdf.heading(s.provinceMap, 420);
  pdf.chart(provinceMapOption(report, f), 420);

  pdf.heading(s.topProvinces, 280);
  pdf.chart(topProvincesOption(report, f), 260);
  pdf.table(
    [
      { header: s.rank, width: 40 },
      { header: s.province, width: 95 },
      { header: s.gmv, width: 85, align: 'right' },
      { header: s.share, width: 55, align: 'right' },
      { header: s.growth, width: 60, align: 'right' },
      { header: s.topIndustries, width: pdf.width - 335 },
    ],
    report.provinces
      .slice(0, 10)
      .map((p) => [
        String(p.rank),
        f.province(p),
        f.usd(p.gmvUsd),
        f.share(p.share),
        f.growth(p.growth),
        p.topIndustries.map((i) => `${f.name(i.name)} ${f.growth(i.growth)}`).join(' · '),
      ]),
  );

  pdf.heading(s.industryGrowth, 260);
  pdf.chart(industryGrowthOption(report, f), 260);

  pdf.heading(s.buyerMarkets, 240);
  pdf.chart(buyerMarketsOption(report, f), 240);

  pdf.heading(s.dailyActiveBuyers, 280);
  pdf.chart(dauLinesOption(report, f), 280);
  pdf.table(
    [
      { header: s.category, width: 200 },
      { header: s.activeBuyers, width: 90, align: 'right' },
      { header: s.growth, width: 90, align: 'right' },
      {
        header: fill(s.fullYearForecast, { year: report.period.to.slice(0, 4) }),
        width: pdf.width - 380,
        align: 'right',
      },
    ],
    report.dailyActiveBuyers
      .slice(0, 10)
      .map((d) => [
        f.name(d.name),
        f.decimal(d.dailyActiveBuyers),
        f.growth(d.growth),
        f.growth(d.forecast.growth),
      ]),
  );

  pdf.heading(s.blueOcean, 160);
  pdf.paragraph(s.blueOceanNote, { size: 8.5 });
  pdf.table(
    [
      { header: s.category, width: 170 },
      { header: s.score, width: 55, align: 'right' },
      { header: s.demandGrowth, width: 95, align: 'right' },
      { header: s.demandPerListing, width: 95, align: 'right' },
      { header: s.listings, width: pdf.width - 415, align: 'right' },
    ],
    report.blueOcean.map((b) => [
      f.name(b.name),
      f.decimal(b.score),
      f.growth(b.components.demandGrowth),
      b.components.demandPerListing === null ? '—' : f.decimal(b.components.demandPerListing),
      f.integer(b.listings),
    ]),
  );

  return pdf.finish(`${s.reportTitle} · ${periodLine}`);
};
