// Fails when the three translation files don't have exactly the same keys, so a
// string added in English can't silently show up as a raw key in 中文 or ES.
import { readFileSync } from 'node:fs';

const files = ['en', 'zh-CN', 'es'];
const keysOf = (value, prefix = '') =>
  Object.entries(value).flatMap(([key, child]) =>
    child && typeof child === 'object' ? keysOf(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

const sets = files.map((lang) => {
  const json = JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
  return { lang, keys: new Set(keysOf(json)) };
});

let failed = false;
const [reference, ...others] = sets;
for (const other of others) {
  const missing = [...reference.keys].filter((key) => !other.keys.has(key));
  const extra = [...other.keys].filter((key) => !reference.keys.has(key));
  for (const key of missing) console.error(`${other.lang}.json is missing ${key}`);
  for (const key of extra) console.error(`${other.lang}.json has ${key}, which en.json lacks`);
  failed ||= missing.length > 0 || extra.length > 0;
}
if (failed) process.exit(1);
console.log(`i18n: ${reference.keys.size} keys, identical in ${files.join(', ')}`);
