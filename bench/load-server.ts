import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export type ServerProcess = {
  url: string;
  pid: number;
  /** Resident memory of the server process itself, in MiB (VmRSS). */
  rssMiB: () => number;
  stop: () => Promise<void>;
};

/** A port the kernel just handed out, released again for the server to take. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const rssOf = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  const kb = Number(line?.match(/(\d+)\s*kB/)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntilReady = async (child: ChildProcess, url: string, logFile: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode} before it was ready; see ${logFile}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
};

/**
 * Runs `script` (TypeScript, through tsx) in its own Node process, so its
 * PID is the server's own (not npx's) and /proc tells its memory. Output goes
 * to `logFile`: request logs on a pipe nobody reads would stall the server.
 */
export const startServer = async (options: {
  script: string;
  args: string[];
  /** Options for the server's own Node (e.g. --cpu-prof), before the script. */
  nodeArgs?: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  logFile: string;
  readyTimeoutMs: number;
}): Promise<ServerProcess> => {
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', options.script, ...options.args],
    {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
  };
  try {
    await waitUntilReady(child, `${url}${options.readyPath}`, options.logFile, options.readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid!;
  return { url, pid, rssMiB: () => rssOf(pid), stop };
};

/** `tradelane start` on loopback: migrates, loads the demo data into the empty data dir, serves. */
export const startTradelane = (options: {
  port: number;
  env: Record<string, string>;
  logFile: string;
  nodeArgs?: string[];
}) =>
  startServer({
    script: 'src/cli/main.ts',
    nodeArgs: options.nodeArgs,
    args: ['start', '--port', String(options.port), '--host', '127.0.0.1'],
    env: options.env,
    port: options.port,
    readyPath: '/api/health',
    logFile: options.logFile,
    readyTimeoutMs: 10 * 60_000,
  });

/** The ceiling: bare Fastify, one trivial route, nothing else (bench/load-ceiling-server.ts). */
export const startCeiling = (options: { port: number; logFile: string }) =>
  startServer({
    script: 'bench/load-ceiling-server.ts',
    args: [String(options.port)],
    env: {},
    port: options.port,
    readyPath: '/',
    logFile: options.logFile,
    readyTimeoutMs: 60_000,
  });
