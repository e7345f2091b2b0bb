import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Database } from '../db/client.js';
import { type CsvProblem, importActivity, importTransactions } from '../modules/insights/index.js';

/** A file read as a stream, with a progress bar over its bytes (the row count is unknown until the end). */
const streamWithProgress = async (file: string, label: string) => {
  const size = (await stat(file)).size;
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {rows} rows {eta}s left`, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(size, 0, { rows: 0 });
  const source = createReadStream(file);
  let read = 0;
  source.on('data', (chunk) => {
    read += chunk.length;
    bar.update(read);
  });
  return { source, bar, onProgress: (rows: number) => bar.update(read, { rows }) };
};

const report = (file: string, problems: CsvProblem[]) => {
  for (const p of problems)
    console.error(`${file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
  console.error(`Nothing imported: ${problems.length}${problems.length >= 100 ? '+' : ''} problem(s).`);
};

/** `tradelane import transactions FILE.csv`: historical trade facts, all rows or none. */
export const importTransactionsFile = async (database: Database, { file }: { file: string }) => {
  const { source, bar, onProgress } = await streamWithProgress(file, 'Importing transactions');
  const started = Date.now();
  const result = await importTransactions(database.db, { source, onProgress }).finally(() => bar.stop());
  if (result.problems.length > 0) {
    report(file, result.problems);
    return false;
  }
  console.log(
    `Imported ${result.imported} transactions (${result.alreadyImported} already there) in ${((Date.now() - started) / 1000).toFixed(1)} s; the index is up to date.`,
  );
  return true;
};

/** `tradelane import activity FILE.csv`: buyer activity events, all rows or none. */
export const importActivityFile = async (database: Database, { file }: { file: string }) => {
  const { source, bar, onProgress } = await streamWithProgress(file, 'Importing activity');
  const result = await importActivity(database.db, { source, onProgress }).finally(() => bar.stop());
  if (result.problems.length > 0) {
    report(file, result.problems);
    return false;
  }
  console.log(`Imported ${result.imported} activity events; the index is up to date.`);
  return true;
};
