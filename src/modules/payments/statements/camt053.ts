import { XMLParser, XMLValidator } from 'fast-xml-parser';
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

/** A parsed element: child elements by local name (always arrays), `@_Attr` attributes, `#text`. */
type XmlNode = Record<string, unknown>;

const metaData = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  // camt.053.001.02 … .08 differ in namespace (and banks in prefix), not in the element names we read.
  removeNSPrefix: true,
  // Keep every value a string: "0012" stays an account number and "12.50" is parsed exactly by us.
  parseTagValue: false,
  parseAttributeValue: false,
  // Every element as an array, so a repeated element (Ntry, TxDtls, Ustrd) needs no special case.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  // Start offsets of elements, to name the line of a problem.
  captureMetaData: true,
});

/**
 * Parses an ISO 20022 camt.053 (.001.02 to .001.08) bank-to-customer
 * statement. Only booked entries are returned. Throws
 * `AppError('VALIDATION_FAILED')` listing every problem with its line.
 */
export const parseCamt053 = (xml: string): BankStatement[] => {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throwIfProblems([{ line: valid.err.line, message: `malformed XML: ${valid.err.msg}` }]);

  const problems: StatementProblem[] = [];
  const lineOf = lineFinder(xml);
  const document = parser.parse(xml) as XmlNode;
  const root = first(document, 'Document', 'BkToCstmrStmt') ?? first(document, 'BkToCstmrStmt');
  const statementNodes = root ? all(root, 'Stmt') : [];
  if (statementNodes.length === 0)
    problems.push({ line: null, message: 'no BkToCstmrStmt/Stmt element: this is not a camt.053 statement' });

  const context: Context = { problems, lineOf, nextIndex: 0 };
  const statements = statementNodes.flatMap((node) => readStatement(node, context) ?? []);
  throwIfProblems(problems);
  return statements;
};

type Context = { problems: StatementProblem[]; lineOf: (node: unknown) => number | null; nextIndex: number };

const readStatement = (stmt: XmlNode, context: Context): BankStatement | null => {
  const { problems, lineOf } = context;
  const before = problems.length;
  const fail = (message: string) => problems.push({ line: lineOf(stmt), message });

  const statementId = text(stmt, 'Id');
  if (!statementId) fail('Stmt has no Id');
  const accountId = text(stmt, 'Acct', 'Id', 'IBAN') ?? text(stmt, 'Acct', 'Id', 'Othr', 'Id');
  if (!accountId) fail(`statement ${statementId} has no Acct/Id/IBAN or Acct/Id/Othr/Id`);
  // Acct/Ccy is optional: the balances and entries are then in the account's currency.
  const currency =
    text(stmt, 'Acct', 'Ccy') ??
    [...all(stmt, 'Bal', 'Amt'), ...all(stmt, 'Ntry', 'Amt')]
      .map((amt) => attribute(amt, 'Ccy'))
      .find(Boolean);
  if (!currency) fail(`statement ${statementId} names no currency`);
  else {
    const currencyProblem = checkCurrency(currency);
    if (currencyProblem) fail(currencyProblem);
  }

  const balances = all(stmt, 'Bal');
  const balance = (...codes: string[]) => {
    const node = codes
      .map((code) => balances.find((bal) => text(bal, 'Tp', 'CdOrPrtry', 'Cd') === code))
      .find(Boolean);
    return node ? readBalance(node, context) : null;
  };
  // Some banks open with PRCD (previous closing) instead of OPBD: the same amount.
  const openingBalance = balance('OPBD', 'PRCD');
  const closingBalance = balance('CLBD');

  const entries = all(stmt, 'Ntry').flatMap((ntry) => readEntry(ntry, context));
  if (problems.length > before) return null;
  return {
    format: 'camt053',
    accountId: accountId!,
    currency: currency!,
    statementId: statementId!,
    openingBalance,
    closingBalance,
    entries,
  };
};

type Money = { amount: bigint; currency: string; direction: 'credit' | 'debit' };

/** An Amt element with its CdtDbtInd; problems are reported against the Amt's line. */
const readMoney = (amt: XmlNode, indicator: string | null, context: Context): Money | null => {
  const fail = (message: string) => {
    context.problems.push({ line: context.lineOf(amt), message });
    return null;
  };
  const currency = attribute(amt, 'Ccy') ?? '';
  const currencyProblem = checkCurrency(currency);
  if (currencyProblem) return fail(`Amt: ${currencyProblem}`);
  const raw = textOf(amt) ?? '';
  const amount = parseAmount(raw, currency, '.');
  if (amount === null) return fail(`Amt "${raw}" is not an amount in ${currency}`);
  if (indicator !== 'CRDT' && indicator !== 'DBIT')
    return fail(`CdtDbtInd "${indicator ?? ''}" is neither CRDT nor DBIT`);
  return { amount, currency, direction: indicator === 'CRDT' ? 'credit' : 'debit' };
};

const readBalance = (bal: XmlNode, context: Context): Balance | null => {
  const amt = first(bal, 'Amt');
  const date = dateOf(bal, 'Dt');
  if (!amt || !date) {
    context.problems.push({ line: context.lineOf(bal), message: 'Bal needs an Amt and a Dt' });
    return null;
  }
  const money = readMoney(amt, text(bal, 'CdtDbtInd'), context);
  return money && { amount: money.amount, direction: money.direction, date };
};

/**
 * One booked Ntry becomes one entry, or one per TxDtls when it is a batch
 * whose transactions carry their own amounts adding up to the entry's: those
 * are separate payments, each with its own payer and reference.
 */
const readEntry = (ntry: XmlNode, context: Context): StatementEntry[] => {
  // .02–.07: <Sts>BOOK</Sts>; .08: <Sts><Cd>BOOK</Cd></Sts>. Pending and information entries are no money yet.
  const status = text(ntry, 'Sts') ?? text(ntry, 'Sts', 'Cd');
  if (status && status !== 'BOOK') return [];

  const amt = first(ntry, 'Amt');
  if (!amt) {
    context.problems.push({ line: context.lineOf(ntry), message: 'Ntry has no Amt' });
    return [];
  }
  const money = readMoney(amt, text(ntry, 'CdtDbtInd'), context);
  const bookedOn = dateOf(ntry, 'BookgDt') ?? dateOf(ntry, 'ValDt');
  if (!bookedOn) context.problems.push({ line: context.lineOf(ntry), message: 'Ntry has no BookgDt' });
  if (!money || !bookedOn || money.amount === 0n) return [];

  const shared = { bookedOn, valueOn: dateOf(ntry, 'ValDt') ?? bookedOn };
  const entryReference = text(ntry, 'AcctSvcrRef') ?? text(ntry, 'NtryRef');
  const transactions = all(ntry, 'NtryDtls', 'TxDtls');
  const parts =
    transactions.length > 1
      ? transactions.map((tx) => ({ tx, money: transactionMoney(tx, money, context) }))
      : [];
  const signed = (m: Money) => (m.direction === 'credit' ? m.amount : -m.amount);
  const isBatch =
    parts.length > 0 &&
    parts.every((part) => part.money?.currency === money.currency) &&
    parts.reduce((sum, part) => sum + signed(part.money!), 0n) === signed(money);

  if (isBatch)
    return parts
      .filter((part) => part.money!.amount > 0n)
      .map(({ tx, money: own }) => ({
        index: context.nextIndex++,
        ...shared,
        ...own!,
        ...details([tx], own!.direction),
        bankReference: text(tx, 'Refs', 'AcctSvcrRef') ?? entryReference,
      }));

  const narrative = details(transactions, money.direction);
  return [
    {
      index: context.nextIndex++,
      ...shared,
      ...money,
      ...narrative,
      remittance: narrative.remittance || (text(ntry, 'AddtlNtryInf') ?? ''),
      bankReference: entryReference,
    },
  ];
};

/** A TxDtls' own amount: TxDtls/Amt from .03 on, AmtDtls/TxAmt/Amt in .02; null when it has none. */
const transactionMoney = (tx: XmlNode, entry: Money, context: Context): Money | null => {
  const amt = first(tx, 'Amt') ?? first(tx, 'AmtDtls', 'TxAmt', 'Amt');
  if (!amt) return null;
  const indicator = text(tx, 'CdtDbtInd') ?? (entry.direction === 'credit' ? 'CRDT' : 'DBIT');
  return readMoney(amt, indicator, context);
};

/**
 * The payer's text and the other party. Remittance is Ustrd, then the
 * structured references, then the EndToEndId (payers' banking apps often put
 * our reference there). For money in the other party is the debtor, for
 * money out the creditor (Dbtr/Nm in .02–.07, Dbtr/Pty/Nm in .08).
 */
const details = (transactions: XmlNode[], direction: 'credit' | 'debit') => {
  const party = direction === 'credit' ? 'Dbtr' : 'Cdtr';
  const texts = (tx: XmlNode) => {
    const endToEnd = text(tx, 'Refs', 'EndToEndId');
    const pieces = [
      joinWrapped(allText(tx, 'RmtInf', 'Ustrd'), 140),
      ...allText(tx, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref'),
      ...allText(tx, 'RmtInf', 'Strd', 'RfrdDocInf', 'Nb'),
      ...allText(tx, 'RmtInf', 'Strd', 'AddtlRmtInf'),
      endToEnd === 'NOTPROVIDED' ? '' : (endToEnd ?? ''),
    ];
    const remittance = pieces.filter(Boolean).join(' ');
    return remittance || (text(tx, 'AddtlTxInf') ?? '');
  };
  const names = transactions.map(
    (tx) => text(tx, 'RltdPties', party, 'Nm') ?? text(tx, 'RltdPties', party, 'Pty', 'Nm'),
  );
  const accounts = transactions.map(
    (tx) =>
      text(tx, 'RltdPties', `${party}Acct`, 'Id', 'IBAN') ??
      text(tx, 'RltdPties', `${party}Acct`, 'Id', 'Othr', 'Id'),
  );
  return {
    remittance: transactions.map(texts).filter(Boolean).join(' '),
    counterpartyName: names.find(Boolean) ?? null,
    counterpartyAccount: accounts.find(Boolean) ?? null,
  };
};

/** Dt or DtTm under `name`; a DtTm keeps the bank's own calendar day (no shift to UTC). */
const dateOf = (node: XmlNode, name: string): string | null => {
  const value = text(node, name, 'Dt') ?? text(node, name, 'DtTm');
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
};

// Reading the parsed tree.

const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null;

/** Every element at the end of `path` below `node`. */
const all = (node: XmlNode, ...path: string[]): XmlNode[] => {
  let level: unknown[] = [node];
  for (const name of path)
    level = level.flatMap((parent) => (isNode(parent) && Array.isArray(parent[name]) ? parent[name] : []));
  // Leaf elements without attributes are bare strings: wrap them so callers see nodes only.
  return level.map((value) => (isNode(value) ? value : { '#text': value }));
};

const first = (node: XmlNode, ...path: string[]): XmlNode | undefined => all(node, ...path)[0];

const textOf = (node: XmlNode): string | null => {
  const value = node['#text'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

const text = (node: XmlNode, ...path: string[]): string | null => {
  const found = first(node, ...path);
  return found ? textOf(found) : null;
};

const allText = (node: XmlNode, ...path: string[]): string[] =>
  all(node, ...path).flatMap((found) => textOf(found) ?? []);

const attribute = (node: XmlNode, name: string): string | null => {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value.trim() : null;
};

/** 1-based line of an element's start tag, from the parser's offsets. */
const lineFinder = (xml: string) => {
  const starts = [0];
  for (let i = xml.indexOf('\n'); i >= 0; i = xml.indexOf('\n', i + 1)) starts.push(i + 1);
  return (node: unknown): number | null => {
    const meta = isNode(node)
      ? (node as Record<symbol, { startIndex?: number } | undefined>)[metaData]
      : undefined;
    const offset = meta?.startIndex;
    if (offset === undefined) return null;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
};
