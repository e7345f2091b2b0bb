// Helpers for the ledger's tests: accounts with unique codes (test files share
// nothing, but tests in one file share its database) and terse transfers.

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { type AccountFlags, type LedgerAccount, openAccount } from './accounts.js';
import type { LedgerCtx } from './create-transfers.js';
import type { AccountKind } from './schema.js';
import type { TransferInput } from './transfer.js';

/** A fresh code for a test account: `kind:<random>:CUR`. */
export const testCode = (kind: string, currency: string) =>
  `${kind}:t${randomBytes(5).toString('hex')}:${currency}`;

export const newAccount = (
  ctx: LedgerCtx,
  kind: AccountKind,
  currency = 'USD',
  flags?: AccountFlags,
): Promise<LedgerAccount> => openAccount(ctx, { code: testCode(kind, currency), kind, currency, flags });

/** A transfer from `debit` to `credit` with a fresh id; `extra` overrides anything. */
export const txf = (
  debit: { id: string; currency: string },
  credit: { id: string },
  amount: bigint,
  extra: Partial<TransferInput> = {},
): TransferInput => ({
  id: newId('txf'),
  debitAccountId: debit.id,
  creditAccountId: credit.id,
  amount,
  currency: debit.currency,
  reference: 'test',
  ...extra,
});

/** An escrow holding `amount`, funded from a fresh bank account. */
export const fundedEscrow = async (
  ctx: LedgerCtx,
  amount: bigint,
  create: (ctx: LedgerCtx, inputs: TransferInput[]) => Promise<unknown>,
) => {
  const bank = await newAccount(ctx, 'bank');
  const escrow = await newAccount(ctx, 'escrow');
  await create(ctx, [txf(bank, escrow, amount)]);
  return { bank, escrow };
};

export const countTransfers = async (db: Db, ids: readonly string[]) => {
  if (ids.length === 0) return 0;
  const result = (await db.execute(
    sql`select count(*)::int as n from ledger_transfers where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
};
