import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newOperator, newSupplier, type Session } from '../../test/factories.js';
import {
  book,
  bookingRequest,
  newForwarder,
  publishCard,
  reportEvent,
} from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';
import { placeOrder } from '../../test/order-factories.js';

const h = useHarness();

const as = (session: Session | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: session ? { cookie: session.cookie } : {}, payload });

describe('freight tenant isolation', () => {
  /** Forwarder A's card carries shipper A's booking; forwarder B's card shipper B's. */
  let forwarderA: Session;
  let forwarderB: Session;
  let shipperA: Session;
  let shipperB: Session;
  let operator: Session;
  let cardA: string;
  let cardB: string;
  let departureA: string;
  let bookingA: string;
  let bookingB: string;
  /** Shipper A's booking on forwarder B's card: B sees it, A (the forwarder) does not. */
  let bookingAonB: string;

  /** What a refused request could have changed, as the booking's own parties see it. */
  const snapshot = async () =>
    Promise.all([
      as(shipperA, 'GET', `/api/freight/bookings/${bookingA}`).then((r) => r.json()),
      as(forwarderA, 'GET', `/api/freight/rate-cards/${cardA}`).then((r) => r.json()),
    ]);

  beforeAll(async () => {
    [forwarderA, forwarderB, shipperA, shipperB, operator] = await Promise.all([
      newForwarder(h),
      newForwarder(h),
      newBuyer(h),
      newSupplier(h),
      newOperator(h),
    ]);
    const a = await publishCard(h, forwarderA);
    const b = await publishCard(h, forwarderB);
    cardA = a.card.id;
    cardB = b.card.id;
    departureA = a.departures[0]!.id;
    bookingA = (await book(h, shipperA, { departureId: departureA, containers: 2 })).id;
    bookingB = (await book(h, shipperB, { departureId: b.departures[0]!.id, containers: 1 })).id;
    bookingAonB = (await book(h, shipperA, { departureId: b.departures[1]!.id, containers: 1 })).id;
  });

  const idRoutes = (): ['GET' | 'POST', string, object?][] => [
    ['GET', `/api/freight/bookings/${bookingA}`],
    ['POST', `/api/freight/bookings/${bookingA}/events`, { kind: 'confirmed', bookingNumber: 'STOLEN1' }],
    ['POST', `/api/freight/bookings/${bookingA}/cancel`],
    ['GET', `/api/freight/rate-cards/${cardA}`],
  ];

  it('answers 401 to anonymous callers on every freight route that is not public', async () => {
    const before = await snapshot();
    for (const [method, url, payload] of [...idRoutes(), ['GET', '/api/freight/bookings'] as const]) {
      const response = await as(undefined, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
    const booking = {
      departureId: departureA,
      cargo: { containers: { type: '40HQ', count: 1 } },
      readyDate: '2026-11-05',
    };
    expect((await as(undefined, 'POST', '/api/freight/bookings', booking)).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another company's booking and rate card as not found, exactly like an unknown id", async () => {
    const before = await snapshot();
    const outsiders: [string, Session][] = [
      ['the other forwarder', forwarderB],
      ['the other shipper', shipperB],
    ];
    for (const [who, session] of outsiders) {
      for (const [method, url, payload] of idRoutes()) {
        // A shipper is not a forwarder at all: rate cards are refused for its kind, whatever the id.
        const expected = session === shipperB && url.includes('rate-cards') ? 403 : 404;
        const response = await as(session, method, url, payload);
        expect(response.statusCode, `${who}: ${method} ${url}`).toBe(expected);
        const unknown = await as(session, method, url.replace(/(bkg|rc)_[^/]+/, '$1_nonexistent'), payload);
        expect(unknown.statusCode, `${who}: ${method} ${url} (unknown id)`).toBe(expected);
        expect(response.json().error.code).toBe(unknown.json().error.code);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lists to a forwarder only bookings on its own cards, to a shipper only its own', async () => {
    const ids = async (session: Session) =>
      ((await as(session, 'GET', '/api/freight/bookings')).json() as { id: string; side: string }[])
        .map((b) => `${b.id}:${b.side}`)
        .sort();
    expect(await ids(forwarderA)).toEqual([`${bookingA}:forwarder`]);
    expect(await ids(forwarderB)).toEqual([`${bookingAonB}:forwarder`, `${bookingB}:forwarder`].sort());
    expect(await ids(shipperA)).toEqual([`${bookingA}:shipper`, `${bookingAonB}:shipper`].sort());
    expect(await ids(shipperB)).toEqual([`${bookingB}:shipper`]);
    // Forwarder A's card list holds only its card.
    const cards = (await as(forwarderA, 'GET', '/api/freight/rate-cards')).json() as { id: string }[];
    expect(cards.map((c) => c.id)).toEqual([cardA]);
    expect((await as(forwarderA, 'GET', `/api/freight/rate-cards/${cardB}`)).statusCode).toBe(404);
  });

  it('lets the operator read any booking, and no party act on the side that is not theirs', async () => {
    for (const id of [bookingA, bookingB]) {
      const response = await as(operator, 'GET', `/api/freight/bookings/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().viewer).toBe('operator');
    }
    expect((await as(forwarderA, 'GET', `/api/freight/bookings/${bookingA}`)).json().viewer).toBe(
      'forwarder',
    );
    expect((await as(shipperA, 'GET', `/api/freight/bookings/${bookingA}`)).json().viewer).toBe('shipper');

    const before = await snapshot();
    // The shipper cannot report the forwarder's events; the forwarder cannot cancel as the shipper.
    const shipperEvent = await reportEvent(h, shipperA, bookingA, {
      kind: 'confirmed',
      bookingNumber: 'FAKE1',
    });
    expect(shipperEvent.statusCode).toBe(404);
    const forwarderCancel = await as(forwarderA, 'POST', `/api/freight/bookings/${bookingA}/cancel`);
    expect(forwarderCancel.statusCode).toBe(404);
    // Nor does the operator act for either side.
    expect((await reportEvent(h, operator, bookingA, { kind: 'rejected' })).statusCode).toBe(404);
    expect((await as(operator, 'POST', `/api/freight/bookings/${bookingA}/cancel`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a booking that names another company's order, as it refuses an unknown one", async () => {
    const buyer = await newBuyer(h);
    const supplier = await newSupplier(h);
    const order = await placeOrder(h, { buyer, supplier });
    const before = await snapshot();
    const foreign = await bookingRequest(h, shipperA, { departureId: departureA, orderId: order.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'orderId' } });
    const unknown = await bookingRequest(h, shipperA, {
      departureId: departureA,
      orderId: 'ord_nonexistent',
    });
    expect(unknown.json().error.message).toBe(
      foreign.json().error.message.replace(order.id, 'ord_nonexistent'),
    );
    expect(await snapshot()).toEqual(before);
    // The order's own parties may.
    for (const party of [buyer, supplier]) {
      const own = await bookingRequest(h, party, { departureId: departureA, orderId: order.id });
      expect(own.statusCode, own.body).toBe(201);
    }
  });
});
