// The two statements a batch costs (besides BEGIN and COMMIT): one locks and
// reads, one writes. Every round trip is a measurable share of a transfer's
// cost, on PGlite most of all (bench/ledger.ts).

import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { AccountState, Resolution } from './apply-transfer.js';
import type { BatchPlan, LedgerSnapshot } from './plan-batch.js';
import { ledgerAccounts, ledgerTransfers, type TransferKind } from './schema.js';
import type { Json, Transfer } from './transfer.js';

// Drizzle expands a JS array into a parameter list, not one array parameter.
const textArray = (values: readonly string[]) =>
  values.length === 0
    ? sql`array[]::text[]`
    : sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`;

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

/** pg parses json columns; a driver that hands back text gets parsed here. */
const parsed = <T>(value: unknown): T[] =>
  typeof value === 'string' ? JSON.parse(value) : ((value as T[] | null) ?? []);

type Keys = { accountIds: readonly string[]; transferIds: readonly string[]; pendingIds: readonly string[] };

/** The stored transfers with the batch's ids or pending ids, and the resolutions of those pending ids. */
const relatedTransfers = (keys: Keys) => sql`
  select json_agg(t) from (
    select id, debit_account_id as debit, credit_account_id as credit, amount::text as amount,
      currency, kind, linked, pending_id, reference, user_data, created_at
    from ledger_transfers
    where id = any(${textArray([...keys.transferIds, ...keys.pendingIds])})
      or pending_id = any(${textArray(keys.pendingIds)})
  ) t`;

const transfersFrom = (json: unknown) => {
  const transfers = new Map<string, Transfer>();
  const resolutions = new Map<string, Resolution>();
  for (const t of parsed<TransferJson>(json).map(toTransfer)) {
    transfers.set(t.id, t);
    if (t.pendingId) resolutions.set(t.pendingId, t.kind === 'post_pending' ? 'posted' : 'voided');
  }
  return { transfers, resolutions };
};

/**
 * Locks the accounts the batch touches (those it names, and those of the
 * stored pending transfers it resolves) in id order, so two batches always
 * lock in the same order and cannot deadlock on accounts; and reads the
 * stored transfers the batch depends on.
 *
 * One statement does both when it can. Its transfers are read in the
 * statement's snapshot, which predates any batch that committed while this
 * one waited for a lock; every such batch updated a locked account, so the
 * locked row's version (xmin) differs from the snapshot's, and then the
 * transfers are read again, after the locks. A same-id transfer on other
 * accounts is left to the primary key (createTransfers retries).
 */
export const lockAndLoad = async (db: Db, keys: Keys): Promise<LedgerSnapshot> => {
  const pendingIds = textArray(keys.pendingIds);
  const result = (await db.execute(sql`
    with wanted as (
      select ${textArray(keys.accountIds)}
        || array(select debit_account_id from ledger_transfers where id = any(${pendingIds}))
        || array(select credit_account_id from ledger_transfers where id = any(${pendingIds})) as ids
    ), seen as (
      select id, xmin::text as version from ledger_accounts where id = any((select ids from wanted)::text[])
    ), locked as (
      select id, currency, debits_pending::text as dp, debits_posted::text as dpo,
        credits_pending::text as cp, credits_posted::text as cpo,
        debits_must_not_exceed_credits as dmnec, credits_must_not_exceed_debits as cmned,
        xmin::text as version
      from ledger_accounts
      where id = any((select ids from wanted)::text[])
      order by id
      for update
    )
    select
      (select json_agg(l) from locked l) as accounts,
      exists (select from locked l join seen s on s.id = l.id where s.version <> l.version) as stale,
      (${relatedTransfers(keys)}) as transfers`)) as unknown as {
    rows: { accounts: unknown; stale: boolean; transfers: unknown }[];
  };
  const row = result.rows[0]!;
  const accounts = new Map(parsed<AccountJson>(row.accounts).map((a) => [a.id, toAccount(a)]));
  if (!row.stale) return { accounts, ...transfersFrom(row.transfers) };
  const fresh = (await db.execute(sql`select (${relatedTransfers(keys)}) as transfers`)) as unknown as {
    rows: { transfers: unknown }[];
  };
  return { accounts, ...transfersFrom(fresh.rows[0]!.transfers) };
};

const bigintParam = (value: bigint): SQL => sql`${value}::bigint`;

/** Inserts the plan's transfers and adds its deltas to the accounts, in one statement. */
export const writeBatch = async (db: Db, plan: BatchPlan): Promise<void> => {
  if (plan.created.length === 0) return;
  const insert = db.insert(ledgerTransfers).values(
    plan.created.map((t) => ({
      id: t.id,
      debitAccountId: t.debitAccountId,
      creditAccountId: t.creditAccountId,
      amount: t.amount,
      currency: t.currency,
      kind: t.kind,
      linked: t.linked,
      pendingId: t.pendingId,
      reference: t.reference,
      userData: t.userData,
      createdAt: t.createdAt,
    })),
  );
  const deltas = sql.join(
    [...plan.deltas].map(
      ([id, d]) =>
        sql`(${id}::text, ${bigintParam(d.debitsPending)}, ${bigintParam(d.debitsPosted)}, ${bigintParam(d.creditsPending)}, ${bigintParam(d.creditsPosted)})`,
    ),
    sql`, `,
  );
  const a = ledgerAccounts;
  await db.execute(sql`
    with inserted as (${insert.getSQL()})
    update ${a} set
      debits_pending = ${a.debitsPending} + d.dp,
      debits_posted = ${a.debitsPosted} + d.dpo,
      credits_pending = ${a.creditsPending} + d.cp,
      credits_posted = ${a.creditsPosted} + d.cpo
    from (values ${deltas}) as d(id, dp, dpo, cp, cpo)
    where ${a.id} = d.id`);
};
