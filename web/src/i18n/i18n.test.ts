import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import zhCN from './zh-CN.json';

type Messages = { [key: string]: string | Messages };

/** 'a.b.c' → text, for every leaf of a translation file. */
const flatten = (messages: Messages, prefix = ''): Map<string, string> => {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') leaves.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) leaves.set(k, v);
  }
  return leaves;
};

const languages = {
  en: flatten(en as Messages),
  'zh-CN': flatten(zhCN as Messages),
  es: flatten(es as Messages),
};

// Every screen's source, read as text by Vite at test time; the test file itself is left out.
const sources = Object.entries(
  import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

// t('key') / t("key") / t(`key`) with a literal key: dynamic keys (`status.${s}`) can't be
// checked statically and are covered by the screens' own tests.
const literalKeyCall = /\bt\(\s*(?:'([^'\n]+)'|"([^"\n]+)"|`([^`$\n]+)`)/g;

const keysUsedInCode = () => {
  const used = new Map<string, string>();
  for (const [file, text] of sources) {
    for (const match of text.matchAll(literalKeyCall)) {
      const key = match[1] ?? match[2] ?? match[3];
      if (key && !used.has(key)) used.set(key, file);
    }
  }
  return used;
};

// i18next picks key_one / key_other (…_zero, _few, _many) when a count is given.
const pluralSuffixes = ['_zero', '_one', '_two', '_few', '_many', '_other'];
const existsIn = (messages: Map<string, string>, key: string) =>
  messages.has(key) || pluralSuffixes.some((suffix) => messages.has(`${key}${suffix}`));

describe('translations', () => {
  it('has the same keys in every language', () => {
    const problems: string[] = [];
    for (const [lang, messages] of Object.entries(languages)) {
      for (const [otherLang, other] of Object.entries(languages)) {
        if (lang === otherLang) continue;
        for (const key of messages.keys()) {
          if (!other.has(key)) problems.push(`${otherLang} lacks ${key} (present in ${lang})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = Object.entries(languages).flatMap(([lang, messages]) =>
      [...messages].filter(([, text]) => text.trim() === '').map(([key]) => `${lang}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('keeps every {{placeholder}} of the English text in each translation', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const problems: string[] = [];
    for (const [key, text] of languages.en) {
      const expected = placeholders(text);
      for (const lang of ['zh-CN', 'es'] as const) {
        const translated = languages[lang].get(key);
        if (translated === undefined) continue; // reported by the key test
        const got = placeholders(translated);
        if (expected.some((name) => !got.includes(name))) problems.push(`${lang}: ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds the source files it scans', () => {
    // A broken glob would make the next test pass on nothing.
    expect(sources.length).toBeGreaterThan(50);
    expect(keysUsedInCode().size).toBeGreaterThan(500);
  });

  it('defines in English every key the code asks for with a literal t(…)', () => {
    const missing = [...keysUsedInCode()]
      .filter(([key]) => !existsIn(languages.en, key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
