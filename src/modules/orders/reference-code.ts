import { randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped from a
// bank slip survives (I/L read as 1, O as 0).
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const checkChar = (body: string) => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum = (sum * 7 + alphabet.indexOf(body[i]!) * (i + 1)) % 31;
  return alphabet[sum]!;
};

/**
 * A payment reference such as `TL-7K3M-Q9XP`: seven random characters and a
 * check character, so a typo in the wire's remittance text is caught rather
 * than matched to another order (1 in 31 slips through; the amount check
 * catches most of those).
 */
export const newPaymentReference = (): string => {
  let body = '';
  for (let i = 0; i < 7; i++) body += alphabet[randomInt(alphabet.length)];
  const code = body + checkChar(body);
  return `TL-${code.slice(0, 4)}-${code.slice(4)}`;
};

const normalise = (raw: string) =>
  raw.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1').replace(/[\s-]/g, '');

/**
 * Every valid reference in a wire's remittance text, in canonical form.
 * Banks fold lines, drop dashes and change case, so `tl 7k3m q9xp` and
 * `TL7K3MQ9XP` both count; an invalid check character does not.
 */
export const findPaymentReferences = (text: string): string[] => {
  const found = new Set<string>();
  for (const match of text.matchAll(/T\s*L[\s-]*((?:[0-9A-Za-z][\s-]?){8})/gi)) {
    const code = normalise(match[1]!);
    if (code.length !== 8 || [...code].some((c) => !alphabet.includes(c))) continue;
    if (checkChar(code.slice(0, 7)) !== code[7]) continue;
    found.add(`TL-${code.slice(0, 4)}-${code.slice(4)}`);
  }
  return [...found];
};
