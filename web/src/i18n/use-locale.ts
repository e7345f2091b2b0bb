import { useTranslation } from 'react-i18next';
import { API_LANG, isUiLang, type UiLang } from './languages';

/** The current UI language, its API code, and the tag Intl formatters use. */
export const useLocale = () => {
  const { i18n } = useTranslation();
  const lang: UiLang = isUiLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return { lang, apiLang: API_LANG[lang], intlLocale: lang };
};
