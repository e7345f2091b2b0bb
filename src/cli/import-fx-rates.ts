import { readFile } from 'node:fs/promises';
import type { Database } from '../db/client.js';
import { parseFxCsv, saveRates } from '../modules/fx/index.js';

/** `tradelane import fx-rates FILE.csv`: dated rates (`day,currency,usd_per_unit`); every bad line reported, all or nothing. */
export const importFxRatesFile = async (database: Database, { file }: { file: string }): Promise<boolean> => {
  const { rates, problems } = parseFxCsv(await readFile(file, 'utf8'));
  if (problems.length > 0) {
    for (const p of problems)
      console.error(`${file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    console.error(`Nothing imported: ${problems.length} problem(s).`);
    return false;
  }
  await database.db.transaction(async (tx) =>
    saveRates(tx as unknown as typeof database.db, rates, `import:${file}`),
  );
  console.log(`Imported ${rates.length} exchange rates.`);
  return true;
};
