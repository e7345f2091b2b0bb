import { Command, InvalidArgumentError } from 'commander';
import { loadDemo } from '../demo/load-demo.js';
import { indexLangs, isIndexLang } from '../modules/insights/index.js';
import { backupCommand, restoreCommand } from './backup.js';
import { importFxRatesFile } from './import-fx-rates.js';
import { importProductsFile } from './import-products.js';
import { importRatesFile } from './import-rates.js';
import { importActivityFile, importTransactionsFile } from './import-trade-data.js';
import { printIndexReport, rebuildIndex, writeIndexPdf } from './index-report.js';
import { verifyLedgerCommand } from './ledger-verify.js';
import { describeDatabase, openRuntime } from './runtime.js';
import { serve } from './serve.js';

const portOption = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new InvalidArgumentError('a port is 1–65535');
  return port;
};

const program = new Command()
  .name('tradelane')
  .description('Tradelane: the open-source cross-border B2B trade platform')
  .showHelpAfterError();

program
  .command('start')
  .description('migrate, load the demo data if the database is empty, and serve (what `npm start` runs)')
  .option('-p, --port <port>', 'port to listen on', portOption, Number(process.env.PORT ?? 3000))
  .option('--host <host>', 'interface to listen on', process.env.HOST ?? '0.0.0.0')
  .action(async ({ port, host }) => {
    const runtime = await openRuntime();
    await loadDemo(runtime.database, { onlyIfEmpty: true, log: console.log });
    await serve(runtime, { port, host });
  });

program
  .command('serve')
  .description('serve the API and web app (migrates first)')
  .option('-p, --port <port>', 'port to listen on', portOption, Number(process.env.PORT ?? 3000))
  .option('--host <host>', 'interface to listen on', process.env.HOST ?? '0.0.0.0')
  .action(async ({ port, host }) => serve(await openRuntime(), { port, host }));

program
  .command('migrate')
  .description('apply database migrations and load the reference data (HS codes, taxonomy, glossary)')
  .action(async () => {
    const runtime = await openRuntime();
    console.log(`Migrated ${describeDatabase(runtime.database)}`);
    await runtime.database.close();
  });

program
  .command('demo')
  .description('load the demo data set (idempotent: does nothing if it is already there)')
  .action(async () => {
    const runtime = await openRuntime();
    await loadDemo(runtime.database, { onlyIfEmpty: false, log: console.log });
    await runtime.database.close();
  });

const importCommand = program.command('import').description('import data from CSV files');
importCommand
  .command('products <file>')
  .description('import a supplier’s products from CSV: all rows or none')
  .requiredOption('--supplier <id>', 'the supplier company id (co_…) that will own the products')
  .action(async (file: string, { supplier }: { supplier: string }) => {
    const runtime = await openRuntime();
    const ok = await importProductsFile(runtime.database, { file, supplierId: supplier });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

importCommand
  .command('rates <file>')
  .description('import a forwarder’s rate cards from CSV, one card per line: all rows or none')
  .requiredOption('--forwarder <id>', 'the forwarder company id (co_…) that will publish the cards')
  .action(async (file: string, { forwarder }: { forwarder: string }) => {
    const runtime = await openRuntime();
    const ok = await importRatesFile(runtime.database, { file, forwarderId: forwarder });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

importCommand
  .command('fx-rates <file>')
  .alias('fx')
  .description('import dated exchange rates (day,currency,usd_per_unit): all rows or none')
  .action(async (file: string) => {
    const runtime = await openRuntime();
    const ok = await importFxRatesFile(runtime.database, { file });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

importCommand
  .command('transactions <file>')
  .description(
    'import historical transactions (order_id,paid_at,supplier_id,supplier_province,industry,category,buyer_id,buyer_country,amount,currency): all rows or none',
  )
  .action(async (file: string) => {
    const runtime = await openRuntime();
    const ok = await importTransactionsFile(runtime.database, { file }).catch((error: Error) => {
      console.error(`Nothing imported: ${error.message}`);
      return false;
    });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

importCommand
  .command('activity <file>')
  .description('import buyer activity (day,buyer_id,category,kind): all rows or none')
  .action(async (file: string) => {
    const runtime = await openRuntime();
    const ok = await importActivityFile(runtime.database, { file }).catch((error: Error) => {
      console.error(`Nothing imported: ${error.message}`);
      return false;
    });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

const indexCommand = program
  .command('index')
  .description('the trade index: a period of months against the same months a year earlier')
  .option('--from <month>', 'first month, YYYY-MM')
  .option('--to <month>', 'last month, YYYY-MM')
  .option('--json', 'print the report as one JSON object')
  .option('--pdf <file>', 'write the report with its charts as a PDF file')
  .option('--lang <lang>', `language of the PDF: ${indexLangs.join(', ')}`, 'en')
  .action(async (options: { from?: string; to?: string; json?: boolean; pdf?: string; lang: string }) => {
    if (!options.from || !options.to) {
      console.error('Give the period: --from YYYY-MM --to YYYY-MM');
      process.exitCode = 2;
      return;
    }
    if (!isIndexLang(options.lang)) {
      console.error(`--lang must be one of ${indexLangs.join(', ')}, not "${options.lang}"`);
      process.exitCode = 2;
      return;
    }
    const runtime = await openRuntime();
    try {
      const period = { from: options.from, to: options.to };
      if (options.pdf)
        await writeIndexPdf(runtime.database, { ...period, file: options.pdf, lang: options.lang });
      else await printIndexReport(runtime.database, { ...period, json: options.json });
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
    }
    await runtime.database.close();
  });
indexCommand
  .command('rebuild')
  .description('rebuild the rollups from the trade facts and activity (the same result as incremental)')
  .action(async () => {
    const runtime = await openRuntime();
    await rebuildIndex(runtime.database);
    await runtime.database.close();
  });

program
  .command('backup <file>')
  .description(
    'write the database and the uploaded files to FILE (one gzip file; restores on either engine). ' +
      'On PGlite stop the server first; on PostgreSQL it may keep running',
  )
  .action(async (file: string) => {
    const runtime = await openRuntime({ migrate: false });
    const ok = await backupCommand(runtime, { file });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

program
  .command('restore <file>')
  .description(
    'restore a backup into an empty database (a fresh data dir, or an empty DATABASE_URL) and its uploads, ' +
      'then migrate to this version and check the ledger',
  )
  .option('--force', 'replace a database that already holds data (everything in it is lost)')
  .action(async (file: string, { force }: { force?: boolean }) => {
    const runtime = await openRuntime({ migrate: false });
    const ok = await restoreCommand(runtime, { file, force });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

const ledgerCommand = program.command('ledger').description('the double-entry ledger');
ledgerCommand
  .command('verify')
  .description('check the ledger invariants from the transfers; exits 1 on any violation')
  .option('--json', 'print the report as JSON')
  .action(async ({ json }: { json?: boolean }) => {
    const runtime = await openRuntime();
    const ok = await verifyLedgerCommand(runtime.database, { json });
    await runtime.database.close();
    process.exitCode = ok ? 0 : 1;
  });

await program.parseAsync(process.argv);
