import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { importProducts } from './import-products.js';
import { parseProductCsv, productCsvColumns } from './product-csv.js';
import { products } from './schema.js';

const h = useHarness();

const header = productCsvColumns.join(',');
const good = (title: string) =>
  `machinery/pumps/water-pumps,841370,${title},水泵,bomba,Cast iron,10,piece,USD,10-99:50.00|100-:45.50,15,CE|ISO 9001,330000,5000,80`;

const countFor = async (companyId: string) =>
  (await h.database.db.select({ n: count() }).from(products).where(eq(products.companyId, companyId)))[0]!.n;

describe('product CSV import', () => {
  it('imports every valid row with its tiers in minor units', async () => {
    const supplier = await newSupplier(h);
    const parsed = parseProductCsv([header, good('Pump A'), good('"Pump B, 2 kW"')].join('\n'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.products[1]!.title.en).toBe('Pump B, 2 kW');
    expect(parsed.products[0]!.priceTiers).toEqual([
      { minQuantity: 10, maxQuantity: 99, unitPrice: '5000' },
      { minQuantity: 100, maxQuantity: null, unitPrice: '4550' },
    ]);
    await importProducts(h.database.db, {
      supplierId: supplier.companyId,
      products: parsed.products,
      now: h.clock(),
    });
    expect(await countFor(supplier.companyId)).toBe(2);
    const search = await h.app.inject({ method: 'GET', url: '/api/search/products?q=pump%20b' });
    expect(search.json().total).toBeGreaterThanOrEqual(1);
  });

  it('a file with one bad line imports nothing and names that line and column', async () => {
    const supplier = await newSupplier(h);
    const bad = good('Pump C').replace('841370', '841399');
    const parsed = parseProductCsv([header, good('Pump A'), good('Pump B'), bad, good('Pump D')].join('\n'));
    expect(parsed.problems).toEqual([{ line: 4, column: 'hs_code', message: 'Not an HS 2022 subheading' }]);
    expect(await countFor(supplier.companyId)).toBe(0);
  });

  it('reports every kind of bad line at once', async () => {
    const lines = [
      header,
      good('Pump A').replace(',10,piece', ',abc,piece'),
      good('Pump B').replace('10-99:50.00|100-:45.50', '10-99:50.00|50-:45'),
      good('Pump C').replace(',USD,', ',XYZ,'),
      good('Pump D').replace('10-99:50.00', '10-99:50.001'),
      good(''),
    ];
    const { problems, products: valid } = parseProductCsv(lines.join('\n'));
    expect(valid).toHaveLength(0);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'moq'],
      [3, 'price_tiers'],
      [4, 'currency'],
      [5, 'price_tiers'],
      [6, 'title_en'],
    ]);
  });

  it('refuses a file without the required columns', () => {
    const { problems } = parseProductCsv('title_en,moq\nPump,10');
    expect(problems[0]!.message).toContain('missing columns');
  });

  it('rolls back the whole import when the database refuses a batch', async () => {
    const supplier = await newSupplier(h);
    const parsed = parseProductCsv([header, good('Pump A'), good('Pump B')].join('\n'));
    // An HS code that passes validation but is missing from the reference
    // table makes the second insert fail inside the transaction.
    const broken = [...parsed.products, { ...parsed.products[0]!, hsCode: '000000' }];
    await expect(
      importProducts(h.database.db, { supplierId: supplier.companyId, products: broken, now: h.clock() }),
    ).rejects.toThrow();
    expect(await countFor(supplier.companyId)).toBe(0);
  });

  it('refuses to import for a company that is not a supplier', async () => {
    const parsed = parseProductCsv([header, good('Pump A')].join('\n'));
    await expect(
      importProducts(h.database.db, { supplierId: 'co_nobody', products: parsed.products, now: h.clock() }),
    ).rejects.toThrow('No supplier company');
  });
});
