import { Presets, SingleBar } from 'cli-progress';

/** Prints every problem of a refused CSV file as `FILE:LINE [COLUMN]: message`, then the count. */
export const printCsvProblems = (
  file: string,
  problems: readonly { line: number; column?: string | null; message: string }[],
) => {
  for (const p of problems)
    console.error(`${file}:${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
  console.error(
    `Nothing imported: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.line)).size} line(s).`,
  );
};

/** A progress bar on stderr (stdout stays for results), started at 0 of `total`. */
export const startProgress = (label: string, total: number) => {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {eta}s left`, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
};
