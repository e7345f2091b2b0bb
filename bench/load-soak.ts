import type { Request as CannonRequest } from 'autocannon';
import { failuresOf, runCannon } from './load-cannon.js';
import type { MixStats } from './load-mix.js';
import type { ServerProcess } from './load-server.js';
import { ms, table } from './stats.js';

export type RssSample = { atSeconds: number; rssMiB: number };

/**
 * A leak keeps growing; caches and the database's buffers grow to a plateau
 * early. So the verdict compares the end with the highest RSS of the first
 * half: more than `tolerance` above it means memory was still climbing.
 */
export const rssVerdict = (samples: readonly RssSample[], tolerance = 0.1) => {
  const half = samples.filter((s) => s.atSeconds <= samples.at(-1)!.atSeconds / 2);
  const firstHalfMax = Math.max(...half.map((s) => s.rssMiB));
  const end = samples.at(-1)!.rssMiB;
  const growth = (end - firstHalfMax) / firstHalfMax;
  return { firstHalfMax, end, growth, flat: growth <= tolerance };
};

export const soak = async (options: {
  server: ServerProcess;
  requests: CannonRequest[];
  stats: MixStats;
  connections: number;
  minutes: number;
  rate: number;
  sampleSeconds: number;
}) => {
  const { server } = options;
  const startedAt = Date.now();
  const samples: RssSample[] = [];
  const sample = () => {
    const s = { atSeconds: Math.round((Date.now() - startedAt) / 1000), rssMiB: server.rssMiB() };
    samples.push(s);
    console.log(`  ${String(s.atSeconds).padStart(5)} s  RSS ${s.rssMiB.toFixed(0)} MiB`);
  };
  console.log(
    `\nSoak: the mix at ${options.rate} req/s over ${options.connections} connections for ${options.minutes} min, RSS every ${options.sampleSeconds} s`,
  );
  sample();
  const timer = setInterval(sample, options.sampleSeconds * 1000);
  const result = await runCannon({
    url: server.url,
    connections: options.connections,
    durationSeconds: options.minutes * 60,
    requests: options.requests,
    overallRate: options.rate,
    stats: options.stats,
  }).finally(() => clearInterval(timer));
  sample();

  const verdict = rssVerdict(samples);
  console.log(
    `\n${table(
      [
        '',
        'requests',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'non-2xx',
        'RSS start MiB',
        'RSS end MiB',
      ],
      [
        [
          'soak',
          result.requests.total.toLocaleString('en'),
          result.requests.average.toFixed(0),
          ms(result.latency.p50),
          ms(result.latency.p99),
          ms(result.latency.max),
          String(result.errors),
          String(result.non2xx),
          samples[0]!.rssMiB.toFixed(0),
          verdict.end.toFixed(0),
        ],
      ],
    )}`,
  );
  console.log(
    `\nMemory: end ${verdict.end.toFixed(0)} MiB vs the first half's highest ${verdict.firstHalfMax.toFixed(0)} MiB ` +
      `(${(verdict.growth * 100).toFixed(1)} %): ${verdict.flat ? 'flat' : 'STILL GROWING: look for a leak'}`,
  );
  return { result, samples, verdict, failures: failuresOf(result) };
};
