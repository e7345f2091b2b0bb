import { count, sql } from 'drizzle-orm';
import { chunks } from '../../core/arrays.js';
import { readCsv } from '../../core/csv.js';
import { lazy } from '../../core/lazy.js';
import { dataFile } from '../../core/paths.js';
import type { Db } from '../../db/client.js';
import { glossaryTerms } from './schema.js';
import { latinWords } from './text.js';

export type GlossaryEntry = { en: string; zh: string; es: string };
export type Language = keyof GlossaryEntry;
export const languages: readonly Language[] = ['en', 'zh', 'es'];

/**
 * data/glossary.csv, read once per process: reference data shipped with the
 * code, so searches read it from memory, inside a transaction or not.
 */
export const shippedGlossary = lazy((): GlossaryEntry[] =>
  readCsv<GlossaryEntry>(dataFile('glossary.csv')).map((r) => ({
    en: r.en.toLowerCase(),
    zh: r.zh,
    es: r.es.toLowerCase(),
  })),
);

/** Loads data/glossary.csv into its table; replaces the table when the file changed size. */
export const loadGlossary = async (db: Db): Promise<void> => {
  const rows = shippedGlossary();
  const [loaded] = await db.select({ n: count() }).from(glossaryTerms);
  if ((loaded?.n ?? 0) === rows.length) return;
  await db.transaction(async (tx) => {
    await tx.delete(glossaryTerms);
    for (const batch of chunks(rows, 1000)) await tx.insert(glossaryTerms).values(batch);
    // Glossary words are real words: typo correction must never "fix" them.
    const words = [...new Set(rows.flatMap((r) => latinWords(`${r.en} ${r.es}`)))];
    await tx.execute(sql`
      insert into search_vocabulary (term) select jsonb_array_elements_text(${JSON.stringify(words)}::jsonb)
      on conflict do nothing`);
  });
};

export type GlossaryMatch = { entry: GlossaryEntry; start: number; end: number };

const isBoundary = (text: string, index: number) =>
  index < 0 || index >= text.length || /[^\p{L}\p{N}]/u.test(text[index]!);

/**
 * The glossary concepts named in a query, longest first and never
 * overlapping: "stainless steel water pump" → stainless steel, water pump.
 * Latin terms must match whole words; Chinese terms match anywhere.
 */
export const findGlossaryMatches = (
  query: string,
  glossary: readonly GlossaryEntry[],
  inLanguages: readonly Language[],
): GlossaryMatch[] => {
  const text = query.toLowerCase();
  const candidates: GlossaryMatch[] = [];
  for (const entry of glossary) {
    for (const language of inLanguages) {
      const term = entry[language];
      if (!term) continue;
      let at = text.indexOf(term);
      while (at >= 0) {
        const end = at + term.length;
        if (language === 'zh' || (isBoundary(text, at - 1) && isBoundary(text, end))) {
          candidates.push({ entry, start: at, end });
        }
        at = text.indexOf(term, at + 1);
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: GlossaryMatch[] = [];
  for (const c of candidates) {
    if (chosen.every((m) => c.end <= m.start || c.start >= m.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
};

/**
 * The query rewritten in `target`: every glossary concept replaced by its
 * term in that language, the other words kept as typed (names, models).
 */
export const translateQuery = (
  query: string,
  matches: readonly GlossaryMatch[],
  target: Language,
): string => {
  let out = '';
  let cursor = 0;
  for (const m of matches) {
    out += `${query.slice(cursor, m.start)} ${m.entry[target]} `;
    cursor = m.end;
  }
  return (out + query.slice(cursor)).replace(/\s+/g, ' ').trim();
};
