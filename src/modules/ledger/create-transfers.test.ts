import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { useHarness } from '../../test/harness.js';
import { accountBalance, getAccount } from './accounts.js';
import { createTransfers, type LedgerCtx, requireTransfers } from './create-transfers.js';
import { countTransfers, fundedEscrow, newAccount, txf } from './ledger-test-kit.js';
import { getTransfer, listTransfers } from './list-transfers.js';
import { verifyLedger } from './verify-ledger.js';

const h = useHarness();
let ctx: LedgerCtx;
beforeAll(() => {
  ctx = { db: h.database.db, now: h.clock };
});

const results = async (inputs: Parameters<typeof createTransfers>[1]) =>
  (await createTransfers(ctx, inputs)).map((r) => r.result);

const balances = async (id: string) => {
  const a = await getAccount(ctx.db, id);
  return [a.debitsPending, a.debitsPosted, a.creditsPending, a.creditsPosted];
};

describe('createTransfers', () => {
  it('moves money between two accounts and keeps the ledger balanced', async () => {
    const { bank, escrow } = await fundedEscrow(ctx, 1_000n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    expect(await results([txf(escrow, supplier, 400n, { userData: { order: 'ord_1' } })])).toEqual([
      'created',
    ]);
    expect(await balances(bank.id)).toEqual([0n, 1_000n, 0n, 0n]);
    expect(await balances(escrow.id)).toEqual([0n, 400n, 0n, 1_000n]);
    expect(await accountBalance(ctx.db, escrow.id)).toMatchObject({
      side: 'credit',
      posted: 600n,
      available: 600n,
    });
    expect(await accountBalance(ctx.db, bank.id)).toMatchObject({ side: 'debit', posted: 1_000n });
    expect((await verifyLedger(ctx.db)).violations).toEqual([]);
  });

  it('refuses to draw an escrow below zero and writes nothing', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const over = txf(escrow, supplier, 101n);
    expect(await results([over])).toEqual(['exceeds_credits']);
    expect(await countTransfers(ctx.db, [over.id])).toBe(0);
    expect(await balances(escrow.id)).toEqual([0n, 0n, 0n, 100n]);
  });

  it('applies a linked chain all or nothing', async () => {
    const { escrow } = await fundedEscrow(ctx, 1_000n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const fee = await newAccount(ctx, 'platform_fee_revenue');
    const release = txf(escrow, supplier, 950n, { flags: { linked: true } });
    const tooMuch = txf(escrow, fee, 51n);
    expect(await results([release, tooMuch])).toEqual(['linked_event_failed', 'exceeds_credits']);
    expect(await countTransfers(ctx.db, [release.id, tooMuch.id])).toBe(0);
    expect(await balances(escrow.id)).toEqual([0n, 0n, 0n, 1_000n]);

    const fits = txf(escrow, fee, 50n);
    expect(await results([{ ...release, id: `${release.id}b` }, fits])).toEqual(['created', 'created']);
    expect(await balances(escrow.id)).toEqual([0n, 1_000n, 0n, 1_000n]);
  });

  it('reserves with a pending transfer and posts it once, partly', async () => {
    const { escrow } = await fundedEscrow(ctx, 1_000n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const hold = txf(escrow, supplier, 700n, { flags: { pending: true } });
    expect(await results([hold])).toEqual(['created']);
    expect(await balances(escrow.id)).toEqual([700n, 0n, 0n, 1_000n]);
    expect(await accountBalance(ctx.db, escrow.id)).toMatchObject({ posted: 1_000n, available: 300n });
    // The reservation counts: 301 more would overdraw.
    expect(await results([txf(escrow, supplier, 301n)])).toEqual(['exceeds_credits']);

    const post = {
      id: `${hold.id}:post`,
      pendingId: hold.id,
      amount: 500n,
      flags: { postPending: true },
      reference: 'test',
    };
    expect(await results([post])).toEqual(['created']);
    expect(await balances(escrow.id)).toEqual([0n, 500n, 0n, 1_000n]);
    expect(await balances(supplier.id)).toEqual([0n, 0n, 0n, 500n]);
    expect(await getTransfer(ctx.db, post.id)).toMatchObject({
      kind: 'post_pending',
      amount: 500n,
      debitAccountId: escrow.id,
      creditAccountId: supplier.id,
    });

    expect(await results([post])).toEqual(['exists']);
    expect(await results([{ ...post, id: `${hold.id}:again` }])).toEqual(['pending_transfer_already_posted']);
    expect(
      await results([{ ...post, id: `${hold.id}:void`, amount: undefined, flags: { voidPending: true } }]),
    ).toEqual(['pending_transfer_already_posted']);
    expect(await balances(escrow.id)).toEqual([0n, 500n, 0n, 1_000n]);
  });

  it('voids a pending transfer once', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const hold = txf(escrow, supplier, 100n, { flags: { pending: true } });
    const voidIt = {
      id: `${hold.id}:void`,
      pendingId: hold.id,
      flags: { voidPending: true },
      reference: 'test',
    };
    expect(await results([hold, voidIt])).toEqual(['created', 'created']);
    expect(await balances(escrow.id)).toEqual([0n, 0n, 0n, 100n]);
    expect(await results([{ ...voidIt, id: `${hold.id}:post`, flags: { postPending: true } }])).toEqual([
      'pending_transfer_already_voided',
    ]);
  });

  it('answers an identical repeat with exists and a changed one with exists_with_different_fields', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const pay = txf(escrow, supplier, 60n, { userData: { lines: [1, 2], note: 'deposit' } });
    expect(await results([pay])).toEqual(['created']);
    expect(await results([pay, pay])).toEqual(['exists', 'exists']);
    expect(await results([{ ...pay, amount: 99n }])).toEqual(['exists_with_different_fields']);
    const back = txf(supplier, escrow, 10n, { flags: { linked: true } });
    const out = txf(escrow, supplier, 10n);
    expect(await results([back, out])).toEqual(['created', 'created']);
    expect(await results([back, out])).toEqual(['exists', 'exists']);
    // A repeat within a chain does not break it: only the new transfer applies.
    expect(await results([back, txf(escrow, supplier, 5n)])).toEqual(['exists', 'created']);
    expect(await balances(escrow.id)).toEqual([0n, 75n, 0n, 110n]);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const supplier = await newAccount(ctx, 'supplier_payable');
    const pay = txf(escrow, supplier, 60n);
    await expect(
      ctx.db.transaction(async (tx) => {
        const inner = { db: tx as unknown as LedgerCtx['db'], now: ctx.now };
        await requireTransfers(inner, [pay]);
        await requireTransfers(inner, [txf(escrow, supplier, 60n)]);
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await countTransfers(ctx.db, [pay.id])).toBe(0);
    expect(await balances(escrow.id)).toEqual([0n, 0n, 0n, 100n]);
  });

  it('maps refusals to error codes in requireTransfers', async () => {
    const { escrow } = await fundedEscrow(ctx, 10n, createTransfers);
    const eur = await newAccount(ctx, 'supplier_payable', 'EUR');
    const refused = (inputs: Parameters<typeof requireTransfers>[1]) =>
      requireTransfers(ctx, inputs).then(
        () => undefined,
        (e: AppError) => [e.code, (e.details.failures as { result: string }[]).map((f) => f.result)],
      );
    expect(await refused([txf(escrow, eur, 1n)])).toEqual([
      'VALIDATION_FAILED',
      ['accounts_must_have_the_same_currency'],
    ]);
    expect(await refused([txf(escrow, { id: 'acct_missing' }, 1n)])).toEqual([
      'NOT_FOUND',
      ['credit_account_not_found'],
    ]);
    expect(
      await refused([
        txf(escrow, { id: 'acct_missing' }, 1n, { flags: { linked: true } }),
        txf(escrow, eur, 1n),
      ]),
    ).toEqual(['NOT_FOUND', ['credit_account_not_found', 'linked_event_failed']]);
    await expect(
      createTransfers(
        ctx,
        Array.from({ length: 1001 }, () => txf(escrow, eur, 1n)),
      ),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('keeps transfers append-only in the database itself', async () => {
    const { escrow } = await fundedEscrow(ctx, 10n, createTransfers);
    await expect(
      h.database.sql('update ledger_transfers set amount = 1 where credit_account_id = $1', [escrow.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      h.database.sql('delete from ledger_transfers where credit_account_id = $1', [escrow.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('listTransfers', () => {
  it('pages through an account’s transfers oldest first', async () => {
    const bank = await newAccount(ctx, 'bank');
    const wallet = await newAccount(ctx, 'ad_wallet');
    const inputs = Array.from({ length: 5 }, (_, i) => txf(bank, wallet, BigInt(i + 1)));
    await createTransfers(ctx, inputs);
    await createTransfers(ctx, [txf(wallet, bank, 2n)]);
    const first = await listTransfers(ctx.db, wallet.id, { limit: 4 });
    expect(first.items.map((t) => t.amount)).toEqual([1n, 2n, 3n, 4n]);
    const second = await listTransfers(ctx.db, wallet.id, { limit: 4, after: first.next });
    expect(second.items.map((t) => [t.amount, t.debitAccountId === wallet.id])).toEqual([
      [5n, false],
      [2n, true],
    ]);
    expect(second.next).toBeNull();
  });
});
