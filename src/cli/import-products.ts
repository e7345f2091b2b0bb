import { readFile } from 'node:fs/promises';
import type { Database } from '../db/client.js';
import { importProducts, parseProductCsv } from '../modules/catalog/index.js';
import { printCsvProblems, startProgress } from './csv-import-output.js';

/** `tradelane import products FILE.csv --supplier co_…`: reports every bad line, imports all or nothing. */
export const importProductsFile = async (
  database: Database,
  { file, supplierId }: { file: string; supplierId: string },
): Promise<boolean> => {
  const { products, problems } = parseProductCsv(await readFile(file, 'utf8'));
  if (problems.length > 0) {
    printCsvProblems(file, problems);
    return false;
  }
  const bar = startProgress('Importing products', products.length);
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
