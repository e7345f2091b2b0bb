import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

export type CurrencyTotals = {
  currency: string;
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
};

const balanceColumns = ['debits_pending', 'debits_posted', 'credits_pending', 'credits_posted'] as const;
type BalanceColumn = (typeof balanceColumns)[number];

export type LedgerViolation =
  | {
      kind: 'unbalanced_currency';
      currency: string;
      side: 'posted' | 'pending';
      debits: bigint;
      credits: bigint;
    }
  | {
      kind: 'balance_differs_from_transfers';
      accountId: string;
      code: string;
      column: BalanceColumn;
      stored: bigint;
      fromTransfers: bigint;
    }
  | {
      kind: 'balance_flag_violated';
      accountId: string;
      code: string;
      flag: 'debits_must_not_exceed_credits' | 'credits_must_not_exceed_debits' | 'non_negative';
    }
  | { kind: 'pending_resolved_twice'; pendingId: string; resolutions: string[] }
  | { kind: 'resolution_does_not_match_pending'; transferId: string; pendingId: string }
  | { kind: 'currency_differs_from_accounts'; transferId: string };

type FlagViolation = Extract<LedgerViolation, { kind: 'balance_flag_violated' }>;

export type LedgerReport = {
  ok: boolean;
  accounts: number;
  transfers: number;
  currencies: CurrencyTotals[];
  violations: LedgerViolation[];
};

type Rows = { rows: Record<string, string | null>[] };
const rows = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows).rows;
const big = (value: string | null | undefined) => BigInt(value ?? '0');

// Every transfer's effect on its two accounts' columns: a post or void
// releases the whole reservation of its pending transfer.
const effects = sql`
  with moves as (
    select t.kind, t.amount, coalesce(p.amount, 0) as released, t.debit_account_id, t.credit_account_id
    from ledger_transfers t left join ledger_transfers p on p.id = t.pending_id
  ), effects as (
    select debit_account_id as account_id,
      case kind when 'pending' then amount when 'single' then 0 else -released end as debits_pending,
      case when kind in ('single', 'post_pending') then amount else 0 end as debits_posted,
      0 as credits_pending, 0 as credits_posted
    from moves
    union all
    select credit_account_id, 0, 0,
      case kind when 'pending' then amount when 'single' then 0 else -released end,
      case when kind in ('single', 'post_pending') then amount else 0 end
    from moves
  )`;

const totals = async (db: Db): Promise<CurrencyTotals[]> =>
  (
    await rows(
      db,
      sql`select currency, sum(debits_posted)::text as dpo, sum(credits_posted)::text as cpo,
        sum(debits_pending)::text as dp, sum(credits_pending)::text as cp
      from ledger_accounts group by currency order by currency`,
    )
  ).map((r) => ({
    currency: r.currency!,
    debitsPosted: big(r.dpo),
    creditsPosted: big(r.cpo),
    debitsPending: big(r.dp),
    creditsPending: big(r.cp),
  }));

const recomputed = async (db: Db): Promise<LedgerViolation[]> => {
  const found = await rows(
    db,
    sql`${effects}, sums as (
      select account_id, ${sql.raw(balanceColumns.map((c) => `sum(${c})::text as ${c}`).join(', '))}
      from effects group by account_id
    )
    select a.id, a.code,
      ${sql.raw(balanceColumns.map((c) => `a.${c}::text as stored_${c}, coalesce(s.${c}, '0') as ${c}`).join(', '))}
    from ledger_accounts a left join sums s on s.account_id = a.id
    where ${sql.raw(balanceColumns.map((c) => `a.${c} <> coalesce(s.${c}::numeric, 0)`).join(' or '))}`,
  );
  return found.flatMap((r) =>
    balanceColumns
      .filter((c) => r[`stored_${c}`] !== r[c])
      .map((column) => ({
        kind: 'balance_differs_from_transfers' as const,
        accountId: r.id!,
        code: r.code!,
        column,
        stored: big(r[`stored_${column}`]),
        fromTransfers: big(r[column]),
      })),
  );
};

const flagViolations = async (db: Db): Promise<LedgerViolation[]> =>
  (
    await rows(
      db,
      sql`select id, code, case
          when least(debits_pending, debits_posted, credits_pending, credits_posted) < 0 then 'non_negative'
          when debits_must_not_exceed_credits
            and debits_pending::numeric + debits_posted > credits_posted then 'debits_must_not_exceed_credits'
          else 'credits_must_not_exceed_debits' end as flag
        from ledger_accounts
        where least(debits_pending, debits_posted, credits_pending, credits_posted) < 0
          or (debits_must_not_exceed_credits and debits_pending::numeric + debits_posted > credits_posted)
          or (credits_must_not_exceed_debits and credits_pending::numeric + credits_posted > debits_posted)`,
    )
  ).map((r) => ({
    kind: 'balance_flag_violated',
    accountId: r.id!,
    code: r.code!,
    flag: r.flag as FlagViolation['flag'],
  }));

const transferViolations = async (db: Db): Promise<LedgerViolation[]> => {
  const twice = await rows(
    db,
    sql`select pending_id, string_agg(id, ',' order by id) as ids from ledger_transfers
      where pending_id is not null group by pending_id having count(*) > 1`,
  );
  const mismatched = await rows(
    db,
    sql`select t.id, t.pending_id from ledger_transfers t left join ledger_transfers p on p.id = t.pending_id
      where t.pending_id is not null and (p.id is null or p.kind <> 'pending'
        or p.debit_account_id <> t.debit_account_id or p.credit_account_id <> t.credit_account_id
        or p.currency <> t.currency or t.amount > p.amount
        or (t.kind = 'void_pending' and t.amount <> p.amount))`,
  );
  const currencies = await rows(
    db,
    sql`select t.id from ledger_transfers t
      join ledger_accounts d on d.id = t.debit_account_id join ledger_accounts c on c.id = t.credit_account_id
      where t.currency <> d.currency or t.currency <> c.currency`,
  );
  return [
    ...twice.map((r) => ({
      kind: 'pending_resolved_twice' as const,
      pendingId: r.pending_id!,
      resolutions: r.ids!.split(','),
    })),
    ...mismatched.map((r) => ({
      kind: 'resolution_does_not_match_pending' as const,
      transferId: r.id!,
      pendingId: r.pending_id!,
    })),
    ...currencies.map((r) => ({ kind: 'currency_differs_from_accounts' as const, transferId: r.id! })),
  ];
};

/**
 * Checks the ledger's invariants on one consistent snapshot: per currency,
 * Σ debits = Σ credits (posted, and pending); every account's four balance
 * columns equal what its transfers add up to; no account breaks its balance
 * flag or goes below zero; no pending transfer is resolved twice, and every
 * resolution matches its pending transfer. Reads the whole ledger.
 */
export const verifyLedger = async (db: Db): Promise<LedgerReport> =>
  db.transaction(
    async (txDb) => {
      const tx = txDb as unknown as Db;
      const currencies = await totals(tx);
      const violations: LedgerViolation[] = [];
      for (const t of currencies) {
        if (t.debitsPosted !== t.creditsPosted)
          violations.push({
            kind: 'unbalanced_currency',
            currency: t.currency,
            side: 'posted',
            debits: t.debitsPosted,
            credits: t.creditsPosted,
          });
        if (t.debitsPending !== t.creditsPending)
          violations.push({
            kind: 'unbalanced_currency',
            currency: t.currency,
            side: 'pending',
            debits: t.debitsPending,
            credits: t.creditsPending,
          });
      }
      violations.push(
        ...(await recomputed(tx)),
        ...(await flagViolations(tx)),
        ...(await transferViolations(tx)),
      );
      const [counts] = await rows(
        tx,
        sql`select (select count(*) from ledger_accounts)::text as accounts,
          (select count(*) from ledger_transfers)::text as transfers`,
      );
      return {
        ok: violations.length === 0,
        accounts: Number(counts!.accounts),
        transfers: Number(counts!.transfers),
        currencies,
        violations,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
