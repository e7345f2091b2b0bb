import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import type { MixStats } from './load-mix.js';

/** Runs autocannon to the end; `onResponse` sees every response's latency (ms). */
export const runCannon = (options: {
  url: string;
  connections: number;
  durationSeconds: number;
  requests?: CannonRequest[];
  /** Requests per second over all connections; unlimited when absent. */
  overallRate?: number;
  stats?: MixStats;
}): Promise<Result> =>
  new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: options.requests,
        overallRate: options.overallRate,
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    const stats = options.stats;
    if (stats)
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        if (!stats.lastKind) return;
        const list = stats.latencies.get(stats.lastKind) ?? [];
        list.push(responseTime);
        stats.latencies.set(stats.lastKind, list);
        stats.lastKind = null;
      });
  });

/** Everything that is not an intended answer: socket errors, timeouts and non-2xx statuses. */
export const failuresOf = (r: Result) => r.errors + r.non2xx;
