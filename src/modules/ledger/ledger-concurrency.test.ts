// On PostgreSQL these calls really overlap (the pool holds several
// connections); PGlite has one session and runs its transactions one at a
// time, so there the same tests check that queuing changes no outcome.

import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import { getAccount } from './accounts.js';
import { createTransfers, type LedgerCtx } from './create-transfers.js';
import { fundedEscrow, newAccount, txf } from './ledger-test-kit.js';
import type { TransferInput } from './transfer.js';
import { verifyLedger } from './verify-ledger.js';

const h = useHarness();
let ctx: LedgerCtx;
beforeAll(() => {
  ctx = { db: h.database.db, now: h.clock };
});

const parallel = (batches: TransferInput[][]) =>
  Promise.all(batches.map(async (batch) => (await createTransfers(ctx, batch))[0]!.result));

const tally = (results: string[]) =>
  Object.fromEntries([...new Set(results)].sort().map((r) => [r, results.filter((x) => x === r).length]));

describe('concurrent transfers', () => {
  it('lets exactly one of 50 parallel withdrawals of the whole escrow through', async () => {
    const { escrow } = await fundedEscrow(ctx, 1_000n, createTransfers);
    // The clock stands still, so account ids differ only in their random tail:
    // some sort before the escrow and some after, and locks are taken in id order.
    const payees = await Promise.all(Array.from({ length: 50 }, () => newAccount(ctx, 'supplier_payable')));
    const results = await parallel(payees.map((p) => [txf(escrow, p, 1_000n)]));
    expect(tally(results)).toEqual({ created: 1, exceeds_credits: 49 });
    expect(await getAccount(ctx.db, escrow.id)).toMatchObject({
      debitsPosted: 1_000n,
      creditsPosted: 1_000n,
    });
    expect((await verifyLedger(ctx.db)).violations).toEqual([]);
  });

  it('creates a transfer submitted 20 times at once exactly once', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const payee = await newAccount(ctx, 'supplier_payable');
    const pay = txf(escrow, payee, 60n);
    const results = await parallel(Array.from({ length: 20 }, () => [pay]));
    expect(tally(results)).toEqual({ created: 1, exists: 19 });
    expect(await getAccount(ctx.db, escrow.id)).toMatchObject({ debitsPosted: 60n });
  });

  it('refuses the same id on other accounts, even when the submissions race', async () => {
    const banks = await Promise.all(Array.from({ length: 10 }, () => newAccount(ctx, 'bank')));
    const id = txf(banks[0]!, banks[1]!, 1n).id;
    // No account is shared, so no lock orders these: the primary key decides, and the losers retry.
    const results = await parallel(banks.map((b, i) => [txf(b, banks[(i + 1) % 10]!, 5n, { id })]));
    expect(tally(results)).toEqual({ created: 1, exists_with_different_fields: 9 });
  });

  it('resolves a pending transfer once when posts and voids race', async () => {
    const { escrow } = await fundedEscrow(ctx, 100n, createTransfers);
    const payee = await newAccount(ctx, 'supplier_payable');
    const hold = txf(escrow, payee, 100n, { flags: { pending: true } });
    await createTransfers(ctx, [hold]);
    const resolutions = Array.from({ length: 20 }, (_, i) => [
      {
        id: `${hold.id}:${i}`,
        pendingId: hold.id,
        flags: i % 2 === 0 ? { postPending: true } : { voidPending: true },
        reference: 'test',
      },
    ]);
    const results = await parallel(resolutions);
    expect(results.filter((r) => r === 'created')).toHaveLength(1);
    expect(
      results.every((r) =>
        ['created', 'pending_transfer_already_posted', 'pending_transfer_already_voided'].includes(r),
      ),
    ).toBe(true);
    const after = await getAccount(ctx.db, escrow.id);
    expect(after.debitsPending).toBe(0n);
    expect((await verifyLedger(ctx.db)).violations).toEqual([]);
  });

  it('does not deadlock on transfers crossing the same accounts in both directions', async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => newAccount(ctx, 'bank')));
    const batches = Array.from({ length: 40 }, (_, i) => {
      const [a, b, c] = [accounts[i % 4]!, accounts[(i + 1) % 4]!, accounts[(i + 2) % 4]!];
      // Each batch names its accounts in a different order; the locks still go in id order.
      return i % 2 === 0 ? [txf(a, b, 5n), txf(c, a, 3n)] : [txf(b, a, 5n), txf(a, c, 3n)];
    });
    const results = await parallel(batches);
    expect(tally(results)).toEqual({ created: 40 });
    expect((await verifyLedger(ctx.db)).violations).toEqual([]);
  });
});
