import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newBuyer } from '../../test/factories.js';
import {
  book,
  bookingRequest,
  newForwarder,
  publishCard,
  reportEvent,
} from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';
import { verifyLedger } from '../ledger/index.js';
import { rolloverCompensation } from './rollover.js';

const h = useHarness();

const view = (id: string, cookie: string) =>
  h.app.inject({ method: 'GET', url: `/api/freight/bookings/${id}`, headers: { cookie } });

describe('rollover compensation', () => {
  // Some tests move the clock past a departure.
  beforeEach(() => h.clock.set(new Date('2026-11-02T08:00:00Z')));

  it('is per container plus per container-day of delay', () => {
    expect(rolloverCompensation({ perContainer: '20000', perDay: '5000' }, 2, 6).amount).toBe(100000n);
    expect(rolloverCompensation({ perContainer: '20000', perDay: '5000' }, 1, 0).amount).toBe(20000n);
    // Split in two when the booking had nowhere to go at first: the roll now, the days later.
    expect(rolloverCompensation({ perContainer: '20000', perDay: '5000' }, 2, 6, 'roll').amount).toBe(40000n);
    expect(rolloverCompensation({ perContainer: '20000', perDay: '5000' }, 2, 6, 'delay').amount).toBe(
      60000n,
    );
  });

  it('pays the days of delay once a guaranteed booking that waited rolled is rebooked', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder, {
      schedule: { dates: ['2026-11-10', '2026-11-24'] },
    });
    const shipper = await newBuyer(h);
    const other = await newBuyer(h);
    const booking = await book(h, shipper, {
      departureId: departures[0]!.id,
      containers: 2,
      guaranteed: true,
    });
    // The later sailing is full, so the roll has nowhere to go: the booking waits on the missed one.
    const filler = await book(h, other, { departureId: departures[1]!.id, containers: 10 });
    const waiting = await reportEvent(h, forwarder, booking.id, { kind: 'rolled', note: 'Vessel omitted' });
    expect(waiting.json()).toMatchObject({
      status: 'rolled',
      rolls: 1,
      departure: { id: departures[0]!.id },
    });
    // 2 × 200.00 now; the delay is not known yet.
    expect(
      waiting.json().compensations.map((c: { part: string; amount: string }) => [c.part, c.amount]),
    ).toEqual([['roll', '40000']]);
    // The timer at departure finds no room either: the booking keeps waiting, nothing more is paid.
    h.clock.set(new Date('2026-11-11T09:00:00Z'));
    await h.runTimer('logistics.run-departures');
    expect((await view(booking.id, shipper.cookie)).json()).toMatchObject({ rolls: 1, compensations: [{}] });

    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/freight/bookings/${filler.id}/cancel`,
      headers: { cookie: other.cookie },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const roll = { kind: 'rolled', toDepartureId: departures[1]!.id, externalId: 'rebook-1' };
    const rebooked = await reportEvent(h, forwarder, booking.id, roll);
    expect(rebooked.statusCode, rebooked.body).toBe(200);
    await reportEvent(h, forwarder, booking.id, { ...roll, externalId: 'rebook-1-resent' });
    const final = (await view(booking.id, shipper.cookie)).json();
    // The same roll, so still one; 10 → 24 November: 2 × 14 × 50.00 = 1,400.00 more.
    expect(final).toMatchObject({ status: 'rolled', rolls: 1, departure: { id: departures[1]!.id } });
    expect(final.compensations.map((c: { part: string; amount: string }) => [c.part, c.amount])).toEqual([
      ['roll', '40000'],
      ['delay', '140000'],
    ]);
    expect(final.compensations[1].calculation).toMatchObject({
      containers: 2,
      delayDays: 14,
      perDay: '5000',
    });
    expect((await verifyLedger(h.database.db)).ok).toBe(true);
  });

  it('pays a guaranteed booking rolled by 6 days exactly once, from the forwarder to the shipper', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, {
      departureId: departures[0]!.id,
      containers: 2,
      guaranteed: true,
    });
    await reportEvent(h, forwarder, booking.id, { kind: 'confirmed', bookingNumber: 'COSU1' });

    // 10 November → 16 November: 2 × (200.00 + 6 × 50.00) = 1,000.00.
    const roll = { kind: 'rolled', note: 'Vessel overbooked', toDepartureId: departures[1]!.id };
    const first = await reportEvent(h, forwarder, booking.id, { ...roll, externalId: 'roll-1' });
    expect(first.statusCode, first.body).toBe(200);
    // The same roll reported again, with and without the same id: nothing more is paid.
    await reportEvent(h, forwarder, booking.id, { ...roll, externalId: 'roll-1' });
    await reportEvent(h, forwarder, booking.id, { ...roll, externalId: 'roll-1-resent' });

    const rolled = (await view(booking.id, shipper.cookie)).json();
    expect(rolled).toMatchObject({
      status: 'rolled',
      rolls: 1,
      departure: { departsOn: '2026-11-16' },
      originalDeparture: { departsOn: '2026-11-10' },
    });
    expect(rolled.compensations).toEqual([
      expect.objectContaining({
        amount: '100000',
        currency: 'USD',
        delayDays: 6,
        calculation: expect.objectContaining({
          containers: 2,
          perContainer: '20000',
          perDay: '5000',
          delayDays: 6,
        }),
      }),
    ]);
    const report = await verifyLedger(h.database.db);
    expect(report.ok, JSON.stringify(report.violations)).toBe(true);
    const balances = await queryRows(
      h.database.db,
      sql`select kind, company_id, debits_posted::text, credits_posted::text from ledger_accounts
           where kind in ('forwarder_settlement', 'shipper_payable')
             and company_id in (${forwarder.companyId}, ${shipper.companyId}) order by kind`,
    );
    expect(balances).toEqual([
      {
        kind: 'forwarder_settlement',
        company_id: forwarder.companyId,
        debits_posted: '100000',
        credits_posted: '0',
      },
      {
        kind: 'shipper_payable',
        company_id: shipper.companyId,
        debits_posted: '0',
        credits_posted: '100000',
      },
    ]);
  });

  it('rolls and compensates cargo never loaded when its departure leaves, standard bookings without pay', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const guaranteed = await book(h, shipper, {
      departureId: departures[0]!.id,
      containers: 1,
      guaranteed: true,
    });
    const standard = await book(h, shipper, { departureId: departures[0]!.id, containers: 1 });
    const loaded = await book(h, shipper, { departureId: departures[0]!.id, containers: 1 });
    for (const id of [guaranteed.id, standard.id, loaded.id])
      await reportEvent(h, forwarder, id, { kind: 'confirmed', bookingNumber: `BN-${id}` });
    await reportEvent(h, forwarder, loaded.id, { kind: 'loaded' });

    h.clock.set(new Date('2026-11-11T09:00:00Z'));
    await h.runTimer('logistics.run-departures');
    await h.runTimer('logistics.run-departures');

    const g = (await view(guaranteed.id, shipper.cookie)).json();
    expect(g).toMatchObject({ status: 'rolled', departure: { departsOn: '2026-11-16' } });
    // 1 × (200.00 + 6 × 50.00)
    expect(g.compensations.map((c: { amount: string }) => c.amount)).toEqual(['50000']);
    expect((await view(standard.id, shipper.cookie)).json()).toMatchObject({
      status: 'rolled',
      compensations: [],
    });
    expect((await view(loaded.id, shipper.cookie)).json()).toMatchObject({ status: 'loaded', rolls: 0 });
    expect((await verifyLedger(h.database.db)).ok).toBe(true);
  });

  it('does not roll again when the same roll report is re-sent after the booking was confirmed anew', async () => {
    h.clock.set(new Date('2026-11-02T08:00:00Z'));
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, {
      departureId: departures[0]!.id,
      containers: 1,
      guaranteed: true,
    });
    await reportEvent(h, forwarder, booking.id, { kind: 'confirmed', bookingNumber: 'COSU2' });
    const roll = { kind: 'rolled', toDepartureId: departures[1]!.id, externalId: 'edi-roll-7' };
    expect((await reportEvent(h, forwarder, booking.id, roll)).statusCode).toBe(200);
    await reportEvent(h, forwarder, booking.id, { kind: 'confirmed' });
    // The carrier's system sends its roll message once more, hours later.
    const resent = await reportEvent(h, forwarder, booking.id, roll);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({
      status: 'confirmed',
      rolls: 1,
      departure: { departsOn: '2026-11-16' },
    });
    expect(resent.json().compensations).toHaveLength(1);
  });

  it('keeps the space of a booking rolled with no later departure until it moves or is cancelled', async () => {
    h.clock.set(new Date('2026-11-02T08:00:00Z'));
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder, { schedule: { dates: ['2026-11-10'] } });
    const shipper = await newBuyer(h);
    const booking = await book(h, shipper, { departureId: departures[0]!.id, containers: 2 });
    const rolled = await reportEvent(h, forwarder, booking.id, { kind: 'rolled', note: 'Blank sailing' });
    expect(rolled.json()).toMatchObject({ status: 'rolled', departure: { id: departures[0]!.id } });
    const booked = async () =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/freight/rate-cards/${card.id}`,
          headers: { cookie: forwarder.cookie },
        })
      ).json().departures[0].standardBooked;
    expect(await booked()).toBe(2);
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/freight/bookings/${booking.id}/cancel`,
      headers: { cookie: shipper.cookie },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await booked()).toBe(0);
  });

  it('bumps a standard booking for guaranteed space only onto a later departure with room', async () => {
    h.clock.set(new Date('2026-11-02T08:00:00Z'));
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder, { schedule: { dates: ['2026-11-10'] } });
    const shipper = await newBuyer(h);
    const standard = await book(h, shipper, { departureId: departures[0]!.id, containers: 9 });
    const guaranteed = await bookingRequest(h, shipper, {
      departureId: departures[0]!.id,
      containers: 3,
      guaranteed: true,
    });
    expect(guaranteed.statusCode, guaranteed.body).toBe(409);
    expect((await view(standard.id, shipper.cookie)).json()).toMatchObject({ status: 'requested', rolls: 0 });
  });
});
