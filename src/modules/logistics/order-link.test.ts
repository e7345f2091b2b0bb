import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import type { Session } from '../../test/factories.js';
import { book, newForwarder, publishCard, reportEvent } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';
import {
  getOrder,
  newParties,
  orderInProduction,
  type Parties,
  step,
  wireDue,
} from '../../test/order-factories.js';
import type { OrderView } from '../orders/index.js';

const h = useHarness();

/** An order made, confirmed, funded and produced through the real routes: ready to ship. */
const readyToShip = async (parties: Parties) => {
  let order = await orderInProduction(h, parties);
  order = await step(h, parties.supplier, order.id, 'ready');
  if (order.status === 'awaiting_balance') order = await wireDue(h, parties, order, 'balance');
  expect(order.status).toBe('ready_to_ship');
  return order;
};

const report = async (forwarder: Session, id: string, body: Record<string, unknown>) => {
  const response = await reportEvent(h, forwarder, id, body);
  expect(response.statusCode, response.body).toBe(200);
};

const pendingEvents = async () =>
  (
    await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from outbox_events where dispatched_at is null`,
    )
  )[0]!.n;

describe('a booking that carries an order', () => {
  let parties: Parties;
  let forwarder: Session;
  let departureId: string;
  /** Two orders of the same parties, ready to ship. */
  let orders: OrderView[];

  beforeAll(async () => {
    parties = await newParties(h);
    orders = [await readyToShip(parties), await readyToShip(parties)];
    forwarder = await newForwarder(h);
    departureId = (await publishCard(h, forwarder)).departures[0]!.id;
  });

  it('ships the order when loaded, with the booking number as tracking, and delivers it on delivery', async () => {
    const order = orders[0]!;
    const booking = await book(h, parties.supplier, { departureId, orderId: order.id });

    await report(forwarder, booking.id, { kind: 'confirmed', bookingNumber: 'COSU6300001' });
    await report(forwarder, booking.id, { kind: 'gate_in' });
    await h.drainOutbox();
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('ready_to_ship');

    await report(forwarder, booking.id, { kind: 'loaded', location: 'CNSHA' });
    await h.drainOutbox();
    const shipped = await getOrder(h, parties.buyer, order.id);
    expect(shipped).toMatchObject({
      status: 'shipped',
      tracking: { carrier: 'COSCO Shipping', number: 'COSU6300001' },
    });

    for (const kind of ['departed', 'arrived', 'discharged']) await report(forwarder, booking.id, { kind });
    await h.drainOutbox();
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('shipped');
    await report(forwarder, booking.id, { kind: 'delivered', location: 'USLAX' });
    await h.drainOutbox();
    expect((await getOrder(h, parties.supplier, order.id)).status).toBe('delivered');
    expect(await pendingEvents()).toBe(0);
  });

  it('leaves an order its supplier shipped without tracking to the buyer, without holding up the outbox', async () => {
    const order = orders[1]!;
    await step(h, parties.supplier, order.id, 'ship', {});
    const booking = await book(h, parties.buyer, { departureId, orderId: order.id });
    await report(forwarder, booking.id, { kind: 'confirmed', bookingNumber: 'COSU6300002' });
    for (const kind of ['loaded', 'departed', 'arrived', 'delivered'])
      await report(forwarder, booking.id, { kind });
    await h.drainOutbox();
    expect(await getOrder(h, parties.buyer, order.id)).toMatchObject({
      status: 'shipped',
      tracking: { number: null },
    });
    expect(await pendingEvents()).toBe(0);
  });
});
