import type { SearchLang } from '../api/types';

export type UiLang = 'en' | 'zh-CN' | 'es';

export const UI_LANGS: readonly UiLang[] = ['en', 'zh-CN', 'es'];

// The API names languages by their two-letter code; the UI by BCP 47 tag, so
// Intl and the <html lang> attribute get the script/region right.
export const API_LANG: Record<UiLang, SearchLang> = { en: 'en', 'zh-CN': 'zh', es: 'es' };

export const isUiLang = (value: unknown): value is UiLang => UI_LANGS.includes(value as UiLang);

/** Best UI language for a browser tag like 'zh-TW' or 'es-MX'. */
export const matchUiLang = (tag: string | undefined): UiLang | undefined => {
  if (!tag) return undefined;
  if (isUiLang(tag)) return tag;
  const base = tag.toLowerCase().split('-')[0];
  if (base === 'zh') return 'zh-CN';
  if (base === 'es') return 'es';
  if (base === 'en') return 'en';
  return undefined;
};
