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
    expect(view.json()).toMatchObject({
      bookingNumber: 'COSU6312345670',
      forwarder: { id: forwarder.companyId, name: expect.any(String) },
      shipper: { id: shipper.companyId, name: expect.any(String) },
      lane: { origin: 'CNSHA', destination: 'USLAX', mode: 'sea_fcl', containerType: '40HQ' },
    });
    // The list carries what a row shows: the lane, the cargo and both companies by name.
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/freight/bookings',
      headers: { cookie: shipper.cookie },
    });
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: booking.id,
        side: 'shipper',
        rateCardId: view.json().rateCardId,
        origin: 'CNSHA',
        destination: 'USLAX',
        mode: 'sea_fcl',
        cargo: { containers: { type: '40HQ', count: 2 } },
        forwarder: view.json().forwarder,
        shipper: view.json().shipper,
        status: 'completed',
      }),
    ]);
    expect(view.json().forwarder.name).not.toBe(view.json().shipper.name);
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

describe('air charter', () => {
  const charter = (overrides: Record<string, unknown> = {}) => ({
    origin: 'PVG',
    destination: 'LAX',
    mode: 'charter',
    containerType: null,
    basePrice: '420',
    minimumCharge: '50000',
    surcharges: [{ code: 'FSC', name: 'Fuel surcharge', amount: '85', per: 'unit' }],
    guaranteedPremium: null,
    rolloverTerms: null,
    transitDays: 2,
    schedule: { dates: ['2026-11-10', '2026-11-17'] },
    capacityPerDeparture: 20000,
    carrier: 'Atlas Air',
    service: '5Y charter',
    ...overrides,
  });

  it('offers flights with a fixed kg capacity between airports and books chargeable kg off it', async () => {
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder, charter());
    await publishCard(
      h,
      forwarder,
      charter({ origin: 'SZX', destination: 'ORD', capacityPerDeparture: 8000 }),
    );
    const mine = (response: Awaited<ReturnType<typeof search>>) =>
      response
        .json()
        .offers.filter((o: { forwarder: { id: string } }) => o.forwarder.id === forwarder.companyId);

    // 1,200 kg in 9 m³: 9 × 167 = 1,503 kg chargeable.
    const offers = mine(
      await search('origin=PVG&destination=LAX&weightKg=1200&volumeCbm=9&readyDate=2026-11-05'),
    );
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      rateCardId: card.id,
      mode: 'charter',
      units: 1503,
      carrier: 'Atlas Air',
    });
    // 1,503 × (4.20 + 0.85) = 7,590.15
    expect(offers[0].standard.total).toBe('759015');
    expect(offers[0].departures.map((d: { departsOn: string }) => d.departsOn)).toEqual([
      '2026-11-10',
      '2026-11-17',
    ]);
    expect(mine(await search('origin=SZX&destination=ORD&weightKg=500&readyDate=2026-11-05'))).toMatchObject([
      { mode: 'charter', units: 500 },
    ]);
    // More than a flight holds: no offer.
    expect(mine(await search('origin=SZX&destination=ORD&weightKg=9000&readyDate=2026-11-05'))).toEqual([]);

    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, {
      departureId: departures[0]!.id,
      loose: { weightKg: 1200, volumeCbm: 9 },
    });
    expect(booking).toMatchObject({ units: 1503, price: { total: '759015' } });
    const over = await bookingRequest(h, shipper, {
      departureId: departures[0]!.id,
      loose: { weightKg: 18500, volumeCbm: 10 },
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      message: expect.stringMatching(/18497 kg left/),
      details: { available: 18497, requested: 18500 },
    });
    const containers = await bookingRequest(h, shipper, { departureId: departures[0]!.id, containers: 1 });
    expect(containers.statusCode).toBe(400);
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    expect(view.json().card).toMatchObject({ basis: 'kg', containerType: null });
    expect(view.json().departures[0]).toMatchObject({ capacity: 20000, standardBooked: 1503 });
    // A charter card between ports is refused: charters fly.
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/freight/rate-cards',
      headers: { cookie: forwarder.cookie },
      payload: seaCard(charter({ origin: 'CNSHA' })),
    });
    expect(bad.statusCode).toBe(400);
  });
});
