import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs session cookies: TRADELANE_AUTH_SECRET when set, else a
 * random one made on first start and kept in the data dir, so sessions
 * survive restarts and no two installations share a secret.
 */
export const authSecret = (dataDir: string): string => {
  if (process.env.TRADELANE_AUTH_SECRET) return process.env.TRADELANE_AUTH_SECRET;
  const file = join(dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
};
