import i18next, { type FormatFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import { isUiLang, matchUiLang, type UiLang } from './languages';
import zhCN from './zh-CN.json';

export const LANG_STORAGE_KEY = 'tradelane.lang';

const storedLang = (): UiLang | undefined => {
  try {
    const value = localStorage.getItem(LANG_STORAGE_KEY);
    return isUiLang(value) ? value : undefined;
  } catch {
    // Storage can be disabled (privacy modes); the browser language still works.
    return undefined;
  }
};

const initialLang = (): UiLang => storedLang() ?? matchUiLang(navigator.language) ?? 'en';

const syncDocument = (lang: string) => {
  document.documentElement.lang = lang;
};

i18next.on('languageChanged', (lang) => {
  syncDocument(lang);
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; failing to switch is not.
  }
});

// Numbers that are names, not quantities: a year or a document number must not be grouped ("2,015").
const UNGROUPED = new Set(['year', 'number', 'id', 'code', 'hs', 'voyage']);

const formatInterpolated: FormatFunction = (value, format, lng, options) =>
  typeof value === 'number' && !format && !UNGROUPED.has(String(options?.interpolationkey ?? ''))
    ? new Intl.NumberFormat(lng).format(value)
    : value;

export const initI18n = async () => {
  const lng = initialLang();
  syncDocument(lng);
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN', 'es'],
    // Without this, 'zh-CN' would also try to load a 'zh' bundle that doesn't exist.
    load: 'currentOnly',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, es: { translation: es } },
    interpolation: {
      escapeValue: false, // React already escapes.
      // Every number a sentence carries ("{{count}} suppliers", "MOQ {{moq}}") is grouped the
      // reader's way (1,250 · 1.250 · 1,250) without each screen remembering to format it.
      alwaysFormat: true,
      format: formatInterpolated,
    },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18next;
};
