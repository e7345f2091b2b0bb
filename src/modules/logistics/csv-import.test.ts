import { describe, expect, it } from 'vitest';
import type { Session } from '../../test/factories.js';
import { newBuyer } from '../../test/factories.js';
import { book, newForwarder, publishCard, uploadCsv } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const header =
  'origin,destination,mode,container_type,currency,base_price,minimum_charge,surcharges,guaranteed_premium,rollover_per_container,rollover_per_day,transit_days,valid_from,valid_to,weekdays,dates,capacity,carrier,service';

const goodRates = [
  header,
  'CNSHA,USLAX,sea_fcl,40HQ,USD,2500.00,,BAF:Bunker adjustment:500.00:unit;DOC:Documentation:75.00:shipment,300.00,200.00,50.00,14,2026-12-01,2026-12-31,1;4,,20,COSCO Shipping,AAC',
  'pvg,lax,charter,,USD,4.20,500,FSC:Fuel surcharge:0.85:unit,,,,2,2026-12-01,2026-12-31,,2026-12-03;2026-12-10,60000,Atlas Air,Charter',
  'CNNGB,DEHAM,sea_lcl,,EUR,45.5,90.00,,,,,32,2026-12-01,2027-01-31,,2026-12-05,300,Maersk,"AE7, Asia–Europe"',
].join('\n');

const importRates = (session: Session | undefined, csv: string) =>
  uploadCsv(h, session, '/api/freight/rate-cards/import', csv, 'rates.csv');
const importEvents = (session: Session | undefined, csv: string) =>
  uploadCsv(h, session, '/api/freight/bookings/events/import', csv, 'events.csv');

const cardsOf = async (forwarder: Session) =>
  (
    await h.app.inject({
      method: 'GET',
      url: '/api/freight/rate-cards',
      headers: { cookie: forwarder.cookie },
    })
  ).json() as Record<string, unknown>[];

const bookingView = async (session: Session, id: string) =>
  (
    await h.app.inject({
      method: 'GET',
      url: `/api/freight/bookings/${id}`,
      headers: { cookie: session.cookie },
    })
  ).json();

describe('rate-card CSV import', () => {
  it('publishes one card per line with its departures, amounts converted exactly to minor units', async () => {
    const forwarder = await newForwarder(h);
    const response = await importRates(forwarder, goodRates);
    expect(response.statusCode, response.body).toBe(201);
    // Mondays and Thursdays of December 2026 (9), two charter flights, one LCL sailing.
    expect(response.json()).toMatchObject({ rateCards: 3, departures: 12 });
    const cards = await cardsOf(forwarder);
    const byMode = Object.fromEntries(cards.map((c) => [c.mode, c]));
    expect(byMode.sea_fcl).toMatchObject({
      origin: 'CNSHA',
      containerType: '40HQ',
      basePrice: '250000',
      minimumCharge: '0',
      guaranteedPremium: '30000',
      rolloverTerms: { perContainer: '20000', perDay: '5000' },
      surcharges: [
        { code: 'BAF', name: 'Bunker adjustment', amount: '50000', per: 'unit' },
        { code: 'DOC', name: 'Documentation', amount: '7500', per: 'shipment' },
      ],
      schedule: { weekdays: [1, 4] },
      capacityPerDeparture: 20,
    });
    expect(byMode.charter).toMatchObject({
      origin: 'PVG',
      destination: 'LAX',
      basis: 'kg',
      basePrice: '420',
      minimumCharge: '50000',
      surcharges: [{ code: 'FSC', name: 'Fuel surcharge', amount: '85', per: 'unit' }],
      guaranteedPremium: null,
      rolloverTerms: null,
    });
    expect(byMode.sea_lcl).toMatchObject({ currency: 'EUR', basePrice: '4550', service: 'AE7, Asia–Europe' });
    const fcl = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${byMode.sea_fcl!.id}`,
      headers: { cookie: forwarder.cookie },
    });
    expect(fcl.json().departures.map((d: { departsOn: string }) => d.departsOn)).toEqual([
      '2026-12-03',
      '2026-12-07',
      '2026-12-10',
      '2026-12-14',
      '2026-12-17',
      '2026-12-21',
      '2026-12-24',
      '2026-12-28',
      '2026-12-31',
    ]);
  });

  it('names the line and column of every problem and publishes nothing', async () => {
    const forwarder = await newForwarder(h);
    const lines = goodRates.split('\n');
    const bad = [
      lines[0],
      lines[1],
      // Line 3: a price that is not an amount; line 4: an FCL rate without a container type.
      lines[2]!.replace(',4.20,', ',4.2O,'),
      lines[1]!.replace(',40HQ,', ',,'),
      // Line 5: three decimals in USD, and a weekday 8.
      lines[1]!.replace(',2500.00,', ',2500.001,').replace(',1;4,', ',8,'),
    ].join('\n');
    const response = await importRates(forwarder, bad);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^rates\.csv line 3, column base_price: .*Nothing was imported\.$/);
    expect(error.details.problems).toEqual([
      { line: 3, column: 'base_price', message: expect.stringMatching(/4\.2O/) },
      { line: 4, column: 'container_type', message: expect.stringMatching(/container type/) },
      { line: 5, column: 'base_price', message: expect.stringMatching(/2500\.001/) },
    ]);
    expect(await cardsOf(forwarder)).toEqual([]);

    const rules = await importRates(
      forwarder,
      [lines[0], lines[1], lines[1]!.replace('USLAX', 'LAX')].join('\n'),
    );
    expect(rules.json().error.details.problems).toEqual([
      { line: 3, column: 'destination', message: expect.stringMatching(/airport/) },
    ]);
    const weekday = await importRates(forwarder, [lines[0], lines[1]!.replace(',1;4,', ',8,')].join('\n'));
    expect(weekday.json().error.details.problems).toEqual([
      { line: 2, column: 'weekdays', message: expect.any(String) },
    ]);
    const missing = await importRates(forwarder, 'origin,destination\nCNSHA,USLAX');
    expect(missing.json().error.details.problems[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/Missing columns: mode, currency, base_price/),
    });
    expect(await cardsOf(forwarder)).toEqual([]);
  });

  it('is for forwarders only', async () => {
    expect((await importRates(undefined, goodRates)).statusCode).toBe(401);
    const buyer = await newBuyer(h);
    expect((await importRates(buyer, goodRates)).statusCode).toBe(403);
  });
});

describe('tracking events by CSV', () => {
  it('applies each line through the booking lifecycle, by booking id or number', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const a = await book(h, shipper, { departureId: departures[0]!.id, containers: 2 });
    const b = await book(h, shipper, { departureId: departures[0]!.id, containers: 1 });
    const csv = [
      'booking_id,booking_number,kind,occurred_at,location,note,external_id,to_departure_id',
      `${a.id},COSU100,confirmed,2026-11-03T10:00:00+08:00,CNSHA,,ev-1,`,
      `${b.id},COSU200,confirmed,,,,ev-2,`,
      `,COSU100,gate_in,2026-11-08T09:00:00Z,CNSHA,Yangshan terminal,ev-3,`,
      `,COSU100,loaded,2026-11-10T01:00:00Z,CNSHA,,ev-4,`,
      // Sent twice: recorded once.
      `,COSU100,loaded,2026-11-10T01:00:00Z,CNSHA,,ev-4,`,
      `${b.id},,rolled,,,Vessel overbooked,ev-5,${departures[1]!.id}`,
    ].join('\n');
    const response = await importEvents(forwarder, csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ lines: 6, recorded: 5, alreadyRecorded: 1 });
    const viewA = await bookingView(shipper, a.id);
    expect(viewA).toMatchObject({ status: 'loaded', bookingNumber: 'COSU100' });
    expect(viewA.timeline.map((e: { kind: string; source: string }) => [e.kind, e.source])).toEqual([
      ['requested', 'platform'],
      ['confirmed', 'csv'],
      ['gate_in', 'csv'],
      ['loaded', 'csv'],
    ]);
    expect(viewA.timeline[1].occurredAt).toBe('2026-11-03T02:00:00.000Z');
    expect(await bookingView(shipper, b.id)).toMatchObject({
      status: 'rolled',
      departure: { departsOn: '2026-11-16' },
      timeline: expect.arrayContaining([expect.objectContaining({ kind: 'rolled', source: 'csv' })]),
    });
  });

  it('refuses the whole file at the first line the lifecycle refuses, naming it', async () => {
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, { departureId: departures[0]!.id, containers: 2 });
    const head = 'booking_id,booking_number,kind,occurred_at,location,note,external_id,to_departure_id';
    const impossible = [
      head,
      `${booking.id},COSU300,confirmed,,,,,`,
      `${booking.id},,delivered,,,,,`,
      `${booking.id},,cancelled,,,,,`,
    ].join('\n');
    const response = await importEvents(forwarder, impossible);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problems).toEqual([
      {
        line: 3,
        column: 'kind',
        code: 'INVALID_TRANSITION',
        message: expect.stringMatching(/confirmed to delivered/),
      },
    ]);
    // Line 2's confirmation was rolled back with the rest.
    expect(await bookingView(shipper, booking.id)).toMatchObject({
      status: 'requested',
      bookingNumber: null,
    });

    const malformed = [head, `${booking.id},,teleported,,,,,`, `${booking.id},,gate_in,yesterday,,,,`].join(
      '\n',
    );
    expect((await importEvents(forwarder, malformed)).json().error.details.problems).toEqual([
      { line: 2, column: 'kind', message: expect.any(String) },
      { line: 3, column: 'occurred_at', message: expect.any(String) },
    ]);

    // Another forwarder's booking is not found, as on the API; nothing of the file is kept.
    const other = await newForwarder(h);
    const foreign = await importEvents(other, [head, `${booking.id},COSU9,confirmed,,,,,`].join('\n'));
    expect(foreign.json().error.details.problems).toEqual([
      { line: 2, column: 'booking_id', code: 'NOT_FOUND', message: expect.any(String) },
    ]);
    const unknownNumber = await importEvents(forwarder, [head, ',NOPE,gate_in,,,,,'].join('\n'));
    expect(unknownNumber.json().error.details.problems[0]).toMatchObject({
      line: 2,
      column: 'booking_number',
    });
    const view = await bookingView(shipper, booking.id);
    expect(view).toMatchObject({ status: 'requested' });
    expect(view.timeline).toHaveLength(1);
    const cardView = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    expect(cardView.json().departures[0].standardBooked).toBe(2);
    // A shipper cannot report events.
    expect((await importEvents(shipper, impossible)).statusCode).toBe(403);
  });
});
