import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { isAppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { moneyJson } from '../../core/money.js';
import { findDueByReference, findPaymentReferences, orderPolicy } from '../orders/index.js';
import { applyIncoming, bookIncoming, type IncomingRow } from './apply-incoming.js';
import { bankStatements, incomingPayments } from './schema.js';
import { type BankStatement, parseStatementFile, type StatementEntry } from './statements/index.js';

export type StatementImport = {
  statementId: string;
  format: 'mt940' | 'camt053';
  fileName: string;
  /** True when this exact file was imported before: nothing was booked again. */
  alreadyImported: boolean;
  counts: Record<
    'credits' | 'debitsSkipped' | 'duplicates' | 'matched' | 'partial' | 'overpaid' | 'unmatched',
    number
  >;
  payments: {
    id: string;
    amount: { amount: string; currency: string };
    status: string;
    orderId: string | null;
    remittance: string;
    note: string | null;
  }[];
};

/**
 * An entry's identity across files: banks repeat entries when statements
 * overlap, so the same wire must be booked once however often it is
 * imported. Identical entries in one statement are told apart by their
 * occurrence number.
 */
const entryKeys = (statement: BankStatement) => {
  const seen = new Map<string, number>();
  return statement.entries.map((e: StatementEntry) => {
    const base = [
      statement.accountId,
      e.bookedOn,
      e.direction,
      e.amount,
      e.currency,
      e.bankReference ?? '',
      e.remittance,
      e.counterpartyAccount ?? '',
    ].join('|');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(`${base}#${n}`).digest('hex');
  });
};

/** The first reference in the text that names one of our dues (a remittance may quote invoice numbers too). */
const knownReference = async (ctx: Ctx, remittance: string) => {
  for (const reference of findPaymentReferences(remittance)) {
    if (await findDueByReference(ctx.db, reference)) return reference;
  }
  return findPaymentReferences(remittance)[0] ?? null;
};

const summarise = (
  statement: { id: string; format: 'mt940' | 'camt053'; fileName: string },
  rows: IncomingRow[],
  extra: { alreadyImported: boolean; debitsSkipped: number; duplicates: number },
): StatementImport => {
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return {
    statementId: statement.id,
    format: statement.format,
    fileName: statement.fileName,
    alreadyImported: extra.alreadyImported,
    counts: {
      credits: rows.length + extra.duplicates,
      debitsSkipped: extra.debitsSkipped,
      duplicates: extra.duplicates,
      matched: count('matched'),
      partial: count('partial'),
      overpaid: count('overpaid'),
      unmatched: count('unmatched'),
    },
    payments: rows.map((r) => ({
      id: r.id,
      amount: moneyJson(r.amount, r.currency),
      status: r.status,
      orderId: r.orderId,
      remittance: r.remittance,
      note: r.note,
    })),
  };
};

/**
 * Applies the payment in a savepoint; if its order refuses it (no exchange
 * rate for that day, say) the money stays booked in clearing and the entry
 * waits in the queue with the reason, instead of failing the whole file.
 */
const matchOrQueue = async (ctx: Ctx, payment: IncomingRow, reference: string | null) => {
  try {
    await inTransaction(ctx, (sp) => applyIncoming(sp, payment, reference));
  } catch (error) {
    if (!isAppError(error)) throw error;
    await ctx.db
      .update(incomingPayments)
      .set({ status: 'unmatched', note: `${reference ?? 'No reference'}: ${error.message}` })
      .where(eq(incomingPayments.id, payment.id));
  }
};

/**
 * The operator imports a bank statement (MT940 or camt.053). Every credit is
 * booked into buyer clearing and matched by its reference into the order's
 * escrow; what cannot be matched in full waits in the reconciliation queue.
 * One transaction: a file is imported entirely or not at all. The same file
 * twice, or an entry already seen in an overlapping file, books nothing.
 */
export const importStatement = async (
  ctx: Ctx,
  input: { fileName: string; content: Buffer },
): Promise<StatementImport> => {
  const operator = orderPolicy.assertOperator(ctx.actor);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const [previous] = await ctx.db.select().from(bankStatements).where(eq(bankStatements.sha256, sha256));
  if (previous) {
    const rows = await ctx.db
      .select()
      .from(incomingPayments)
      .where(eq(incomingPayments.statementId, previous.id));
    return summarise(previous, rows, { alreadyImported: true, debitsSkipped: 0, duplicates: 0 });
  }
  const { statements } = parseStatementFile(input.fileName, input.content);
  return inTransaction(ctx, async (tx) => {
    const at = tx.now();
    const statementId = newId('stm', at);
    const format = statements[0]!.format;
    await tx.db.insert(bankStatements).values({
      id: statementId,
      format,
      fileName: input.fileName.slice(0, 200),
      sha256,
      accountId: statements.map((s) => s.accountId).join(', '),
      entryCount: statements.reduce((n, s) => n + s.entries.length, 0),
      importedBy: operator.userId,
      importedAt: at,
    });
    const ids: string[] = [];
    let debitsSkipped = 0;
    let duplicates = 0;
    for (const statement of statements) {
      const keys = entryKeys(statement);
      for (const [i, entry] of statement.entries.entries()) {
        // Money leaving the account is our own payouts and refunds, booked when they were made.
        if (entry.direction === 'debit') {
          debitsSkipped++;
          continue;
        }
        const [payment] = await tx.db
          .insert(incomingPayments)
          .values({
            id: newId('pay', at),
            source: 'bank_statement',
            entryKey: keys[i]!,
            statementId,
            bookedOn: entry.bookedOn,
            currency: entry.currency,
            amount: entry.amount,
            remittance: entry.remittance,
            counterpartyName: entry.counterpartyName,
            counterpartyAccount: entry.counterpartyAccount,
            bankReference: entry.bankReference,
            status: 'unmatched',
            createdAt: at,
          })
          .onConflictDoNothing({ target: incomingPayments.entryKey })
          .returning();
        if (!payment) {
          duplicates++;
          continue;
        }
        await bookIncoming(tx, payment);
        await matchOrQueue(tx, payment, await knownReference(tx, entry.remittance));
        ids.push(payment.id);
      }
    }
    const rows = ids.length
      ? await tx.db.select().from(incomingPayments).where(inArray(incomingPayments.id, ids))
      : [];
    rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    await tx.events.emit('payment.statement_imported', { statementId, entries: ids.length, duplicates });
    return summarise({ id: statementId, format, fileName: input.fileName }, rows, {
      alreadyImported: false,
      debitsSkipped,
      duplicates,
    });
  });
};
