import { count, sql } from 'drizzle-orm';
import { chunks } from '../../core/arrays.js';
import { readCsv } from '../../core/csv.js';
import { dataFile } from '../../core/paths.js';
import type { Db } from '../../db/client.js';
import { hsCodes, provinces, taxonomyNodes } from './schema.js';

type HsRow = { section: string; hscode: string; description: string; parent: string; level: string };
type TaxonomyRow = {
  code: string;
  level: 'industry' | 'category' | 'subcategory';
  parent: string;
  name_en: string;
  name_zh: string;
  name_es: string;
  hs_headings: string;
};
type ProvinceRow = { code: string; name_zh: string; name_en: string };

/**
 * Loads HS 2022, the taxonomy and the province list from data/ into their
 * reference tables. Idempotent: rows are upserted, so a newer data file
 * updates names without touching products that point at the codes.
 */
export const loadCatalogReferenceData = async (db: Db): Promise<void> => {
  const hs = readCsv<HsRow>(dataFile('hs/harmonized-system.csv'));
  const [loaded] = await db.select({ n: count() }).from(hsCodes);
  if ((loaded?.n ?? 0) !== hs.length) {
    for (const batch of chunks(hs, 1000)) {
      await db
        .insert(hsCodes)
        .values(
          batch.map((r) => ({
            code: r.hscode,
            section: r.section,
            description: r.description,
            parent: r.parent === 'TOTAL' ? null : r.parent,
            level: Number(r.level),
          })),
        )
        .onConflictDoUpdate({
          target: hsCodes.code,
          set: { description: sql`excluded.description`, section: sql`excluded.section` },
        });
    }
  }

  const taxonomy = readCsv<TaxonomyRow>(dataFile('taxonomy.csv')).map((r, position) => ({
    code: r.code,
    level: r.level,
    parent: r.parent || null,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    nameEs: r.name_es,
    hsHeadings: r.hs_headings.split(/\s+/).filter(Boolean),
    position,
  }));
  for (const batch of chunks(taxonomy, 500)) {
    await db
      .insert(taxonomyNodes)
      .values(batch)
      .onConflictDoUpdate({
        target: taxonomyNodes.code,
        set: {
          level: sql`excluded.level`,
          parent: sql`excluded.parent`,
          nameEn: sql`excluded.name_en`,
          nameZh: sql`excluded.name_zh`,
          nameEs: sql`excluded.name_es`,
          hsHeadings: sql`excluded.hs_headings`,
          position: sql`excluded.position`,
        },
      });
  }

  const provinceRows = readCsv<ProvinceRow>(dataFile('provinces.csv'));
  await db
    .insert(provinces)
    .values(provinceRows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en })))
    .onConflictDoUpdate({
      target: provinces.code,
      set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` },
    });
};
