import { fsyncSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type EmscriptenOptions = Parameters<NodeFS['init']>[1];
type NodeStream = { nfd: number };
type NodeFsModule = { NODEFS: { stream_ops: { fsync?: (stream: NodeStream) => number } } };

/**
 * PGlite's Node filesystem with a working fsync. As shipped, PGlite cannot
 * flush to disk: it starts PostgreSQL with fsync off, and even with fsync on
 * its Emscripten layer drops the call (`fdatasync` is a stub and the Node
 * filesystem has no `fsync`), as strace shows: no fsync syscall at all.
 * Every write still reaches the OS at once, so a killed process loses
 * nothing; an OS crash or power cut can lose commits already acknowledged.
 *
 * Here `fsync` reaches the disk, and openPglite starts PostgreSQL with fsync
 * on and `wal_sync_method=fsync` (the one method that goes through this
 * call), so a COMMIT returns only once its WAL is on disk, as on PostgreSQL.
 */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: EmscriptenOptions) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const preRun = [
      ...(emscriptenOpts.preRun ?? []),
      (mod: NodeFsModule) => {
        mod.NODEFS.stream_ops.fsync = (stream) => {
          fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as EmscriptenOptions };
  }
}

/** PostgreSQL's start parameters for PGlite, with fsync on and the WAL flushed by fsync. */
export const durableStartParams = (defaults: readonly string[]) => [
  ...defaults.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];
