import { randomBytes } from 'node:crypto';

/** Id prefixes per record kind (DESIGN.md: ids are prefixed). */
export type IdPrefix =
  | 'co'
  | 'usr'
  | 'mem'
  | 'inv'
  | 'ses'
  | 'acc'
  | 'key'
  | 'ver'
  | 'prd'
  | 'img'
  | 'evt'
  | 'imp'
  | 'ntf'
  | 'rfq'
  | 'quo'
  | 'inq'
  | 'msg'
  | 'att'
  | 'acct'
  | 'txf'
  | 'ord'
  | 'due'
  | 'dsp'
  | 'pay'
  | 'stm'
  | 'pyo'
  | 'ppm'
  | 'whk'
  | 'whd'
  | 'rc'
  | 'dep'
  | 'bkg'
  | 'bev'
  | 'rco'
  | 'dec'
  | 'enr'
  | 'cmp'
  | 'kwd'
  | 'adi'
  | 'clk'
  | 'tup'
  | 'prm'
  | 'hsl'
  | 'aud'
  | 'lic'
  | 'vrq';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A prefixed, time-ordered id: 10 base32 characters of milliseconds then 12
 * random ones, so ids sort by creation time (cheap keyset pagination) and
 * cannot be guessed.
 */
export const newId = (prefix: IdPrefix, now: Date = new Date()): string => {
  let time = now.getTime();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = alphabet[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(12);
  let tail = '';
  for (const byte of bytes) tail += alphabet[byte % 32];
  return `${prefix}_${head}${tail}`;
};
