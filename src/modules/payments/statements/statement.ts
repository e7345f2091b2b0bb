import { AppError } from '../../../core/errors.js';
import { isCurrency, parseMajor } from '../../../core/money.js';

export type StatementEntry = {
  /** Position in the file (0-based), for error messages. */
  index: number;
  /** Booking date, YYYY-MM-DD. */
  bookedOn: string;
  /** Value date, YYYY-MM-DD (falls back to bookedOn). */
  valueOn: string;
  /** 'credit' = money in, 'debit' = money out. */
  direction: 'credit' | 'debit';
  /** Integer minor units of `currency`, always > 0. */
  amount: bigint;
  /** ISO 4217. */
  currency: string;
  /** Remittance information / narrative joined into one string (where payers put our reference code). */
  remittance: string;
  counterpartyName: string | null;
  /** IBAN or account number if present. */
  counterpartyAccount: string | null;
  /** The bank's own reference for the entry (MT940 :61: bank reference, CAMT AcctSvcrRef or NtryRef), null if none. */
  bankReference: string | null;
};

export type Balance = { amount: bigint; direction: 'credit' | 'debit'; date: string };

export type BankStatement = {
  format: 'mt940' | 'camt053';
  /** Our account at the bank (IBAN or number) from the file. */
  accountId: string;
  currency: string;
  /** `:20:/:28C:` for MT940, Stmt/Id for CAMT. */
  statementId: string;
  openingBalance: Balance | null;
  closingBalance: Balance | null;
  entries: StatementEntry[];
};

/** One thing wrong with an uploaded file; `line` is 1-based, null when the file as a whole is wrong. */
export type StatementProblem = { line: number | null; message: string };

// Helpers shared by the two parsers (not exported from index.ts).

/** A 5 MB garbage upload could yield one problem per line; the first hundred say enough. */
const maxProblems = 100;

/** Every bad line is reported at once, so a user fixes the file in one round trip. */
export const throwIfProblems = (problems: StatementProblem[]): void => {
  const [first] = problems;
  if (!first) return;
  const where = first.line === null ? '' : `Line ${first.line}: `;
  const others = problems.length - 1;
  const more = others === 0 ? '' : ` (and ${others} more problem${others === 1 ? '' : 's'})`;
  throw new AppError('VALIDATION_FAILED', `${where}${first.message}${more}`, {
    problems: problems.slice(0, maxProblems),
  });
};

/** `isCurrency` with a message-ready answer. */
export const checkCurrency = (code: string): string | null =>
  isCurrency(code) ? null : `unknown currency "${code}"`;

/**
 * "1234,50" (MT940) or "1234.50" (CAMT) → minor units, exactly (strings and
 * bigint, never a float). Trailing zeros past the currency's digits are
 * accepted ("1000,00" JPY is 1000 yen); any other extra digit is refused.
 * Null when the text is not an amount in `currency`.
 */
export const parseAmount = (raw: string, currency: string, decimalMark: ',' | '.'): bigint | null => {
  const pattern = decimalMark === ',' ? /^(\d+)(?:,(\d*))?$/ : /^(\d+)(?:\.(\d+))?$/;
  const match = pattern.exec(raw.trim());
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  try {
    return parseMajor(fraction ? `${match[1]}.${fraction}` : match[1]!, currency);
  } catch {
    return null;
  }
};

/** "YYYY-MM-DD" if those numbers are a real calendar day (no 31 February), else null. */
export const calendarDate = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
};

/**
 * Banks wrap narrative at a fixed width (65 characters for an MT940 :86:
 * line, 27 for a ?2x sub-field), cutting words, and our reference codes,
 * anywhere. A piece that fills the width therefore runs on into the next one
 * without a space; a shorter piece ended at a word break.
 */
export const joinWrapped = (pieces: string[], width: number): string => {
  let text = '';
  let previous: string | null = null;
  for (const piece of pieces) {
    const runsOn =
      previous !== null && previous.length >= width && !/\s$/.test(previous) && !/^\s/.test(piece);
    text += (runsOn ? '' : ' ') + piece;
    previous = piece;
  }
  return text.replace(/\s+/g, ' ').trim();
};
