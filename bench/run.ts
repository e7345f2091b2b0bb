// `npm run bench -- NAME [options]`: one file per benchmark, registered below.

export {};

type Benchmark = { describe: string; run: (args: string[]) => Promise<void> };

/** Adding a benchmark: a file exporting `run(args)`, and one line here. */
const benchmarks: Record<string, () => Promise<Benchmark>> = {
  freight: async () => ({
    describe: 'freight search (searchFreight) over 100,000 rate cards vs a full scan of cards and departures',
    run: (await import('./freight.js')).run,
  }),
  index: async () => ({
    describe:
      'trade index at 10M transactions: import, rollup rebuild and the full report, vs DuckDB on the same CSV',
    run: (await import('./index.js')).run,
  }),
  ledger: async () => ({
    describe: 'transfers per second (single, linked pairs, batches of 100) vs plain inserts of the same rows',
    run: (await import('./ledger.js')).run,
  }),
  load: async () => ({
    describe:
      'the server under 50 connections: search, product pages, RFQ posting, order reads (p50/p99, errors) vs a bare Fastify route; --soak for memory',
    run: (await import('./load.js')).run,
  }),
  matching: async () => ({
    describe: 'matching one RFQ to suppliers (matchRfq) vs scoring every supplier naively',
    run: (await import('./matching.js')).run,
  }),
  search: async () => ({
    describe: 'product search (searchProducts) vs a naive ILIKE scan',
    run: (await import('./search.js')).run,
  }),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benchmarks[name] : undefined;
if (!load) {
  console.error(`${name ? `Unknown benchmark "${name}". ` : ''}Usage: npm run bench -- NAME [options]\n`);
  console.error('Benchmarks:');
  for (const [key, get] of Object.entries(benchmarks))
    console.error(`  ${key.padEnd(10)} ${(await get()).describe}`);
  process.exit(1);
}
await (await load()).run(args);
