import { readFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { systemClock } from '../core/clock.js';
import { anonymous, makeCtx } from '../core/context.js';
import type { Database } from '../db/client.js';
import { importRateCards, parseRateCardCsv } from '../modules/logistics/index.js';

/** `tradelane import rates FILE.csv --forwarder co_…`: reports every bad line, publishes all cards or none. */
export const importRatesFile = async (
  database: Database,
  { file, forwarderId }: { file: string; forwarderId: string },
): Promise<boolean> => {
  const { cards, problems } = parseRateCardCsv(await readFile(file, 'utf8'));
  if (problems.length > 0) {
    for (const p of problems)
      console.error(`${file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    console.error(
      `Nothing imported: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.line)).size} line(s).`,
    );
    return false;
  }
  const bar = new SingleBar(
    { format: 'Importing rate cards [{bar}] {value}/{total} {eta}s left', stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(cards.length, 0);
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
