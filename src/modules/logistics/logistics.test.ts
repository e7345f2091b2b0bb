import { describe, expect, it } from 'vitest';
import { newBuyer } from '../../test/factories.js';
import {
  book,
  bookingRequest,
  newForwarder,
  publishCard,
  reportEvent,
  seaCard,
} from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const search = (query: string) => h.app.inject({ method: 'GET', url: `/api/freight/search?${query}` });

describe('rate cards', () => {
  it('opens a departure per scheduled day with the allotment, and refuses nonsense', async () => {
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder, {
      schedule: { weekdays: [3] },
      validTo: '2026-11-30',
    });
    expect(card.id).toMatch(/^rc_/);
    // Wednesdays from 1 November to 30 November 2026.
    expect(departures.map((d) => d.departsOn)).toEqual([
      '2026-11-04',
      '2026-11-11',
      '2026-11-18',
      '2026-11-25',
    ]);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/freight/rate-cards',
      headers: { cookie: forwarder.cookie },
      payload: seaCard({ destination: 'LAX' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/airport/);
    const shipper = await newBuyer(h);
    const notForwarder = await h.app.inject({
      method: 'POST',
      url: '/api/freight/rate-cards',
      headers: { cookie: shipper.cookie },
      payload: seaCard(),
    });
    expect(notForwarder.statusCode).toBe(403);
  });
});

describe('freight search', () => {
  it('returns only cards valid on the ready date whose departures still have space, priced all-in', async () => {
    const forwarder = await newForwarder(h);
    const { card: valid, departures } = await publishCard(h, forwarder);
    // Expired before the ready date; and another lane.
    await publishCard(h, forwarder, {
      validFrom: '2026-10-01',
      validTo: '2026-11-04',
      schedule: { dates: ['2026-11-04'] },
    });
    await publishCard(h, forwarder, { destination: 'USLGB' });
    // The first departure fills up.
    const shipper = await newBuyer(h);
    await book(h, shipper, { departureId: departures[0]!.id, containers: 10 });

    const response = await search(
      'origin=CNSHA&destination=USLAX&containerType=40HQ&containers=2&readyDate=2026-11-05',
    );
    expect(response.statusCode, response.body).toBe(200);
    // Only this forwarder's cards: other tests in this file publish on the same lane.
    const offers = response
      .json()
      .offers.filter((o: { forwarder: { id: string } }) => o.forwarder.id === forwarder.companyId);
    expect(offers.map((o: { rateCardId: string }) => o.rateCardId)).toEqual([valid.id]);
    // 2 × (2,500 + 500 BAF) + 75 DOC = 6,075.00; guaranteed adds 2 × 300.
    expect(offers[0].standard.total).toBe('607500');
    expect(offers[0].guaranteed.total).toBe('667500');
    // 10 November is full; the next ones are offered.
    expect(offers[0].departures.map((d: { departsOn: string }) => d.departsOn)).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    const none = await search(
      'origin=CNSHA&destination=USLAX&containerType=40HQ&containers=11&readyDate=2026-11-05',
    );
    expect(
      none.json().offers.filter((o: { forwarder: { id: string } }) => o.forwarder.id === forwarder.companyId),
    ).toEqual([]);
    const bad = await search('origin=CNSHA&destination=USLAX&readyDate=2026-11-05');
    expect(bad.statusCode).toBe(400);
  });
});

describe('bookings', () => {
  it('runs requested → confirmed → gate-in → loaded → departed → arrived → discharged → delivered → completed', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, { departureId: departures[0]!.id, containers: 2 });
    expect(booking.status).toBe('requested');
    const confirmWithoutNumber = await reportEvent(h, forwarder, booking.id, { kind: 'confirmed' });
    expect(confirmWithoutNumber.statusCode).toBe(400);
    for (const kind of [
      'confirmed',
      'gate_in',
      'loaded',
      'departed',
      'arrived',
      'discharged',
      'delivered',
      'completed',
    ]) {
      const response = await reportEvent(h, forwarder, booking.id, {
        kind,
        bookingNumber: kind === 'confirmed' ? 'COSU6312345670' : undefined,
        location: kind === 'arrived' ? 'USLAX' : 'CNSHA',
        externalId: `evt-${kind}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().status).toBe(kind);
    }
    // A report sent twice is recorded once; an impossible move is refused.
    const again = await reportEvent(h, forwarder, booking.id, { kind: 'loaded', externalId: 'evt-loaded' });
    expect(again.statusCode).toBe(200);
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/freight/bookings/${booking.id}`,
      headers: { cookie: shipper.cookie },
    });
    expect(view.json().timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'requested',
      'confirmed',
      'gate_in',
      'loaded',
      'departed',
      'arrived',
      'discharged',
      'delivered',
      'completed',
    ]);
    expect(view.json().bookingNumber).toBe('COSU6312345670');
    const impossible = await reportEvent(h, forwarder, booking.id, { kind: 'gate_in' });
    expect(impossible.statusCode).toBe(409);
  });

  it('gives the space back when the shipper cancels, and refuses a booking over the allotment', async () => {
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const first = await book(h, shipper, { departureId: departures[0]!.id, containers: 8 });
    const over = await bookingRequest(h, shipper, { departureId: departures[0]!.id, containers: 3 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details).toMatchObject({ available: 2, requested: 3 });
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/freight/bookings/${first.id}/cancel`,
      headers: { cookie: shipper.cookie },
    });
    expect(cancel.json().status).toBe('cancelled');
    await book(h, shipper, { departureId: departures[0]!.id, containers: 10 });
    const cardView = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    expect(cardView.json().departures[0]).toMatchObject({
      capacity: 10,
      standardBooked: 10,
      guaranteedBooked: 0,
    });
  });

  it('rolls standard bookings to make room for a guaranteed one', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const standard = await book(h, shipper, { departureId: departures[0]!.id, containers: 9 });
    const guaranteed = await book(h, shipper, {
      departureId: departures[0]!.id,
      containers: 3,
      guaranteed: true,
    });
    expect(guaranteed.status).toBe('requested');
    const bumped = await h.app.inject({
      method: 'GET',
      url: `/api/freight/bookings/${standard.id}`,
      headers: { cookie: shipper.cookie },
    });
    expect(bumped.json()).toMatchObject({
      status: 'rolled',
      departure: { departsOn: '2026-11-16' },
      compensations: [],
    });
  });
});
