import { and, asc, eq, gt, or } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { type LedgerTransferRow, ledgerTransfers } from './schema.js';
import type { Json, Transfer } from './transfer.js';

export type TransferPage = {
  items: Transfer[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
};

const toTransfer = ({ seq: _seq, userData, ...row }: LedgerTransferRow): Transfer => ({
  ...row,
  userData: (userData ?? null) as Json | null,
});

/**
 * One page of the transfers that debit or credit the account, oldest first
 * (keyset on insertion order, so a page never skips or repeats a row).
 */
export const listTransfers = async (
  db: Db,
  accountId: string,
  page: { limit?: number; after?: string | null } = {},
): Promise<TransferPage> => {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new AppError('VALIDATION_FAILED', 'A page holds 1 to 500 transfers', { limit });
  if (page.after && !/^\d+$/.test(page.after))
    throw new AppError('VALIDATION_FAILED', 'Not a transfer page cursor', { after: page.after });
  const t = ledgerTransfers;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        or(eq(t.debitAccountId, accountId), eq(t.creditAccountId, accountId)),
        page.after ? gt(t.seq, BigInt(page.after)) : undefined,
      ),
    )
    .orderBy(asc(t.seq))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return {
    items: items.map(toTransfer),
    next: rows.length > limit ? String(items.at(-1)!.seq) : null,
  };
};

/** A stored transfer by id, or undefined. */
export const getTransfer = async (db: Db, id: string): Promise<Transfer | undefined> => {
  const [row] = await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id));
  return row ? toTransfer(row) : undefined;
};
