import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ads, walletAvailable } from '../../test/ad-factories.js';
import { newBuyer, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { verifyLedger } from '../ledger/index.js';
import { grantAdCredit, registerAdCreditSource } from './ad-credit.js';

const h = useHarness();

const topUp = (operator: Session, body: object, key = `test-${randomUUID()}`) =>
  h.app.inject({
    method: 'POST',
    url: '/api/ads/wallet/top-ups',
    headers: { cookie: operator.cookie, 'idempotency-key': key },
    payload: body,
  });

describe('the ad wallet', () => {
  let operator: Session;
  let supplier: Session;

  beforeAll(async () => {
    [operator, supplier] = await Promise.all([newOperator(h), newSupplier(h)]);
  });

  it('books a T/T wire once, whether the request or the wire is repeated', async () => {
    const wire = {
      supplierId: supplier.companyId,
      amount: '25000',
      currency: 'USD',
      bankReference: 'TT-2026-0001',
    };
    const first = await topUp(operator, wire, 'top-up-key-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      amount: { amount: '25000', currency: 'USD' },
      bankReference: 'TT-2026-0001',
    });
    // The same request again: replayed.
    const replay = await topUp(operator, wire, 'top-up-key-1');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    // The same wire under another key: the first booking, nothing more.
    const again = await topUp(operator, wire);
    expect(again.json().id).toBe(first.json().id);
    expect(await walletAvailable(h, supplier)).toBe(25_000n);
    // The same reference for another amount is someone's mistake.
    const conflicting = await topUp(operator, { ...wire, amount: '30000' });
    expect(conflicting.statusCode).toBe(409);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });

  it('refuses other currencies, buyers and unknown suppliers', async () => {
    const base = { amount: '100', bankReference: `TT-${randomUUID()}` };
    const cases: [object, number][] = [
      [{ ...base, supplierId: supplier.companyId, currency: 'EUR' }, 400],
      [{ ...base, supplierId: (await newBuyer(h)).companyId, currency: 'USD' }, 404],
      [{ ...base, supplierId: 'co_unknown', currency: 'USD' }, 404],
      [{ ...base, supplierId: supplier.companyId, currency: 'USD', extra: 1 }, 400],
    ];
    for (const [body, status] of cases) expect((await topUp(operator, body)).statusCode).toBe(status);
    expect(
      (await topUp(operator, { ...base, supplierId: supplier.companyId, currency: 'USD' }, '')).statusCode,
    ).toBe(400);
  });

  it('grants ad credit once per supplier and month, from the registered source on the timer', async () => {
    const ctx = { db: h.database.db, now: h.clock };
    const month = h.clock().toISOString().slice(0, 7);
    const before = await walletAvailable(h, supplier);
    expect((await grantAdCredit(ctx, { supplierId: supplier.companyId, amount: 5000n, month })).granted).toBe(
      true,
    );
    expect((await grantAdCredit(ctx, { supplierId: supplier.companyId, amount: 5000n, month })).granted).toBe(
      false,
    );
    await expect(
      grantAdCredit(ctx, { supplierId: supplier.companyId, amount: 6000n, month }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await walletAvailable(h, supplier)).toBe(before + 5000n);

    // Merchant tiering registers what each tier grants; the daily timer pays it once a month.
    const other = await newSupplier(h);
    // Its tier as last scored: this month's score decides, an older one waits for the month's scoring.
    let scoredMonth = '2026-10';
    registerAdCreditSource(async (_db, supplierId) => ({
      month: scoredMonth,
      amount: supplierId === supplier.companyId ? 5000n : supplierId === other.companyId ? 2000n : 0n,
      currency: 'USD',
    }));
    try {
      await h.runTimer('ads.grant-monthly-credit');
      expect(await walletAvailable(h, other)).toBe(0n);
      scoredMonth = month;
      await h.runTimer('ads.grant-monthly-credit');
      await h.runTimer('ads.grant-monthly-credit');
      expect(await walletAvailable(h, other)).toBe(2000n);
      expect(await walletAvailable(h, supplier)).toBe(before + 5000n);
      h.clock.advance(31 * 24 * 60 * 60 * 1000);
      scoredMonth = h.clock().toISOString().slice(0, 7);
      await h.runTimer('ads.grant-monthly-credit');
      expect(await walletAvailable(h, other)).toBe(4000n);
    } finally {
      registerAdCreditSource(async () => ({ month: null, amount: 0n, currency: 'USD' }));
    }
    const wallet = (await ads(h, other).get('/api/ads/wallet')).json();
    expect(
      wallet.credits.map((c: { month: string; amount: { amount: string } }) => [c.month, c.amount.amount]),
    ).toEqual([
      ['2026-12', '2000'],
      ['2026-11', '2000'],
    ]);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});
