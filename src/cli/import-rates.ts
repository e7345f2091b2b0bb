import { readFile } from 'node:fs/promises';
import { systemClock } from '../core/clock.js';
import { anonymous, makeCtx } from '../core/context.js';
import type { Database } from '../db/client.js';
import { importRateCards, parseRateCardCsv } from '../modules/logistics/index.js';
import { printCsvProblems, startProgress } from './csv-import-output.js';

/** `tradelane import rates FILE.csv --forwarder co_…`: reports every bad line, publishes all cards or none. */
export const importRatesFile = async (
  database: Database,
  { file, forwarderId }: { file: string; forwarderId: string },
): Promise<boolean> => {
  const { cards, problems } = parseRateCardCsv(await readFile(file, 'utf8'));
  if (problems.length > 0) {
    printCsvProblems(file, problems);
    return false;
  }
  const bar = startProgress('Importing rate cards', cards.length);
  try {
    const result = await importRateCards(makeCtx(database.db, anonymous, systemClock), {
      forwarderId,
      cards,
      fileName: file,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    console.log(
      `Imported ${result.rateCards} rate cards with ${result.departures} departures for ${forwarderId}.`,
    );
    return true;
  } catch (error) {
    bar.stop();
    console.error(`Nothing imported: ${(error as Error).message}`);
    return false;
  }
};
