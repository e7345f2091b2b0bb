import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../test/harness.js';
import {
  day,
  getOrder,
  importStatement,
  money,
  mt940,
  newParties,
  orderInProduction,
  type Parties,
  passTime as passTimeBy,
  placeOrder,
  receivedOrder,
  step,
  wireDue,
} from '../../test/order-factories.js';
import { accountBalance, accountCode, getAccountByCode, verifyLedger } from '../ledger/index.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = await newParties(h);
});

const passTime = (ms: number) => passTimeBy(h, ms);
const statusOf = async (id: string) => (await getOrder(h, parties.buyer, id)).status;

describe('order timers', () => {
  it('cancels an order the supplier leaves unconfirmed for 30 days, not a day sooner', async () => {
    const order = await placeOrder(h, parties);
    await passTime(30 * day - 60_000);
    expect(await statusOf(order.id)).toBe('awaiting_confirmation');
    await passTime(60_000);
    const cancelled = await getOrder(h, parties.buyer, order.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.timeline.at(-1)).toMatchObject({ kind: 'cancelled', actorCompanyId: null });
  });

  it('cancels an unpaid order after 60 days and returns a partial deposit to the buyer', async () => {
    const confirmed = await step(h, parties.supplier, (await placeOrder(h, parties)).id, 'confirm');
    const due = confirmed.dues[0]!;
    await importStatement(
      h,
      parties.operator,
      mt940([{ amount: 50000n, currency: 'USD', remittance: due.reference }]),
    );
    expect((await getOrder(h, parties.buyer, confirmed.id)).escrow.held.amount).toBe('50000');
    await passTime(60 * day);
    const cancelled = await getOrder(h, parties.buyer, confirmed.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.escrow.held.amount).toBe('0');
    expect(cancelled.dues.every((d) => d.status !== 'open')).toBe(true);
  });

  it('gives the deposit to the supplier when the buyer never pays the balance', async () => {
    const order = await step(h, parties.supplier, (await orderInProduction(h, parties)).id, 'ready');
    expect(order.status).toBe('awaiting_balance');
    await passTime(60 * day);
    const cancelled = await getOrder(h, parties.supplier, order.id);
    expect(cancelled.status).toBe('cancelled');
    // 1,350.00 deposit less the 3 % fee (40.50).
    expect(cancelled.timeline.at(-1)!.details).toMatchObject({ released: '130950', fee: '4050' });
    const payouts = (await money(h, parties.supplier).get('/api/payouts')).json();
    expect(payouts.items.some((p: { orderId: string }) => p.orderId === order.id)).toBe(true);
  });

  it('confirms receipt 60 days after an untracked dispatch, and 15 days after a tracked arrival', async () => {
    let untracked = await step(
      h,
      parties.supplier,
      (
        await orderInProduction(h, parties, {
          paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' },
        })
      ).id,
      'ready',
    );
    untracked = await step(h, parties.supplier, untracked.id, 'ship', {});
    let tracked = await step(
      h,
      parties.supplier,
      (
        await orderInProduction(h, parties, {
          paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' },
        })
      ).id,
      'ready',
    );
    tracked = await step(h, parties.supplier, tracked.id, 'ship', { trackingNumber: 'MSKU7' });
    await step(h, parties.supplier, tracked.id, 'delivered');
    await passTime(15 * day);
    expect(await statusOf(tracked.id)).toBe('received');
    expect(await statusOf(untracked.id)).toBe('shipped');
    await passTime(45 * day);
    const received = await getOrder(h, parties.buyer, untracked.id);
    expect(received.status).toBe('received');
    expect(received.timeline.at(-1)!.details).toMatchObject({ by: 'timer' });
  });

  it('releases escrow when the 30-day protection window ends', async () => {
    const order = await receivedOrder(h, parties);
    await passTime(30 * day - 60_000);
    expect(await statusOf(order.id)).toBe('received');
    await passTime(60_000);
    const completed = await getOrder(h, parties.supplier, order.id);
    expect(completed.status).toBe('completed');
    expect(completed.escrow.held.amount).toBe('0');
    const dispute = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
      reason: 'quality',
      description: 'Found cracks after the window closed',
      amount: '1000',
    });
    expect(dispute.statusCode).toBe(409);
  });

  it('opens a late-shipment claim past ship-by and pays it to the buyer out of the release', async () => {
    const order = await orderInProduction(h, parties, {
      paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' },
    });
    expect(order.shipByDate).not.toBeNull();
    const shipBy = new Date(`${order.shipByDate}T00:00:00Z`).getTime();
    await passTime(shipBy - h.clock().getTime() + 12 * 60 * 60 * 1000);
    expect((await getOrder(h, parties.buyer, order.id)).compensation).toBeNull();
    await passTime(day);
    const late = await getOrder(h, parties.buyer, order.id);
    // 10 % of the 4,500.00 the late goods are worth.
    expect(late.compensation).toEqual({ amount: { amount: '45000', currency: 'USD' }, status: 'open' });
    await step(h, parties.supplier, order.id, 'ready');
    await step(h, parties.supplier, order.id, 'ship', {});
    await step(h, parties.buyer, order.id, 'receive');
    const completed = await step(h, parties.buyer, order.id, 'complete');
    expect(completed.compensation!.status).toBe('paid');
    // 4,500.00 − 450.00 compensation = 4,050.00; the 3 % fee on it is 121.50.
    expect(completed.timeline.at(-1)!.details).toMatchObject({
      compensation: '45000',
      fee: '12150',
      released: '392850',
    });
    const compensation = await getAccountByCode(h.database.db, accountCode('compensation', 'USD'));
    // Paid to the buyer and recovered from the supplier's escrow: the platform is out of pocket by nothing.
    expect((await accountBalance(h.database.db, compensation!.id)).posted).toBe(0n);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });

  it('shows the next deadline for countdowns', async () => {
    const order = await placeOrder(h, parties);
    expect(order.nextDeadline).toEqual({
      kind: 'confirm_by',
      at: new Date(new Date(order.createdAt).getTime() + 30 * day).toISOString(),
    });
    const confirmed = await step(h, parties.supplier, order.id, 'confirm');
    expect(confirmed.nextDeadline?.kind).toBe('pay_deposit_by');
    const producing = await wireDue(h, parties, confirmed, 'deposit');
    expect(producing.nextDeadline?.kind).toBe('ship_by');
  });
});
