import type { Growth, IndexReportData, Localized } from './report-shape.js';
import { type IndexLang, indexStrings } from './strings.js';

const locales: Record<IndexLang, string> = { en: 'en-US', 'zh-CN': 'zh-CN', es: 'es-ES' };

/** Number, money and name formatting of the index in one language, for charts and the PDF alike. */
export const indexFormat = (lang: IndexLang) => {
  const locale = locales[lang];
  const compactUsd = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const fullUsd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const plainPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const monthName = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = (ym: string) => monthName.format(new Date(`${ym}-15T00:00:00Z`));
  return {
    lang,
    strings: indexStrings(lang),
    usd: (value: number) => fullUsd.format(value),
    compactUsd: (value: number) => compactUsd.format(value),
    integer: (value: number) => integer.format(value),
    decimal: (value: number) => decimal.format(value),
    /** Growth as a signed percentage; a dash when there is no base to grow from. */
    growth: (value: Growth) => (value === null ? '—' : percent.format(value)),
    share: (value: number) => plainPercent.format(value),
    month,
    period: (p: { from: string; to: string }) =>
      p.from === p.to ? month(p.from) : `${month(p.from)} – ${month(p.to)}`,
    name: (value: Localized) =>
      (lang === 'zh-CN' ? value.zh : lang === 'es' ? value.es : value.en) || value.en,
    province: (p: Pick<IndexReportData['provinces'][number], 'name' | 'nameEn'>) =>
      lang === 'zh-CN' ? p.name : p.nameEn,
  };
};

export type IndexFormat = ReturnType<typeof indexFormat>;
