import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newProduct, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { searchIndex } from './index.js';

const h = useHarness();

type Result = {
  total: number;
  items: { id: string }[];
  facets: Record<string, { value: string; count: number }[]>;
  interpretation: {
    queries: Partial<Record<'en' | 'es' | 'zh', string>>;
    corrections: Record<string, string>;
  };
};

const search = async (query: string) => {
  const response = await h.app.inject({ method: 'GET', url: `/api/search/products?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Result;
};
const ids = (r: Result) => r.items.map((i) => i.id);

const products: Record<string, string> = {};

beforeAll(async () => {
  const zhejiang = await newSupplier(h, { province: '330000' });
  const guangdong = await newSupplier(h, { province: '440000' });
  products.pump = (
    await newProduct(h, zhejiang, {
      title: { en: 'Electric water pump for irrigation' },
      categoryCode: 'machinery/pumps/water-pumps',
      originProvince: '330000',
    })
  ).id;
  products.zhSteel = (
    await newProduct(h, guangdong, {
      title: { en: 'Kitchen sink', zh: '不锈钢厨房水槽' },
      categoryCode: 'home-garden/kitchenware',
      hsCode: '732410',
      originProvince: '440000',
      certifications: [],
    })
  ).id;
  products.steel = (
    await newProduct(h, guangdong, {
      title: { en: 'Stainless steel hex bolts M8' },
      categoryCode: 'tools-hardware/fasteners/stainless-steel-fasteners',
      hsCode: '731815',
      originProvince: '440000',
      certifications: ['ISO 9001'],
    })
  ).id;
  products.lamp = (
    await newProduct(h, guangdong, {
      title: { en: 'LED desk lamp' },
      categoryCode: 'lighting/led-bulbs-tubes',
      hsCode: '853952',
      originProvince: '440000',
    })
  ).id;
});

describe('multilingual search', () => {
  it('finds an English-only "water pump" listing from Spanish "bomba de agua"', async () => {
    expect(ids(await search('q=bomba%20de%20agua&lang=es'))).toContain(products.pump);
  });

  it('finds a Chinese-titled stainless-steel listing from Chinese 不锈钢', async () => {
    const result = await search(`q=${encodeURIComponent('不锈钢')}&lang=zh`);
    expect(ids(result)).toContain(products.zhSteel);
  });

  it('tolerates a typo: "stainles steel" finds stainless steel', async () => {
    const result = await search('q=stainles%20steel');
    expect(ids(result)).toContain(products.steel);
    expect(result.interpretation.corrections).toEqual({ stainles: 'stainless' });
  });

  it('does not find unrelated listings', async () => {
    expect(ids(await search('q=bomba%20de%20agua'))).not.toContain(products.steel);
  });

  it('never narrows a half-translated query to its Chinese words alone', async () => {
    const paperCup = await newProduct(h, await newSupplier(h), {
      title: { en: 'Disposable cup', zh: '一次性纸杯' },
      categoryCode: 'packaging/paper-packaging',
      hsCode: '482369',
    });
    // "paper" is in the glossary (纸), "qzxv" is not: the Chinese version would be 纸 alone.
    const result = await search('q=paper%20qzxv');
    expect(result.interpretation).toMatchObject({ queries: { en: 'paper qzxv' } });
    expect(result.interpretation.queries.zh).toBeUndefined();
    expect(ids(result)).not.toContain(paperCup.id);
    // The same listing is found when every word has its Chinese version.
    expect(ids(await search('q=paper%20cup'))).toContain(paperCup.id);
  });
});

describe('facets', () => {
  it('counts equal the number of matching rows for every facet value', async () => {
    const all = await search('q=&pageSize=100');
    expect(all.total).toBeGreaterThanOrEqual(3);
    for (const facet of ['category', 'province', 'verification', 'certification'] as const) {
      for (const bucket of all.facets[facet]!) {
        const param = {
          category: 'category',
          province: 'province',
          verification: 'verified',
          certification: 'certification',
        }[facet];
        if (facet === 'verification') continue; // "at least" semantics: checked below
        const filtered = await search(`q=&pageSize=100&${param}=${encodeURIComponent(bucket.value)}`);
        expect(filtered.total, `${facet}=${bucket.value}`).toBe(bucket.count);
        expect(filtered.items).toHaveLength(bucket.count);
      }
    }
    const categoryTotal = all.facets.category!.reduce((sum, b) => sum + b.count, 0);
    expect(categoryTotal).toBe(all.total);
    const verificationTotal = all.facets.verification!.reduce((sum, b) => sum + b.count, 0);
    expect(verificationTotal).toBe(all.total);
  });

  it('max-MOQ and price buckets count the rows a filter would return', async () => {
    const all = await search('q=');
    for (const bucket of all.facets.maxMoq!) {
      expect((await search(`q=&maxMoq=${bucket.value}`)).total).toBe(bucket.count);
    }
    for (const bucket of all.facets.price!) {
      const [low, high] = bucket.value.split('-');
      const range = `minPrice=${low}${high ? `&maxPrice=${Number(high) - 0.01}` : ''}`;
      expect((await search(`q=&${range}`)).total, bucket.value).toBe(bucket.count);
    }
  });

  it('filters by province with the facet still consistent', async () => {
    const result = await search('q=pump&province=330000');
    expect(ids(result)).toContain(products.pump);
    expect(result.facets.province).toEqual([{ value: '330000', count: result.total }]);
  });
});

describe('hostile and empty queries', () => {
  it('answers a 10,000-character query without error', async () => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/search/products?q=${'a'.repeat(10_000)}`,
    });
    expect(response.statusCode).toBe(200);
  });

  it('treats tsquery syntax as text', async () => {
    for (const q of ["pump & !'", ':*|(', "o'brien"]) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/api/search/products?q=${encodeURIComponent(q)}`,
      });
      expect(response.statusCode, q).toBe(200);
    }
  });

  it('refuses an unknown parameter with the standard error', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/search/products?q=pump&sort=evil' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('supplier listing stats', () => {
  it('are rebuilt for everyone by the nightly refresh, which runs outside any transaction', async () => {
    const { db } = h.database;
    const count = async () =>
      Number(
        (await queryRows<{ n: string }>(db, sql`select count(*) as n from supplier_listing_stats`))[0]!.n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await db.execute(sql`delete from supplier_listing_stats`);
    await searchIndex.refreshSupplierStats(db, 'all');
    expect(await count()).toBe(before);
  });
});
