// The two statements a batch costs (besides BEGIN and COMMIT): one locks and
// reads, one writes, each a call of a PL/pgSQL function with one JSON
// argument (migration 0005). Every round trip and every planning is a
// measurable share of a transfer's cost, on PGlite most of all (bench/ledger.ts).

import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { AccountState, Resolution } from './apply-transfer.js';
import type { BatchPlan, LedgerSnapshot } from './plan-batch.js';
import type { TransferKind } from './schema.js';
import type { Json, Transfer } from './transfer.js';

type AccountJson = {
  id: string;
  currency: string;
  dp: string;
  dpo: string;
  cp: string;
  cpo: string;
  dmnec: boolean;
  cmned: boolean;
};

type TransferJson = {
  id: string;
  debit: string;
  credit: string;
  amount: string;
  currency: string;
  kind: TransferKind;
  linked: boolean;
  pending_id: string | null;
  reference: string;
  user_data: Json | null;
  created_at: string;
};

const toAccount = (a: AccountJson): AccountState => ({
  id: a.id,
  currency: a.currency,
  debitsPending: BigInt(a.dp),
  debitsPosted: BigInt(a.dpo),
  creditsPending: BigInt(a.cp),
  creditsPosted: BigInt(a.cpo),
  debitsMustNotExceedCredits: a.dmnec,
  creditsMustNotExceedDebits: a.cmned,
});

const toTransfer = (t: TransferJson): Transfer => ({
  id: t.id,
  debitAccountId: t.debit,
  creditAccountId: t.credit,
  amount: BigInt(t.amount),
  currency: t.currency,
  kind: t.kind,
  linked: t.linked,
  pendingId: t.pending_id,
  reference: t.reference,
  userData: t.user_data,
  createdAt: new Date(t.created_at),
});

/** pg parses json values; a driver that hands back text gets parsed here. */
const parsed = <T>(value: unknown): T[] =>
  typeof value === 'string' ? JSON.parse(value) : ((value as T[] | null) ?? []);

const parsedObject = (value: unknown): { accounts: unknown; transfers: unknown } =>
  typeof value === 'string' ? JSON.parse(value) : (value as { accounts: unknown; transfers: unknown });

type Keys = { accountIds: readonly string[]; transferIds: readonly string[]; pendingIds: readonly string[] };

/**
 * Locks the accounts the batch touches in id order (see `ledger_lock` in
 * migration 0005: the accounts it names and those of the stored pending
 * transfers it resolves) and reads, after the locks, the stored transfers
 * the batch depends on: same ids, its pending transfers and their
 * resolutions. Reading after the locks matters: a batch that waited for a
 * lock must see what the batch it waited for wrote.
 */
export const lockAndLoad = async (db: Db, keys: Keys): Promise<LedgerSnapshot> => {
  const json = JSON.stringify({
    accounts: keys.accountIds,
    transfers: keys.transferIds,
    pendings: keys.pendingIds,
  });
  const result = (await db.execute(sql`select ledger_lock(${json}::jsonb) as state`)) as unknown as {
    rows: { state: unknown }[];
  };
  const state = parsedObject(result.rows[0]!.state);
  const transfers = new Map<string, Transfer>();
  const resolutions = new Map<string, Resolution>();
  for (const t of parsed<TransferJson>(state.transfers).map(toTransfer)) {
    transfers.set(t.id, t);
    if (t.pendingId) resolutions.set(t.pendingId, t.kind === 'post_pending' ? 'posted' : 'voided');
  }
  const accounts = new Map(parsed<AccountJson>(state.accounts).map((a) => [a.id, toAccount(a)]));
  return { accounts, transfers, resolutions };
};

/**
 * Appends the plan's transfers and adds its deltas to the accounts (see
 * `ledger_write` in migration 0005). Amounts go as decimal strings.
 */
export const writeBatch = async (db: Db, plan: BatchPlan): Promise<void> => {
  if (plan.created.length === 0) return;
  const transfers = JSON.stringify(
    plan.created.map((t, n) => ({
      n,
      id: t.id,
      debit: t.debitAccountId,
      credit: t.creditAccountId,
      amount: t.amount.toString(),
      currency: t.currency,
      kind: t.kind,
      linked: t.linked,
      pending_id: t.pendingId,
      reference: t.reference,
      user_data: t.userData,
      created_at: t.createdAt.toISOString(),
    })),
  );
  const deltas = JSON.stringify(
    [...plan.deltas].map(([id, d]) => ({
      id,
      dp: d.debitsPending.toString(),
      dpo: d.debitsPosted.toString(),
      cp: d.creditsPending.toString(),
      cpo: d.creditsPosted.toString(),
    })),
  );
  await db.execute(sql`select ledger_write(${transfers}::jsonb, ${deltas}::jsonb)`);
};
