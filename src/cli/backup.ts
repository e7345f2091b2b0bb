import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BackupError } from '../db/backup/format.js';
import { restoreBackup } from '../db/backup/restore-backup.js';
import { writeBackup } from '../db/backup/write-backup.js';
import { prepareDatabase } from '../db/prepare.js';
import { verifyLedger } from '../modules/ledger/index.js';
import { startProgress } from './csv-import-output.js';
import { describeDatabase, type Runtime } from './runtime.js';

const mib = (bytes: number) => Math.max(1, Math.ceil(bytes / (1024 * 1024)));
const size = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A progress bar in MiB, started on the first report (when the total is known). */
const progress = (label: string) => {
  let bar: ReturnType<typeof startProgress> | undefined;
  return {
    update: (done: number, total: number) => {
      bar ??= startProgress(`${label} (MiB)`, mib(total));
      bar.update(Math.min(mib(done), mib(total)));
    },
    stop: () => bar?.stop(),
  };
};

const explain = (error: unknown) => {
  if (error instanceof BackupError) return error.message;
  throw error;
};

/** `tradelane backup FILE`: prints what went in, and false on failure. */
export const backupCommand = async (runtime: Runtime, { file }: { file: string }) => {
  const started = performance.now();
  const bar = progress('Backing up');
  try {
    const summary = await writeBackup(runtime.database, {
      file: resolve(file),
      dataDir: runtime.dataDir,
      onProgress: (p) => bar.update(p.done, p.total),
    });
    bar.stop();
    console.log(
      `Backed up ${describeDatabase(runtime.database)}: ${summary.tables} tables, ${summary.rows} rows, ` +
        `${summary.files} uploaded files → ${file} (${size(summary.bytes)}) in ${seconds(started)}`,
    );
    return true;
  } catch (error) {
    bar.stop();
    console.error(`Nothing written: ${explain(error)}`);
    return false;
  }
};

/** `tradelane restore FILE [--force]`: restores, brings the schema and reference data up to date, checks the ledger. */
export const restoreCommand = async (
  runtime: Runtime,
  { file, force }: { file: string; force?: boolean },
) => {
  const started = performance.now();
  const bar = progress('Restoring');
  try {
    statSync(file);
    const summary = await restoreBackup(runtime.database, {
      file: resolve(file),
      dataDir: runtime.dataDir,
      force,
      onProgress: (p) => bar.update(p.done, p.total),
    });
    bar.stop();
    await prepareDatabase(runtime.database);
    const ledger = await verifyLedger(runtime.database.db);
    console.log(
      `Restored ${file} (made ${summary.createdAt}, at migration ${summary.migration}) into ` +
        `${describeDatabase(runtime.database)}: ${summary.tables} tables, ${summary.rows} rows, ` +
        `${summary.files} uploaded files in ${seconds(started)}`,
    );
    console.log(
      ledger.ok
        ? `Ledger: ${ledger.accounts} accounts, ${ledger.transfers} transfers, every invariant holds.`
        : `Ledger: ${ledger.violations.length} violation(s): run \`tradelane ledger verify\``,
    );
    return ledger.ok;
  } catch (error) {
    bar.stop();
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${file} does not exist` : explain(error);
    console.error(`Nothing restored: ${message}`);
    return false;
  }
};
