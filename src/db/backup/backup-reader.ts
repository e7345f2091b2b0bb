import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupError, type BackupHeader, backupFormat, backupVersion, type Segment } from './format.js';

const newline = 10;
/** A header or segment line is small; anything longer is not a backup. */
const maxLine = 16 * 1024 * 1024;

/**
 * Reads a backup file front to back: its header, then one segment at a time
 * with its bytes. Only the current segment is held in memory.
 */
export class BackupReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly raw: ReturnType<typeof createReadStream>;
  /** The file's size and how much of it has been read: the progress of a restore. */
  readonly size: number;

  private constructor(readonly file: string) {
    this.size = statSync(file).size;
    this.raw = createReadStream(file);
    const gunzip = createGunzip();
    this.raw.on('error', (error) => gunzip.destroy(error));
    this.raw.pipe(gunzip);
    this.chunks = gunzip[Symbol.asyncIterator]();
  }

  get consumed() {
    return this.raw.bytesRead;
  }

  /** Opens FILE and reads its header; refuses anything that is not a Tradelane backup it can read. */
  static async open(file: string): Promise<{ reader: BackupReader; header: BackupHeader }> {
    const reader = new BackupReader(file);
    let header: BackupHeader;
    try {
      header = JSON.parse((await reader.line()) ?? '') as BackupHeader;
    } catch {
      reader.close();
      throw new BackupError(`${file} is not a Tradelane backup`);
    }
    if (header.format !== backupFormat) {
      reader.close();
      throw new BackupError(`${file} is not a Tradelane backup`);
    }
    if (header.version !== backupVersion) {
      reader.close();
      throw new BackupError(`${file} is a version ${header.version} backup; this Tradelane reads version 1`);
    }
    return { reader, header };
  }

  /** The next segment's line, or an error if the file ends before its trailer. */
  async segment(): Promise<Segment> {
    const line = await this.line();
    if (line === null) throw new BackupError(`${this.file} is truncated: it ends before its trailer`);
    try {
      return JSON.parse(line) as Segment;
    } catch {
      throw new BackupError(`${this.file} is damaged: a segment line is not JSON`);
    }
  }

  /** Exactly `n` bytes: the body of the segment just read. */
  async bytes(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < n) {
      if (this.pending.length === 0 && !(await this.pull()))
        throw new BackupError(`${this.file} is truncated inside a segment`);
      const take = this.pending.subarray(0, n - have);
      parts.push(take);
      have += take.length;
      this.pending = this.pending.subarray(take.length);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }

  /** After the trailer: the rest of the stream must be empty, and gzip's CRC is checked on the way. */
  async finish(): Promise<void> {
    while (await this.pull()) if (this.pending.length > 0) break;
    if (this.pending.length > 0) throw new BackupError(`${this.file} is damaged: data after its trailer`);
  }

  close() {
    this.raw.destroy();
  }

  private async line(): Promise<string | null> {
    for (;;) {
      const at = this.pending.indexOf(newline);
      if (at !== -1) {
        const line = this.pending.subarray(0, at).toString('utf8');
        this.pending = this.pending.subarray(at + 1);
        return line;
      }
      if (this.pending.length > maxLine) throw new BackupError(`${this.file} is damaged: a line is too long`);
      if (!(await this.pull())) return null;
    }
  }

  private async pull(): Promise<boolean> {
    let next: IteratorResult<Buffer>;
    try {
      next = await this.chunks.next();
    } catch (error) {
      throw new BackupError(`${this.file} cannot be read: ${(error as Error).message}`);
    }
    if (next.done) return false;
    this.pending = this.pending.length === 0 ? next.value : Buffer.concat([this.pending, next.value]);
    return true;
  }
}
