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
    return {
      locale: intlLocale,
      number: (value: number) => numberFormat.format(value),
      money: (value: Money) => formatMoney(value, intlLocale),
      moneyRange: (min: Money, max: Money) => formatMoneyRange(min, max, intlLocale),
      major: (value: number, currency: string) => formatMajor(value, currency, intlLocale),
      date: (iso: string) => dateFormat.format(new Date(iso)),
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
