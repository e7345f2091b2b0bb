import { useMemo } from 'react';
import type { LocalizedName, Money, SearchLang } from '../api/types';
import { useLocale } from '../i18n/use-locale';
import { formatMajor, formatMoney, formatMoneyRange } from './money';

type MaybeLocalized = { en: string; zh?: string | null; es?: string | null };

/** The text in the UI language, falling back to English which every record has. */
export const pickLocalized = (value: MaybeLocalized | LocalizedName, lang: SearchLang): string =>
  value[lang]?.trim() ? (value[lang] as string) : value.en;

/** Formatters bound to the current UI language. */
export const useFormat = () => {
  const { intlLocale, apiLang } = useLocale();
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(intlLocale);
    const dateFormat = new Intl.DateTimeFormat(intlLocale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    const monthFormat = new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: 'long' });
    const regions = new Intl.DisplayNames([intlLocale], { type: 'region', fallback: 'code' });
    const currencies = new Intl.DisplayNames([intlLocale], { type: 'currency', fallback: 'code' });
    const percentFormat = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
    const precisePercentFormat = new Intl.NumberFormat(intlLocale, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const dateTimeFormat = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
    const relativeFormat = new Intl.RelativeTimeFormat(intlLocale, { numeric: 'auto' });
    const kilobytes = new Intl.NumberFormat(intlLocale, {
      style: 'unit',
      unit: 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: 0,
    });
    const megabytes = new Intl.NumberFormat(intlLocale, {
      style: 'unit',
      unit: 'megabyte',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    const unitFormats = Object.fromEntries(
      (['day', 'hour', 'minute'] as const).map((unit) => [
        unit,
        new Intl.NumberFormat(intlLocale, { style: 'unit', unit, unitDisplay: 'long' }),
      ]),
    ) as Record<'day' | 'hour' | 'minute', Intl.NumberFormat>;
    return {
      locale: intlLocale,
      number: (value: number) => numberFormat.format(value),
      money: (value: Money) => formatMoney(value, intlLocale),
      moneyRange: (min: Money, max: Money) => formatMoneyRange(min, max, intlLocale),
      major: (value: number, currency: string) => formatMajor(value, currency, intlLocale),
      date: (iso: string) => dateFormat.format(new Date(iso)),
      /** A calendar day (YYYY-MM-DD) as that day wherever the reader is: noon keeps it off the date line. */
      day: (ymd: string) => dateFormat.format(new Date(`${ymd.slice(0, 10)}T12:00:00`)),
      dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
      /** "in 3 days", "2 hours ago": the largest whole unit of the distance from now. */
      relative: (iso: string, now = Date.now()) => {
        const seconds = (new Date(iso).getTime() - now) / 1000;
        const units: [Intl.RelativeTimeFormatUnit, number][] = [
          ['day', 86_400],
          ['hour', 3_600],
          ['minute', 60],
        ];
        for (const [unit, size] of units) {
          if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
        }
        return relativeFormat.format(0, 'minute');
      },
      /** A span of time as its two largest units ("3 days 4 hours", "5 hours 12 minutes"), for countdowns. */
      duration: (ms: number) => {
        const minutes = Math.max(0, Math.floor(ms / 60_000));
        const days = Math.floor(minutes / 1440);
        const hours = Math.floor((minutes % 1440) / 60);
        // Chinese writes "3天4小时" without a space.
        const gap = intlLocale.startsWith('zh') ? '' : ' ';
        if (days > 0) return `${unitFormats.day.format(days)}${gap}${unitFormats.hour.format(hours)}`;
        if (hours > 0)
          return `${unitFormats.hour.format(hours)}${gap}${unitFormats.minute.format(minutes % 60)}`;
        return unitFormats.minute.format(minutes);
      },
      /** A 0..1 share as a whole percentage in the locale's style ("92%", "92 %"). */
      percent: (share: number) => percentFormat.format(share),
      percentPrecise: (share: number) => precisePercentFormat.format(share),
      /** A file size in binary kB or MB ("840 kB", "4.8 MB"), as upload limits are counted. */
      fileSize: (bytes: number) =>
        bytes < 1024 * 1024
          ? kilobytes.format(Math.max(1, Math.round(bytes / 1024)))
          : megabytes.format(bytes / (1024 * 1024)),
      currencyName: (code: string) => {
        try {
          return currencies.of(code) ?? code;
        } catch {
          return code;
        }
      },
      month: (iso: string) => monthFormat.format(new Date(iso)),
      country: (code: string) => {
        try {
          return regions.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
      localized: (value: MaybeLocalized | LocalizedName) => pickLocalized(value, apiLang),
      /** The BCP 47 tag of the text `localized` returns, for a `lang` attribute when it fell back to English. */
      localizedLang: (value: MaybeLocalized | LocalizedName): string | undefined =>
        value[apiLang]?.trim() ? undefined : 'en',
    };
  }, [intlLocale, apiLang]);
};
