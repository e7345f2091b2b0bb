import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../core/errors.js';
import { type BankStatement, parseCamt053, parseMt940, parseStatementFile } from './index.js';

const sample = (name: string) => readFileSync(new URL(`./samples/${name}`, import.meta.url));

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

/** A one-statement MT940 file around the given :61:/:86: lines. */
const mt940 = (...lines: string[]) =>
  [':20:REF1', ':25:DE89370400440532013000', ':28C:7/1', ':60F:C240102EUR100,00', ...lines, '-'].join('\n');

const entriesOf = (statements: BankStatement[]) => statements.flatMap((statement) => statement.entries);

describe('parseMt940', () => {
  const statements = parseMt940(sample('mt940-sample.sta').toString('utf8'));

  it('reads each statement with its account, sequence and balances', () => {
    expect(statements.map(({ entries, ...statement }) => statement)).toEqual([
      {
        format: 'mt940',
        accountId: '37040044/0532013000',
        currency: 'EUR',
        statementId: 'STARTUMS/00001/001',
        openingBalance: { amount: 12_345_67n, direction: 'credit', date: '2024-01-02' },
        closingBalance: { amount: 21_995_67n, direction: 'credit', date: '2024-01-04' },
      },
      {
        format: 'mt940',
        accountId: 'DE89370400440532013087',
        currency: 'USD',
        statementId: 'STARTUMS/00002/001',
        openingBalance: { amount: 500_00n, direction: 'credit', date: '2024-12-31' },
        closingBalance: { amount: 1454_50n, direction: 'credit', date: '2025-01-02' },
      },
    ]);
  });

  it('joins a reference the bank wrapped at column 65 without a space', () => {
    expect(statements[0]!.entries[0]).toEqual({
      index: 0,
      bookedOn: '2024-01-02',
      valueOn: '2024-01-02',
      direction: 'credit',
      amount: 1500_00n,
      currency: 'EUR',
      remittance: 'ACME TRADING GMBH HAMBURG PAYMENT FOR PURCHASE ORDER 4471 TL-7K3M-Q9XP THANK YOU',
      counterpartyName: null,
      counterpartyAccount: null,
      bankReference: 'BNK240102-001',
    });
  });

  it('reads a debit and keeps word breaks of short lines', () => {
    expect(statements[0]!.entries[1]).toMatchObject({
      direction: 'debit',
      amount: 250_00n,
      remittance: 'SUPPLIER PAYMENT NINGBO PACKAGING CO LTD INVOICE NB-5531',
      bankReference: 'BNK240103-7',
    });
  });

  it('reads German ?20–?29 remittance, ?31 account and ?32/?33 name', () => {
    expect(statements[0]!.entries[2]).toMatchObject({
      direction: 'credit',
      amount: 8400_00n,
      remittance: 'EREF+TL-4H8N-2WQR SVWZ+Rechnung 2024-017 Container 40HC Anzahlung',
      counterpartyName: 'Müller Maschinenbau Gesellschaft mbH',
      counterpartyAccount: 'DE44500105175407324931',
      bankReference: '2024010400012345',
    });
  });

  it('books an entry date past New Year in the next year, and numbers entries across statements', () => {
    expect(
      statements[1]!.entries.map(({ index, bookedOn, valueOn, direction, amount }) => ({
        index,
        bookedOn,
        valueOn,
        direction,
        amount,
      })),
    ).toEqual([
      { index: 3, bookedOn: '2025-01-02', valueOn: '2024-12-31', direction: 'debit', amount: 120_50n },
      // RD: the reversal of a debit brings money back in.
      { index: 4, bookedOn: '2024-12-31', valueOn: '2024-12-31', direction: 'credit', amount: 75_00n },
      { index: 5, bookedOn: '2025-01-02', valueOn: '2025-01-02', direction: 'credit', amount: 1000_00n },
    ]);
  });

  it('books an entry date before New Year in the year before the value date', () => {
    const [entry] = entriesOf(parseMt940(mt940(':61:2501021230C5,00NTRFNONREF', ':86:EARLY')));
    expect(entry).toMatchObject({ bookedOn: '2024-12-30', valueOn: '2025-01-02' });
  });

  it('falls back to the customer reference and supplementary details without an :86:', () => {
    expect(statements[1]!.entries[2]).toMatchObject({
      remittance: 'PO-88812 TL-9PQR-4MNB',
      bankReference: 'BNK-3',
    });
  });

  it('reads CRLF files exactly like LF files', () => {
    const text = sample('mt940-sample.sta').toString('utf8');
    expect(parseMt940(text.replace(/\n/g, '\r\n'))).toEqual(statements);
  });

  it('reads messages in SWIFT {1:}{2:}{4: blocks ending in -}', () => {
    const message = (reference: string, amount: string) =>
      [
        `{1:F01COBADEFFAXXX0000000000}{2:O9400000240102COBADEFFAXXX00000000002401020000N}{4:`,
        `:20:${reference}`,
        ':25:DE89370400440532013000',
        ':28C:1/1',
        ':60F:C240102EUR0,',
        `:61:240102C${amount}NTRFNONREF`,
        ':86:TL-7K3M-Q9XP',
        `:62F:C240102EUR${amount}`,
        '-}{5:{CHK:0123456789AB}}',
      ].join('\r\n');
    const parsed = parseMt940(`${message('A', '10,')}\r\n${message('B', '0,01')}`);
    expect(parsed.map((statement) => [statement.statementId, statement.entries[0]!.amount])).toEqual([
      ['A/1/1', 1000n],
      ['B/1/1', 1n],
    ]);
  });

  it('keeps amounts exact beyond float precision and skips zero amounts', () => {
    const entries = entriesOf(
      parseMt940(mt940(':61:240102C9999999999999,99NTRFNONREF', ':61:240102D0,NCHGNONREF', ':86:FEE WAIVED')),
    );
    expect(entries.map((entry) => entry.amount)).toEqual([999_999_999_999_999n]);
  });

  it('reads a funds code and a reversal of a credit as money out', () => {
    const [entry] = entriesOf(parseMt940(mt940(':61:240102RCR12,5NTRFNONREF//R1')));
    expect(entry).toMatchObject({ direction: 'debit', amount: 12_50n, bankReference: 'R1' });
  });

  it('names every malformed line', () => {
    const error = errorOf(() =>
      parseMt940(
        [
          ':20:BAD',
          ':28C:1/1',
          ':60F:C240102XYZ100,00',
          ':20:BAD2',
          ':25:DE89370400440532013000',
          ':60F:C240102EUR100,00',
          ':61:240102C12.345,00NTRFNONREF',
          ':61:240102C1,234NTRFNONREF',
          ':61:241302C1,00NTRFNONREF',
          ':61:HELLO',
        ].join('\n'),
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      'Line 1: statement BAD has no :25: account identification (and 5 more problems)',
    );
    expect(error.details.problems).toEqual([
      { line: 1, message: 'statement BAD has no :25: account identification' },
      { line: 3, message: ':60F: unknown currency "XYZ"' },
      { line: 7, message: ':61: "12.345,00" is not an amount in EUR' },
      { line: 8, message: ':61: "1,234" is not an amount in EUR' },
      { line: 9, message: ':61: "241302" is not a value date' },
      {
        line: 10,
        message:
          ':61: "HELLO" is not a statement line (expected YYMMDD[MMDD], C|D|RC|RD, amount, type, reference)',
      },
    ]);
  });

  it('reports at most a hundred problems, and counts the rest', () => {
    const error = errorOf(() => parseMt940(mt940(...Array(150).fill(':61:240102C1,001NTRFNONREF'))));
    expect(error.message).toMatch(/\(and 149 more problems\)$/);
    expect(error.details.problems).toHaveLength(100);
  });

  it('accepts trailing zeros past a currency’s digits but no real extra digit', () => {
    const yen = (amount: string) =>
      parseMt940(`:20:R\n:25:123\n:60F:C240102JPY0,\n:61:240102C${amount}NTRFNONREF\n`);
    expect(entriesOf(yen('1500,00'))[0]!.amount).toBe(1500n);
    expect(errorOf(() => yen('1500,50')).message).toBe('Line 4: :61: "1500,50" is not an amount in JPY');
  });
});

describe('parseCamt053', () => {
  it('reads camt.053.001.02: balances, single, batched and structured-reference entries, skipping PDNG', () => {
    const [eur, jpy] = parseCamt053(sample('camt053-sample.xml').toString('utf8'));
    expect({ ...eur!, entries: undefined }).toEqual({
      format: 'camt053',
      accountId: 'DE89370400440532013000',
      currency: 'EUR',
      statementId: 'STMT-20240315-EUR',
      openingBalance: { amount: 10_000_00n, direction: 'credit', date: '2024-03-15' },
      closingBalance: { amount: 15_839_75n, direction: 'credit', date: '2024-03-15' },
      entries: undefined,
    });
    const shared = { bookedOn: '2024-03-15', currency: 'EUR' };
    expect(eur!.entries).toEqual([
      {
        ...shared,
        index: 0,
        valueOn: '2024-03-15',
        direction: 'credit',
        amount: 2500_00n,
        remittance: 'Order 4471 deposit TL-7K3M-Q9XP',
        counterpartyName: 'Acme Trading GmbH',
        counterpartyAccount: 'DE02120300000000202051',
        bankReference: '2024031500001234',
      },
      // The batch of 3000.00 is the two payments inside it.
      {
        ...shared,
        index: 1,
        valueOn: '2024-03-18',
        direction: 'credit',
        amount: 1200_00n,
        remittance: 'TL-2B9C-7DFG balance PO-2024-118',
        counterpartyName: 'Nordic Fixtures AB',
        counterpartyAccount: 'SE4550000000058398257466',
        bankReference: '2024031500001299-1',
      },
      {
        ...shared,
        index: 2,
        valueOn: '2024-03-18',
        direction: 'credit',
        amount: 1800_00n,
        remittance: 'Pedido TL-4H8N-2WQR',
        counterpartyName: 'Café & Bar Supplies S.L.',
        counterpartyAccount: 'ES9121000418450200051332',
        bankReference: '2024031500001299-2',
      },
      // Money out: the other party is the creditor.
      {
        ...shared,
        index: 3,
        valueOn: '2024-03-15',
        direction: 'debit',
        amount: 410_25n,
        remittance: 'Invoice NB-5531',
        counterpartyName: 'Ningbo Packaging Co Ltd',
        counterpartyAccount: '6222021001116245702',
        bankReference: '2024031500001302',
      },
      {
        ...shared,
        index: 4,
        valueOn: '2024-03-15',
        direction: 'credit',
        amount: 750_00n,
        remittance: 'TL-5R2D-8HJK',
        counterpartyName: 'Lyon Textiles SARL',
        counterpartyAccount: 'FR1420041010050500013M02606',
        bankReference: '4',
      },
    ]);
    expect(jpy).toMatchObject({ accountId: '0011234567', currency: 'JPY' });
    expect(jpy!.entries).toEqual([
      {
        index: 5,
        bookedOn: '2024-03-15',
        valueOn: '2024-03-15',
        direction: 'credit',
        amount: 1_500_000n,
        currency: 'JPY',
        remittance: 'TL-8MWK-3VTX',
        counterpartyName: 'Osaka Seiki KK',
        counterpartyAccount: null,
        bankReference: 'JP-240315-0042',
      },
    ]);
  });

  const v08 = sample('camt053-v08.xml').toString('utf8');

  it('reads camt.053.001.08: Sts/Cd, Dbtr/Pty/Nm, TxDtls/Amt, BookgDt/DtTm', () => {
    const [statement] = parseCamt053(v08);
    expect(statement).toMatchObject({
      accountId: 'NL91ABNA0417164300',
      statementId: 'NL91ABNA0417164300-2025-06-02',
      openingBalance: { amount: 120_00n, direction: 'debit', date: '2025-06-02' },
      closingBalance: { amount: 4880_50n, direction: 'credit', date: '2025-06-02' },
    });
    // The pending entry and the zero-amount one are not money received.
    expect(statement!.entries).toEqual([
      {
        index: 0,
        bookedOn: '2025-06-02', // the bank's day, not shifted to UTC
        valueOn: '2025-06-03',
        direction: 'credit',
        amount: 3000_00n,
        currency: 'EUR',
        remittance: 'TL-6FQ2-H7NM E2E-4471-A',
        counterpartyName: 'Rotterdam Wholesale BV',
        counterpartyAccount: 'NL02RABO0123456789',
        bankReference: 'ABN-250602-77',
      },
      {
        index: 1,
        bookedOn: '2025-06-02',
        valueOn: '2025-06-03',
        direction: 'credit',
        amount: 2000_50n,
        currency: 'EUR',
        remittance: 'RF18539007547034',
        counterpartyName: 'Gent Interiors NV',
        counterpartyAccount: 'BE68539007547034',
        bankReference: 'ABN-250602-77',
      },
    ]);
  });

  it('ignores namespace prefixes', () => {
    const prefixed = v08
      .replace(/<(\/?)(?=[A-Za-z])/g, '<$1camt:')
      .replace('xmlns=', 'xmlns:camt=')
      .replace('<camt:?xml', '<?xml');
    expect(parseCamt053(prefixed)).toEqual(parseCamt053(v08));
  });

  it('keeps a batch whose transactions do not add up to the entry as one entry', () => {
    const broken = v08.replace('<Amt Ccy="EUR">2000.50</Amt>', '<Amt Ccy="EUR">2000.00</Amt>');
    const [entry, ...rest] = parseCamt053(broken)[0]!.entries;
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      amount: 5000_50n,
      remittance: 'TL-6FQ2-H7NM E2E-4471-A RF18539007547034',
      counterpartyName: 'Rotterdam Wholesale BV',
    });
  });

  it('names the statement that lacks its account', () => {
    const error = errorOf(() => parseCamt053(v08.replace(/<Acct>[\s\S]*?<\/Acct>/, '')));
    expect(error.details.problems).toEqual([
      { line: 8, message: 'statement NL91ABNA0417164300-2025-06-02 has no Acct/Id/IBAN or Acct/Id/Othr/Id' },
    ]);
    expect(errorOf(() => parseCamt053('<Document><Other/></Document>')).message).toBe(
      'no BkToCstmrStmt/Stmt element: this is not a camt.053 statement',
    );
  });

  it('names the line of a bad amount, an unknown currency and malformed XML', () => {
    const bad = v08
      .replace('<Amt Ccy="EUR">5000.50</Amt>', '<Amt Ccy="EUR">5,000.50</Amt>')
      .replace('<Amt Ccy="EUR">120.00</Amt>', '<Amt Ccy="ABC">120.00</Amt>');
    expect(errorOf(() => parseCamt053(bad)).details.problems).toEqual([
      { line: 23, message: 'Amt: unknown currency "ABC"' },
      { line: 43, message: 'Amt "5,000.50" is not an amount in EUR' },
    ]);
    const error = errorOf(() => parseCamt053(v08.replace('</Ntry>', '</Entry>')));
    expect(error.message).toBe(
      "Line 104: malformed XML: Expected closing tag 'Ntry' (opened in line 41, col 7) instead of closing tag 'Entry'.",
    );
  });
});

describe('parseStatementFile', () => {
  it('recognises the format by content, from a Buffer or a string', () => {
    expect(parseStatementFile('statement.txt', sample('camt053-v08.xml')).statements[0]!.format).toBe(
      'camt053',
    );
    expect(parseStatementFile('x.xml', sample('mt940-sample.sta').toString()).statements).toHaveLength(2);
  });

  it('reads MT940 in Latin-1, as German banks send it', () => {
    const latin1 = Buffer.from(mt940(':61:240102C1,NTRFNONREF', ':86:166?20Miete?32Jürgen Weiß'), 'latin1');
    const [entry] = entriesOf(parseStatementFile('umsatz.sta', latin1).statements);
    expect(entry).toMatchObject({ remittance: 'Miete', counterpartyName: 'Jürgen Weiß' });
  });

  it('refuses empty, oversized and unknown files with a problem for the whole file', () => {
    const refusal = (content: Buffer | string) => {
      const error = errorOf(() => parseStatementFile('upload.sta', content));
      return { code: error.code, message: error.message, problems: error.details.problems };
    };
    expect(refusal(' \n')).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'upload.sta: the file is empty',
      problems: [{ line: null, message: 'the file is empty' }],
    });
    expect(refusal(Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)).message).toBe(
      'upload.sta: the file is 5242881 bytes, more than the 5242880 a statement may have',
    );
    expect(refusal('date,amount\n2024-01-02,12.50\n').message).toMatch(/^upload\.sta: unknown format/);
    expect(refusal('<?xml version="1.0"?><Document><BkToCstmrDbtCdtNtfctn/></Document>').message).toMatch(
      /unknown format/,
    );
  });

  it('names the file and the line of a malformed statement', () => {
    const error = errorOf(() => parseStatementFile('jan.sta', mt940(':61:240102C1.5NTRFNONREF')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('jan.sta: Line 5: :61: "1.5" is not an amount in EUR');
    expect(error.details.problems).toEqual([{ line: 5, message: ':61: "1.5" is not an amount in EUR' }]);
  });
});
