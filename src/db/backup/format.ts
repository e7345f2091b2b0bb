/**
 * A Tradelane backup: one gzip file, the same for both engines, so a backup
 * of the embedded database restores into PostgreSQL and back.
 *
 * Inside, a JSON header line, then segments, each a JSON line followed by
 * exactly `bytes` bytes, then a JSON trailer line:
 *
 *   {"format":"tradelane-backup","version":1,…,"migration":{…},"tables":[…],"sequences":[…]}
 *   {"t":"rows","table":"orders","rows":120,"bytes":48211}   then COPY text-format rows
 *   {"t":"file","path":"uploads/co_…/img_….jpg","bytes":20417}   then the file
 *   {"t":"end","rows":{"orders":120,…},"files":3}
 *
 * Rows are PostgreSQL's COPY text format (tab-separated, `\N` for null, every
 * row ended by a newline, none inside one), which both engines write and
 * read. A file without its trailer is truncated and refused; gzip's CRC
 * catches corruption.
 */
export const backupFormat = 'tradelane-backup';
export const backupVersion = 1;

export type TableHeader = { name: string; columns: string[] };
export type SequenceValue = { name: string; value: string | null };

export type BackupHeader = {
  format: typeof backupFormat;
  version: typeof backupVersion;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  serverVersion: string;
  /** The schema the rows fit: how many migrations had run, and the last one's tag and time. */
  migration: { count: number; tag: string; when: number };
  tables: TableHeader[];
  sequences: SequenceValue[];
};

export type Segment =
  | { t: 'rows'; table: string; rows: number; bytes: number }
  | { t: 'file'; path: string; bytes: number }
  | { t: 'end'; rows: Record<string, number>; files: number };

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A segment's JSON line, ready to write before its bytes. */
export const segmentLine = (segment: Segment | BackupHeader) => Buffer.from(`${JSON.stringify(segment)}\n`);

/** Rows in a COPY text-format chunk: every row ends with a newline and holds none. */
export const countRows = (data: Buffer) => {
  let n = 0;
  for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) n++;
  return n;
};

/** Where a restored file may go: under uploads/, no `..`, no absolute path, no odd characters. */
export const isSafeFilePath = (path: string) =>
  /^uploads\/[\w.-]+(\/[\w.-]+)*$/.test(path) &&
  !path.split('/').some((part) => part === '..' || part === '.');
