import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { accountBalance, accountCode, getAccount, getAccountByCode, openAccount } from './accounts.js';
import { createTransfers, type LedgerCtx } from './create-transfers.js';
import { newAccount, testCode, txf } from './ledger-test-kit.js';

const h = useHarness();
let ctx: LedgerCtx;
beforeAll(() => {
  ctx = { db: h.database.db, now: h.clock };
});

describe('openAccount', () => {
  it('opens an account once per code, with the flags of its kind', async () => {
    const code = testCode('escrow', 'USD');
    const input = { code, kind: 'escrow', currency: 'USD', companyId: 'co_buyer' } as const;
    const escrow = await openAccount(ctx, input);
    expect(escrow).toMatchObject({
      id: expect.stringMatching(/^acct_/),
      code,
      companyId: 'co_buyer',
      debitsMustNotExceedCredits: true,
      creditsMustNotExceedDebits: false,
      debitsPosted: 0n,
    });
    expect((await openAccount(ctx, input)).id).toBe(escrow.id);
    // The defaults count as part of the definition, so saying them changes nothing.
    expect((await openAccount(ctx, { ...input, flags: { debitsMustNotExceedCredits: true } })).id).toBe(
      escrow.id,
    );
    expect((await getAccountByCode(ctx.db, code))?.id).toBe(escrow.id);
    expect(
      (await openAccount(ctx, { code: testCode('bank', 'JPY'), kind: 'bank', currency: 'JPY' })).companyId,
    ).toBeNull();
  });

  it('refuses another definition under the same code', async () => {
    const code = testCode('escrow', 'USD');
    await openAccount(ctx, { code, kind: 'escrow', currency: 'USD' });
    await expect(
      openAccount(ctx, { code, kind: 'escrow', currency: 'USD', companyId: 'co_x' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { fields: ['companyId'] },
    });
    await expect(
      openAccount(ctx, {
        code,
        kind: 'escrow',
        currency: 'USD',
        flags: { debitsMustNotExceedCredits: false },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { fields: ['debitsMustNotExceedCredits'] } });
  });

  it('gives every racer for one code the same account', async () => {
    const code = testCode('ad_wallet', 'EUR');
    const opened = await Promise.all(
      Array.from({ length: 10 }, () =>
        openAccount(ctx, { code, kind: 'ad_wallet', currency: 'EUR', companyId: 'co_s' }),
      ),
    );
    expect(new Set(opened.map((a) => a.id)).size).toBe(1);
  });

  it('refuses a malformed definition', async () => {
    const refused = (input: Parameters<typeof openAccount>[1]) =>
      openAccount(ctx, input).then(
        () => 'opened',
        (e: { code: string }) => e.code,
      );
    expect(await refused({ code: 'bank:XYZ', kind: 'bank', currency: 'XYZ' })).toBe('VALIDATION_FAILED');
    expect(await refused({ code: 'bank:EUR', kind: 'bank', currency: 'USD' })).toBe('VALIDATION_FAILED');
    expect(await refused({ code: 'bank::USD', kind: 'bank', currency: 'USD' })).toBe('VALIDATION_FAILED');
    expect(await refused({ code: 'vault:USD', kind: 'vault' as 'bank', currency: 'USD' })).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      await refused({
        code: testCode('fx_clearing', 'USD'),
        kind: 'fx_clearing',
        currency: 'USD',
        flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: true },
      }),
    ).toBe('VALIDATION_FAILED');
    expect(accountCode('escrow', 'ord_1', 'USD')).toBe('escrow:ord_1:USD');
  });

  it('answers NOT_FOUND for an unknown account', async () => {
    await expect(getAccount(ctx.db, 'acct_missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('accountBalance', () => {
  it('reads each account on its normal side, reservations apart', async () => {
    const bank = await newAccount(ctx, 'bank');
    const clearing = await newAccount(ctx, 'buyer_clearing');
    const refund = await newAccount(ctx, 'compensation');
    await createTransfers(ctx, [
      txf(bank, clearing, 1_000n),
      txf(clearing, bank, 300n, { flags: { pending: true } }),
      txf(refund, clearing, 50n, { flags: { pending: true } }),
    ]);
    expect(await accountBalance(ctx.db, bank.id)).toMatchObject({
      side: 'debit',
      posted: 1_000n,
      pending: -300n,
      available: 700n,
    });
    expect(await accountBalance(ctx.db, clearing.id)).toMatchObject({
      side: 'credit',
      posted: 1_000n,
      pending: -250n,
      available: 700n,
      creditsPending: 50n,
      debitsPending: 300n,
    });
    expect(await accountBalance(ctx.db, refund.id)).toMatchObject({
      side: 'debit',
      posted: 0n,
      pending: 50n,
    });
  });
});
