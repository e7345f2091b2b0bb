import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newBuyer, newSupplier } from '../../test/factories.js';
import { uploadCsv } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';
import { productCsvColumns } from './product-csv.js';
import { products } from './schema.js';

const h = useHarness();

const header = productCsvColumns.join(',');
const row = (title: string) =>
  `machinery/pumps/water-pumps,841370,${title},水泵,bomba,Cast iron,10,piece,USD,10-99:50.00|100-:45.50,15,CE,330000,5000,80`;
const file = (...lines: string[]) => [header, ...lines].join('\n');

const countFor = async (companyId: string) =>
  (await h.database.db.select({ n: count() }).from(products).where(eq(products.companyId, companyId)))[0]!.n;

describe('POST /api/products/import', () => {
  it('lists every product of the file for the uploading supplier, searchable at once', async () => {
    const supplier = await newSupplier(h);
    const res = await uploadCsv(
      h,
      supplier,
      '/api/products/import',
      file(row('Upload pump A'), row('Upload pump B')),
      'pumps.csv',
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(2);
    expect(res.json().ids).toHaveLength(2);
    expect(await countFor(supplier.companyId)).toBe(2);
    const product = await h.app.inject({ method: 'GET', url: `/api/products/${res.json().ids[1]}` });
    expect(product.json().title.en).toBe('Upload pump B');
    expect(product.json().supplier.id).toBe(supplier.companyId);
  });

  it('refuses a file with a bad line, naming every problem, and lists nothing', async () => {
    const supplier = await newSupplier(h);
    const bad = row('Pump C').replace('10-99:50.00|100-:45.50', '10-99:abc');
    const res = await uploadCsv(h, supplier, '/api/products/import', file(row('Pump ok'), bad), 'pumps.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(
      /^pumps\.csv line 3, column price_tiers: .*Nothing was imported\.$/,
    );
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({ line: 3, column: 'price_tiers' }),
    ]);
    expect(await countFor(supplier.companyId)).toBe(0);
  });

  it('refuses an empty file and a file that is not the product format', async () => {
    const supplier = await newSupplier(h);
    const empty = await uploadCsv(h, supplier, '/api/products/import', header);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.problems[0].message).toMatch(/no product rows/);
    const other = await uploadCsv(h, supplier, '/api/products/import', 'a,b\n1,2');
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.problems[0].message).toMatch(/missing columns/);
    expect(await countFor(supplier.companyId)).toBe(0);
  });

  it('is for suppliers: anonymous 401, a buyer 403, a JSON body 415', async () => {
    const buyer = await newBuyer(h);
    const supplier = await newSupplier(h);
    expect((await uploadCsv(h, undefined, '/api/products/import', file(row('x')))).statusCode).toBe(401);
    expect((await uploadCsv(h, buyer, '/api/products/import', file(row('x')))).statusCode).toBe(403);
    const json = await h.app.inject({
      method: 'POST',
      url: '/api/products/import',
      headers: { cookie: supplier.cookie },
      payload: { csv: file(row('x')) },
    });
    expect(json.statusCode).toBe(415);
    expect(await countFor(supplier.companyId)).toBe(0);
  });
});
