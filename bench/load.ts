import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from 'autocannon';
import { benchDataDir, createScratchDatabase } from './database.js';
import { failuresOf, runCannon } from './load-cannon.js';
import { collectDemoIds, type MixStats, newMixStats, signInDemoUsers, visitRequests } from './load-mix.js';
import { freePort, type ServerProcess, startCeiling, startTradelane } from './load-server.js';
import { soak } from './load-soak.js';
import { ms, summarize, table } from './stats.js';

const usage = `npm run bench -- load [options]

  --connections N    concurrent connections (default 50)
  --duration S       seconds of measured load (default 60)
  --warmup S         seconds of unmeasured load first (default 10)
  --soak             instead: the mix at a moderate rate for --minutes, RSS sampled
  --minutes N        soak length (default 10)
  --rate N           soak requests per second over all connections (default 50)
  --sample S         seconds between RSS samples in the soak (default 30)
  --keep             keep the server's data dir and log (printed) afterwards
  --profile DIR      write a V8 CPU profile of the server (node --cpu-prof) into DIR
                     when it stops; open it in Chrome DevTools or speedscope
  --reuse            start from a copy of bench/.data/load, a data dir with the
                     demo data loaded by an earlier --reuse run (PGlite only; the
                     demo load takes minutes on a busy machine)

Starts \`tradelane start\` on 127.0.0.1 with a fresh data dir (it loads the
demo data), signs in the demo buyer and supplier, and runs autocannon with a
mix of product search, product pages, order reads and RFQ posting; then the
same settings against a bare Fastify route, the ceiling, in the same run.
Embedded PGlite by default; with DATABASE_URL, a fresh database on that
server (dropped at the end). Target: 0 errors, p99 under 250 ms.

Visits come from simulated client addresses in X-Forwarded-For, with
TRADELANE_TRUST_PROXY=127.0.0.1 (the server trusts the loopback proxy only):
the per-address rate limits stay on and count per simulated client.`;

const p99TargetMs = 250;

const options = (args: string[]) => {
  const { values } = parseArgs({
    args,
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '60' },
      warmup: { type: 'string', default: '10' },
      soak: { type: 'boolean', default: false },
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '50' },
      sample: { type: 'string', default: '30' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: 'connections' | 'duration' | 'warmup' | 'minutes' | 'rate' | 'sample', min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  return {
    help: values.help,
    soak: values.soak,
    keep: values.keep,
    reuse: values.reuse && !process.env.DATABASE_URL,
    profileDir: values.profile,
    connections: int('connections', 1),
    duration: int('duration', 1),
    warmup: int('warmup', 0),
    minutes: int('minutes', 1),
    rate: int('rate', 1),
    sample: int('sample', 1),
  };
};

type Options = ReturnType<typeof options>;

const resultRow = (label: string, r: Result, rss: string) => [
  label,
  r.requests.total.toLocaleString('en'),
  r.requests.average.toFixed(0),
  ms(r.latency.p50),
  ms(r.latency.p99),
  ms(r.latency.max),
  String(r.errors),
  String(r.non2xx),
  rss,
];

const printPerKind = (stats: MixStats) => {
  const rows = [...stats.latencies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, latencies]) => {
      const s = summarize(latencies);
      return [kind, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)];
    });
  console.log(`\n${table(['request', 'responses', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows)}`);
  for (const [key, { count, sample }] of stats.failures)
    console.log(`  failed: ${key} ×${count}  e.g. ${sample.replace(/\s+/g, ' ')}`);
};

/** The demo data, loaded once by a server that is then stopped, for --reuse runs to copy. */
const demoTemplate = async () => {
  const template = benchDataDir('load');
  // Written last: a load that was interrupted leaves no marker and is done again.
  const loaded = join(template, 'demo-loaded');
  if (existsSync(loaded)) return template;
  rmSync(template, { recursive: true, force: true });
  mkdirSync(template, { recursive: true });
  console.log(`Loading the demo data into ${template} (kept for --reuse)`);
  const server = await startTradelane({
    port: await freePort(),
    logFile: join(tmpdir(), 'tradelane-load-template.log'),
    env: { TRADELANE_DATA_DIR: template, DATABASE_URL: '' },
  });
  await server.stop();
  writeFileSync(loaded, new Date().toISOString());
  return template;
};

/** Fresh data dir (and with DATABASE_URL a fresh database) for one server's whole life. */
const withTradelane = async <T>(o: Options, work: (server: ServerProcess) => Promise<T>): Promise<T> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-load-'));
  if (o.reuse) cpSync(await demoTemplate(), dataDir, { recursive: true });
  const logFile = join(dataDir, 'server.log');
  const scratch = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL, 'load')
    : undefined;
  console.log(`Database: ${scratch?.where ?? `PGlite in ${dataDir}`}; server log ${logFile}`);
  const startedAt = performance.now();
  let server: ServerProcess | undefined;
  try {
    server = await startTradelane({
      port: await freePort(),
      logFile,
      nodeArgs: o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [],
      env: {
        TRADELANE_DATA_DIR: dataDir,
        DATABASE_URL: scratch?.url ?? '',
        TRADELANE_TRUST_PROXY: '127.0.0.1',
      },
    });
    console.log(
      `Server ${server.url} (pid ${server.pid}) ready with the demo data in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    return await work(server);
  } finally {
    await server?.stop();
    await scratch?.drop();
    if (o.keep) console.log(`Kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
};

/** Signs in once (sign-in is rate limited) and returns the mix's request list, recording into `stats`. */
const prepareMix = async (server: ServerProcess, o: Options) => {
  const sessions = await signInDemoUsers(server.url);
  const ids = await collectDemoIds(server.url, sessions);
  console.log(`${ids.products.length} products and ${ids.buyerOrderIds.length} buyer orders to read`);
  return (stats: MixStats, seed: number) =>
    visitRequests({ ids, sessions, clients: o.connections, stats, seed });
};

const measureTradelane = (o: Options) =>
  withTradelane(o, async (server) => {
    const mix = await prepareMix(server, o);
    if (o.warmup > 0) {
      console.log(`Warm-up: ${o.warmup} s, not measured`);
      const warm = newMixStats();
      await runCannon({
        url: server.url,
        connections: o.connections,
        durationSeconds: o.warmup,
        requests: mix(warm, 1),
        stats: warm,
      });
    }
    const stats = newMixStats();
    const requests = mix(stats, 20261126);
    const rssStart = server.rssMiB();
    console.log(`Measuring: ${o.connections} connections for ${o.duration} s`);
    const result = await runCannon({
      url: server.url,
      connections: o.connections,
      durationSeconds: o.duration,
      requests,
      stats,
    });
    return { result, stats, rss: `${rssStart.toFixed(0)} → ${server.rssMiB().toFixed(0)}` };
  });

const measureCeiling = async (o: Options) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tradelane-ceiling-'));
  const server = await startCeiling({ port: await freePort(), logFile: join(dataDir, 'ceiling.log') });
  try {
    const settings = { url: server.url, connections: o.connections };
    if (o.warmup > 0) await runCannon({ ...settings, durationSeconds: o.warmup });
    const rssStart = server.rssMiB();
    const result = await runCannon({ ...settings, durationSeconds: o.duration });
    return { result, rss: `${rssStart.toFixed(0)} → ${server.rssMiB().toFixed(0)}` };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export const run = async (args: string[]) => {
  const o = options(args);
  if (o.help) {
    console.log(usage);
    return;
  }
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (the load generator shares the CPUs with the server)`,
  );
  if (o.soak) {
    const soaked = await withTradelane(o, async (server) => {
      const stats = newMixStats();
      const requests = (await prepareMix(server, o))(stats, 20261126);
      const outcome = await soak({
        server,
        requests,
        stats,
        connections: o.connections,
        minutes: o.minutes,
        rate: o.rate,
        sampleSeconds: o.sample,
      });
      printPerKind(stats);
      return outcome;
    });
    if (soaked.failures > 0 || !soaked.verdict.flat) process.exitCode = 1;
    return;
  }

  const ours = await measureTradelane(o);
  console.log(`Ceiling: bare Fastify, one route, ${o.connections} connections for ${o.duration} s`);
  const ceiling = await measureCeiling(o);
  const header = ['', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'RSS MiB'];
  console.log(
    `\n${table(header, [
      resultRow('Tradelane, the mix', ours.result, ours.rss),
      resultRow('ceiling: bare Fastify route', ceiling.result, ceiling.rss),
    ])}`,
  );
  console.log(
    `Tradelane serves ${((100 * ours.result.requests.average) / ceiling.result.requests.average).toFixed(1)} % of the ceiling's throughput`,
  );
  printPerKind(ours.stats);
  const failures = failuresOf(ours.result);
  const met = failures === 0 && ours.result.latency.p99 < p99TargetMs;
  console.log(
    `\nTarget (0 errors, p99 < ${p99TargetMs} ms): ${met ? 'met' : 'NOT met'} (${failures} errors, p99 ${ms(ours.result.latency.p99)} ms)`,
  );
  if (!met) process.exitCode = 1;
};
