import { readFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Database } from '../db/client.js';
import { importProducts, parseProductCsv } from '../modules/catalog/index.js';

/** `tradelane import products FILE.csv --supplier co_…`: reports every bad line, imports all or nothing. */
export const importProductsFile = async (
  database: Database,
  { file, supplierId }: { file: string; supplierId: string },
): Promise<boolean> => {
  const { products, problems } = parseProductCsv(await readFile(file, 'utf8'));
  if (problems.length > 0) {
    for (const p of problems)
      console.error(`${file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    console.error(
      `Nothing imported: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.line)).size} line(s).`,
    );
    return false;
  }
  const bar = new SingleBar(
    { format: 'Importing products [{bar}] {value}/{total} {eta}s left', stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(products.length, 0);
  try {
    await importProducts(database.db, {
      supplierId,
      products,
      now: new Date(),
      onProgress: (done) => bar.update(done),
    });
  } catch (error) {
    bar.stop();
    console.error(`Nothing imported: ${(error as Error).message}`);
    return false;
  }
  bar.stop();
  console.log(`Imported ${products.length} products for ${supplierId}.`);
  return true;
};
