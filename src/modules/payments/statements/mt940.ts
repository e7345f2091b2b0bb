import {
  type Balance,
  type BankStatement,
  calendarDate,
  checkCurrency,
  joinWrapped,
  parseAmount,
  type StatementEntry,
  type StatementProblem,
  throwIfProblems,
} from './statement.js';

/** One SWIFT field: its tag (`61`, `60F`), its raw lines, and the file line it starts on (1-based). */
type Field = { tag: string; lines: string[]; line: number };

const fieldStart = /^:(\d{2}[A-Z]?):(.*)$/;

/**
 * Parses a SWIFT MT940 file (one or more statements, with or without the
 * `{1:…}{2:…}{4:` … `-}` block wrappers, CRLF or LF). Throws
 * `AppError('VALIDATION_FAILED')` listing every malformed line.
 */
export const parseMt940 = (text: string): BankStatement[] => {
  const problems: StatementProblem[] = [];
  const groups = splitStatements(readFields(text), problems);
  if (groups.length === 0 && problems.length === 0)
    problems.push({ line: null, message: 'no :20: field: this is not an MT940 statement' });
  const counter = { next: 0 };
  const statements = groups.flatMap((fields) => readStatement(fields, problems, counter) ?? []);
  throwIfProblems(problems);
  return statements;
};

/** Cuts the text into fields, dropping the SWIFT block wrappers and the `-` message ends. */
const readFields = (text: string): Field[] => {
  const fields: Field[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let line = raw;
    if (line.startsWith('{')) {
      // `{1:…}{2:…}{4:` opens a message; anything after `{4:` is already content.
      const body = line.indexOf('{4:');
      if (body < 0) return;
      line = line.slice(body + 3);
      if (line.trim() === '') return;
    }
    if (/^-\}?\s*(\{5:.*)?$/.test(line)) return; // end of a message: `-`, `-}`, `-}{5:{CHK:…}}`
    const start = fieldStart.exec(line);
    if (start) fields.push({ tag: start[1]!, lines: [start[2]!], line: i + 1 });
    else if (fields.length > 0) fields.at(-1)!.lines.push(line);
    else if (line.trim() !== '') fields.push({ tag: '', lines: [line], line: i + 1 }); // reported below
  });
  return fields;
};

/** A statement runs from one :20: to the next (the `-` separators are optional in practice). */
const splitStatements = (fields: Field[], problems: StatementProblem[]): Field[][] => {
  const groups: Field[][] = [];
  for (const field of fields) {
    if (field.tag === '20') groups.push([field]);
    else if (groups.length > 0) groups.at(-1)!.push(field);
    else problems.push({ line: field.line, message: `expected a :20: field to start a statement` });
  }
  return groups;
};

const readStatement = (
  fields: Field[],
  problems: StatementProblem[],
  counter: { next: number },
): BankStatement | null => {
  const head = fields[0]!;
  const reference = head.lines[0]!.trim();
  const find = (...tags: string[]) => fields.find((field) => tags.includes(field.tag));
  const before = problems.length;

  const account = find('25');
  if (!account || account.lines[0]!.trim() === '')
    problems.push({ line: head.line, message: `statement ${reference} has no :25: account identification` });
  const opening = find('60F', '60M');
  if (!opening)
    problems.push({ line: head.line, message: `statement ${reference} has no :60F: opening balance` });
  const openingBalance = opening ? readBalance(opening, problems) : null;
  const closing = find('62F', '62M');
  const closingBalance = closing ? readBalance(closing, problems) : null;
  if (openingBalance && closingBalance && closingBalance.currency !== openingBalance.currency)
    problems.push({
      line: closing!.line,
      message: `closing balance is in ${closingBalance.currency}, the opening balance in ${openingBalance.currency}`,
    });
  // Without a currency no amount can be read: its entries would only repeat the problem.
  if (!openingBalance) return null;

  const { currency } = openingBalance;
  const entries: StatementEntry[] = [];
  fields.forEach((field, i) => {
    if (field.tag !== '61') return;
    const next = fields[i + 1];
    const entry = readEntry(field, next?.tag === '86' ? next : null, currency, problems);
    if (entry) entries.push({ index: counter.next++, ...entry });
  });
  if (problems.length > before) return null;

  const sequence = find('28C', '28')?.lines[0]?.trim();
  return {
    format: 'mt940',
    accountId: account!.lines[0]!.trim(),
    currency,
    statementId: sequence ? `${reference}/${sequence}` : reference,
    openingBalance: toBalance(openingBalance),
    closingBalance: closingBalance ? toBalance(closingBalance) : null,
    entries,
  };
};

type ReadBalance = Balance & { currency: string };

const toBalance = ({ amount, direction, date }: ReadBalance): Balance => ({ amount, direction, date });

/** `:60F:C240131EUR1234,56`: mark, YYMMDD, currency, amount. */
const readBalance = (field: Field, problems: StatementProblem[]): ReadBalance | null => {
  const value = field.lines[0]!.trim();
  const match = /^([CD])(\d{6})([A-Z]{3})(.*)$/.exec(value);
  const fail = (message: string) => {
    problems.push({ line: field.line, message: `:${field.tag}: ${message}` });
    return null;
  };
  if (!match) return fail(`"${value}" is not a balance (expected C|D, YYMMDD, currency, amount)`);
  const [, mark, yymmdd = '', currency = '', rawAmount = ''] = match;
  const date = shortDate(yymmdd);
  if (!date) return fail(`"${yymmdd}" is not a date`);
  const currencyProblem = checkCurrency(currency);
  if (currencyProblem) return fail(currencyProblem);
  const amount = parseAmount(rawAmount, currency, ',');
  if (amount === null) return fail(`"${rawAmount}" is not an amount in ${currency}`);
  return { amount, direction: mark === 'C' ? 'credit' : 'debit', date, currency };
};

/**
 * `:61:` YYMMDD value date, optional MMDD entry date, C/D/RC/RD, optional
 * funds code, amount, type (N/F/S + 3), customer reference, optional
 * `//bank reference`, and an optional second line of supplementary details.
 */
const statementLine = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?([\d.,]+)([NFS][A-Z0-9]{3})(.*)$/;

const readEntry = (
  field: Field,
  info: Field | null,
  currency: string,
  problems: StatementProblem[],
): Omit<StatementEntry, 'index'> | null => {
  const value = field.lines[0]!.trim();
  const fail = (message: string) => {
    problems.push({ line: field.line, message: `:61: ${message}` });
    return null;
  };
  const match = statementLine.exec(value);
  if (!match)
    return fail(
      `"${value}" is not a statement line (expected YYMMDD[MMDD], C|D|RC|RD, amount, type, reference)`,
    );
  const [, yymmdd, mmdd, mark, , rawAmount, , references] = match;
  const valueOn = shortDate(yymmdd!);
  if (!valueOn) return fail(`"${yymmdd}" is not a value date`);
  const bookedOn = mmdd ? bookingDate(valueOn, mmdd) : valueOn;
  if (!bookedOn) return fail(`"${mmdd}" is not an entry date`);
  const amount = parseAmount(rawAmount!, currency, ',');
  if (amount === null) return fail(`"${rawAmount}" is not an amount in ${currency}`);
  if (amount === 0n) return null; // fee notices and the like move no money: not an entry

  // The customer reference may be followed by `//` and the bank's own reference.
  const cut = references!.indexOf('//');
  const customerReference = (cut < 0 ? references! : references!.slice(0, cut)).trim();
  const bankReference = cut < 0 ? '' : references!.slice(cut + 2).trim();
  const details = info ? readInformation(info.lines) : null;
  // Without an :86: the customer reference and supplementary details are all the payer's text we have.
  const fallback = [customerReference === 'NONREF' ? '' : customerReference, ...field.lines.slice(1)];
  return {
    bookedOn,
    valueOn,
    // A reversal of a credit takes the money back out; a reversal of a debit brings it back in.
    direction: mark === 'C' || mark === 'RD' ? 'credit' : 'debit',
    amount,
    currency,
    remittance: details?.remittance ?? joinWrapped(fallback, 34),
    counterpartyName: details?.counterpartyName ?? null,
    counterpartyAccount: details?.counterpartyAccount ?? null,
    bankReference: bankReference || null,
  };
};

type Information = {
  remittance: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
};

/**
 * `:86:` is free text (6 lines of 65), except at German banks, which
 * structure it as a 3-digit transaction code followed by `?NN` sub-fields:
 * ?20–?29 and ?60–?63 remittance, ?31 the payer's account, ?32/?33 the name.
 */
const readInformation = (lines: string[]): Information => {
  const joined = lines.join('');
  if (!/^\d{3}\?\d\d/.test(joined.trim()))
    return { remittance: joinWrapped(lines, 65), counterpartyName: null, counterpartyAccount: null };

  // The ?NN markers, not the line breaks, delimit sub-fields: the breaks are only the 65-column wrap.
  const subFields = new Map<number, string>();
  for (const [, code, content] of joined.trim().matchAll(/\?(\d\d)([^?]*)/g))
    subFields.set(Number(code), content!);
  const pick = (codes: number[]) => codes.flatMap((code) => subFields.get(code) ?? []);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const name = joinWrapped(pick([32, 33]), 27);
  const account = subFields.get(31)?.trim();
  return {
    remittance: joinWrapped(pick([...range(20, 29), ...range(60, 63)]), 27),
    counterpartyName: name || null,
    counterpartyAccount: account || null,
  };
};

/** SWIFT dates are YYMMDD; every statement we can receive is from this century. */
const shortDate = (yymmdd: string): string | null =>
  calendarDate(2000 + Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)));

/**
 * The entry date carries no year: it is the MMDD closest to the value date,
 * so a 31 December value date with a 0102 entry date is booked in January of
 * the next year, and a 2 January value date with 1231 in December before.
 */
const bookingDate = (valueOn: string, mmdd: string): string | null => {
  const year = Number(valueOn.slice(0, 4));
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  const distance = (date: string) => Math.abs(Date.parse(date) - Date.parse(valueOn));
  const candidates = [year - 1, year, year + 1].flatMap((y) => calendarDate(y, month, day) ?? []);
  // 29 February exists only in some years: the sort still picks the nearest real day.
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
};
