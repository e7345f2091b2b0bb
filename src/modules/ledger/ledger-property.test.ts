import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/ids.js';
import { useHarness } from '../../test/harness.js';
import type { LedgerAccount } from './accounts.js';
import { type AccountState, maxAmount, type Resolution } from './apply-transfer.js';
import { createTransfers, type LedgerCtx } from './create-transfers.js';
import { countTransfers, newAccount } from './ledger-test-kit.js';
import { planBatch } from './plan-batch.js';
import { ledgerAccounts } from './schema.js';
import { kindOf, succeeded, type Transfer, type TransferInput, type TransferResult } from './transfer.js';
import { verifyLedger } from './verify-ledger.js';

const h = useHarness();
let ctx: LedgerCtx;
beforeAll(() => {
  ctx = { db: h.database.db, now: h.clock };
});

// Abstract steps: account and pending choices are indices resolved at run
// time, so shrinking keeps them meaningful. Many of them must fail: the same
// account twice, two currencies, a missing account, amounts ≤ 0 or past
// int8, overdrafts, resolving twice or resolving what is not pending.
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.bigInt({ min: 1n, max: 400n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -2n, max: 0n }) },
  { weight: 1, arbitrary: fc.constant(maxAmount) },
);
const sometimes = (weight: number) =>
  fc.oneof({ weight: 10 - weight, arbitrary: fc.constant(false) }, { weight, arbitrary: fc.constant(true) });
const linked = sometimes(3);
// Mostly two different accounts of one currency; now and then any two (the same, or a missing one).
const accountPair = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.nat(2), fc.nat(2), fc.nat(1))
      .map(([c, a, d]) => [c * 3 + a, c * 3 + ((a + 1 + d) % 3)]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.nat(9), fc.nat(9)) },
);
const move = fc.record({
  t: fc.constant('move' as const),
  pair: accountPair,
  amount,
  pending: sometimes(3),
  linked,
});
const post = fc.record({
  t: fc.constant('post' as const),
  which: fc.nat(),
  open: sometimes(8),
  // Usually all of it or a part; sometimes anything, which may exceed the reservation.
  amount: fc.oneof(fc.constant(undefined), fc.bigInt({ min: 1n, max: 20n }), amount),
  linked,
});
const voidIt = fc.record({ t: fc.constant('void' as const), which: fc.nat(), open: sometimes(8), linked });
const repeat = fc.record({ t: fc.constant('repeat' as const), which: fc.nat(), alter: sometimes(3) });
const op = fc.oneof(
  { weight: 5, arbitrary: move },
  { weight: 2, arbitrary: post },
  { weight: 1, arbitrary: voidIt },
  { weight: 1, arbitrary: repeat },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
const batches = fc.array(fc.array(op, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 16 });

/** Per currency (USD, EUR, JPY): one account unbounded, one never below zero, one with credits capped by debits. */
const openAccounts = async () =>
  Promise.all(
    ['USD', 'EUR', 'JPY'].flatMap((c) => [
      newAccount(ctx, 'bank', c),
      newAccount(ctx, 'escrow', c, { debitsMustNotExceedCredits: true }),
      newAccount(ctx, 'fx_clearing', c, { creditsMustNotExceedDebits: true }),
    ]),
  );

const stateOf = (a: LedgerAccount): AccountState => ({
  id: a.id,
  currency: a.currency,
  debitsPending: a.debitsPending,
  debitsPosted: a.debitsPosted,
  creditsPending: a.creditsPending,
  creditsPosted: a.creditsPosted,
  debitsMustNotExceedCredits: a.debitsMustNotExceedCredits,
  creditsMustNotExceedDebits: a.creditsMustNotExceedDebits,
});

/**
 * Turns abstract steps into transfers; index 9 names an account that does not
 * exist. A post or void mostly picks an open reservation (or one made earlier
 * in the same batch), else any transfer ever submitted as pending (perhaps
 * refused, or already resolved).
 */
const toInputs = (
  ops: Op[],
  accounts: LedgerAccount[],
  history: TransferInput[],
  open: string[],
): TransferInput[] => {
  const submitted = history.filter((t) => t.flags?.pending).map((t) => t.id);
  const fresh: string[] = [];
  const acct = (i: number) => accounts[i] ?? { id: 'acct_missing', currency: 'USD' };
  return ops.map((o): TransferInput => {
    const id = newId('txf');
    if (o.t === 'move') {
      const [from, to] = [acct(o.pair[0]!), acct(o.pair[1]!)];
      const flags = { pending: o.pending, linked: o.linked };
      if (o.pending) fresh.push(id);
      return {
        id,
        debitAccountId: from.id,
        creditAccountId: to.id,
        amount: o.amount,
        currency: from.currency,
        flags,
        reference: 'prop',
      };
    }
    if (o.t === 'repeat') {
      const earlier = history.length > 0 ? history[o.which % history.length]! : undefined;
      if (!earlier) return { id, reference: '' };
      return o.alter ? { ...earlier, reference: `${earlier.reference}!` } : earlier;
    }
    const pool = o.open && open.length + fresh.length > 0 ? [...open, ...fresh] : [...submitted, ...fresh];
    const pendingId = pool.length > 0 ? pool[o.which % pool.length]! : 'txf_none';
    const flags =
      o.t === 'post' ? { postPending: true, linked: o.linked } : { voidPending: true, linked: o.linked };
    const partial = o.t === 'post' && o.amount !== undefined ? { amount: o.amount } : {};
    return { id, pendingId, flags, reference: 'prop', ...partial };
  });
};

/** Every chain of a batch either succeeded whole or created nothing. */
const chainsAreAtomic = (inputs: TransferInput[], results: TransferResult[]) => {
  let chain: TransferResult[] = [];
  inputs.forEach((input, i) => {
    chain.push(results[i]!);
    if (input.flags?.linked && i < inputs.length - 1) return;
    const ok = chain.every(succeeded);
    expect(ok || chain.every((r) => r.result !== 'created' && r.result !== 'exists')).toBe(true);
    chain = [];
  });
};

const seenResults = new Map<string, number>();

import { afterAll } from 'vitest';

afterAll(() => console.log([...seenResults].sort()));
describe('ledger properties', () => {
  it('keeps every invariant through random batches, and matches the in-memory plan', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(batches, async (steps) => {
        const accounts = await openAccounts();
        const model = {
          accounts: new Map(accounts.map((a) => [a.id, stateOf(a)])),
          transfers: new Map<string, Transfer>(),
          resolutions: new Map<string, Resolution>(),
        };
        const history: TransferInput[] = [];
        for (const ops of steps) {
          const open = [...model.transfers.values()]
            .filter((t) => t.kind === 'pending' && !model.resolutions.has(t.id))
            .map((t) => t.id);
          const inputs = toInputs(ops, accounts, history, open);
          history.push(...inputs);
          const results = await createTransfers(ctx, inputs);
          for (const r of results) reached.add(`${kindOf(inputs[r.index]!.flags)}:${r.result}`);
          const plan = planBatch(inputs, model, ctx.now());
          expect(results).toEqual(plan.results);
          chainsAreAtomic(inputs, results);
          // Nothing of a refused transfer reaches the table (unless its id was
          // stored before, or created by a later repeat in the batch); everything created does.
          const created = results.filter((r) => r.result === 'created').map((r) => r.id);
          const refused = results
            .filter((r) => !succeeded(r) && !model.transfers.has(r.id) && !created.includes(r.id))
            .map((r) => r.id);
          expect(await countTransfers(ctx.db, refused)).toBe(0);
          expect(await countTransfers(ctx.db, created)).toBe(new Set(created).size);
          model.accounts = plan.accounts;
          for (const t of plan.created) {
            model.transfers.set(t.id, t);
            if (t.pendingId)
              model.resolutions.set(t.pendingId, t.kind === 'post_pending' ? 'posted' : 'voided');
          }

          const stored = await ctx.db
            .select()
            .from(ledgerAccounts)
            .where(
              inArray(
                ledgerAccounts.id,
                accounts.map((a) => a.id),
              ),
            );
          for (const a of stored) {
            expect(stateOf(a)).toEqual(model.accounts.get(a.id));
            // Flagged accounts never go below zero, reservations included.
            if (a.debitsMustNotExceedCredits)
              expect(a.creditsPosted - a.debitsPosted - a.debitsPending).toBeGreaterThanOrEqual(0n);
            if (a.creditsMustNotExceedDebits)
              expect(a.debitsPosted - a.creditsPosted - a.creditsPending).toBeGreaterThanOrEqual(0n);
          }
          expect((await verifyLedger(ctx.db)).violations).toEqual([]);
        }
      }),
      // No shrinking: the database is shared by all runs, so once damaged every
      // smaller case would fail too and the counterexample would mislead.
      { numRuns: 50, endOnFailure: true },
    );
    // Not vacuous: the generator reaches money moving and money refused.
    for (const outcome of [
      'single:created',
      'pending:created',
      'single:exceeds_credits',
      'single:linked_event_failed',
    ])
      expect(reached).toContain(outcome);
  });
});
