import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';

export type ServerOptions = {
  port: number;
  /** Extra environment: TRADELANE_DATA_DIR for PGlite, DATABASE_URL for PostgreSQL. */
  env: Record<string, string>;
  /** Where the server's stdout and stderr go (appended across restarts). */
  logFile: string;
};

const root = new URL('../../', import.meta.url);

/**
 * The real server as a child process: `node --import tsx src/cli/main.ts serve`
 * run directly (not through npx), so the pid we SIGKILL is the server itself
 * and not a wrapper that would leave it running.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private readonly log: WriteStream;

  constructor(private readonly options: ServerOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get baseUrl() {
    return `http://localhost:${this.options.port}`;
  }

  /** Starts the server and resolves once /api/health answers ok. */
  async start(timeoutMs = 600_000): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--port',
        String(this.options.port),
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          TRADELANE_AUTH_RATE_LIMIT: 'off',
          TRADELANE_BASE_URL: this.baseUrl,
          ...this.options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} while starting`);
      if (await this.healthy()) return;
      await sleep(200);
    }
    throw new Error(`The server did not become healthy within ${timeoutMs} ms`);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed, as in a power cut of the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  /** SIGTERM: the server's own clean shutdown. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  close() {
    this.log.end();
  }

  private async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      return response.ok;
    } catch {
      return false;
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on now (the OS picks it), so parallel runs do not collide. */
export const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};
