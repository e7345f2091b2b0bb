// Breaks the ledger behind its back (this file's database is its own) to show
// that verifyLedger notices each kind of damage. The schema's own guards
// (checks, the unique resolution index, the append-only trigger) are lifted
// first: with them in place this damage cannot be written at all.

import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { createTransfers, type LedgerCtx } from './create-transfers.js';
import { fundedEscrow, newAccount, txf } from './ledger-test-kit.js';
import { verifyLedger } from './verify-ledger.js';

const h = useHarness();
let ctx: LedgerCtx;
const sql = (text: string, values?: unknown[]) => h.database.sql(text, values);

beforeAll(async () => {
  ctx = { db: h.database.db, now: h.clock };
});

describe('verifyLedger', () => {
  it('finds nothing wrong with a ledger written through createTransfers', async () => {
    const { escrow } = await fundedEscrow(ctx, 500n, createTransfers);
    const payee = await newAccount(ctx, 'supplier_payable');
    const hold = txf(escrow, payee, 200n, { flags: { pending: true } });
    await createTransfers(ctx, [
      hold,
      {
        id: `${hold.id}:post`,
        pendingId: hold.id,
        amount: 150n,
        flags: { postPending: true },
        reference: 'x',
      },
      txf(escrow, payee, 100n, { flags: { pending: true } }),
    ]);
    const report = await verifyLedger(ctx.db);
    expect(report).toMatchObject({ ok: true, violations: [], accounts: 3, transfers: 4 });
    expect(report.currencies).toEqual([
      { currency: 'USD', debitsPosted: 650n, creditsPosted: 650n, debitsPending: 100n, creditsPending: 100n },
    ]);
  });

  it('reports each kind of damage', async () => {
    await h.database.exec(`
      alter table ledger_accounts drop constraint ledger_accounts_debits_within_credits;
      drop index ledger_transfers_pending_id_index;
      alter table ledger_transfers disable trigger ledger_transfers_append_only;`);
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const payee = await newAccount(ctx, 'supplier_payable');
    const hold = txf(escrow, payee, 40n, { flags: { pending: true } });
    await createTransfers(ctx, [hold]);
    // A balance edited by hand: unbalanced, overdrawn by the reservation, and not what the transfers say.
    await sql('update ledger_accounts set credits_posted = 30 where id = $1', [escrow.id]);
    // A second resolution of the same pending transfer, and an edited amount.
    const resolution = `insert into ledger_transfers (id, debit_account_id, credit_account_id, amount, currency, kind, pending_id, reference, created_at)
      values ($1, $2, $3, $4, 'USD', $5, $6, 'x', now())`;
    await sql(resolution, ['r1', escrow.id, payee.id, 40, 'void_pending', hold.id]);
    await sql(resolution, ['r2', escrow.id, payee.id, 40, 'post_pending', hold.id]);
    await sql('update ledger_transfers set currency = $1 where id = $2', ['EUR', 'r2']);

    const report = await verifyLedger(ctx.db);
    expect(report.ok).toBe(false);
    const kinds = report.violations.map((v) => v.kind);
    expect(new Set(kinds)).toEqual(
      new Set([
        'unbalanced_currency',
        'balance_differs_from_transfers',
        'balance_flag_violated',
        'pending_resolved_twice',
        'resolution_does_not_match_pending',
        'currency_differs_from_accounts',
      ]),
    );
    expect(report.violations).toContainEqual({
      kind: 'balance_differs_from_transfers',
      accountId: escrow.id,
      code: expect.any(String),
      column: 'credits_posted',
      stored: 30n,
      fromTransfers: 100n,
    });
    expect(report.violations).toContainEqual({
      kind: 'pending_resolved_twice',
      pendingId: hold.id,
      resolutions: ['r1', 'r2'],
    });
    expect(report.violations).toContainEqual(
      expect.objectContaining({
        kind: 'balance_flag_violated',
        accountId: escrow.id,
        flag: 'debits_must_not_exceed_credits',
      }),
    );
  });
});
