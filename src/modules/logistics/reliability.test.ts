import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newBuyer } from '../../test/factories.js';
import { book, newForwarder, publishCard, reportEvent } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

/** The counts as search reads them, and as they are when recounted from the bookings. */
const countsOf = async (forwarderId: string) => {
  const [stored] = await queryRows<{ kept: number; total: number }>(
    h.database.db,
    sql`select kept, total from forwarder_reliability where company_id = ${forwarderId}`,
  );
  const [recounted] = await queryRows<{ kept: number; total: number }>(
    h.database.db,
    sql`select count(*) filter (where rolls = 0 and status in ('loaded','departed','arrived','discharged','delivered','completed'))::int as kept,
               count(*) filter (where rolls > 0 or status in ('loaded','departed','arrived','discharged','delivered','completed'))::int as total
          from freight_bookings where company_id = ${forwarderId}`,
  );
  return { stored: stored ?? { kept: 0, total: 0 }, recounted };
};

const reliabilityInSearch = async (forwarderId: string) => {
  const response = await h.app.inject({
    method: 'GET',
    url: '/api/freight/search?origin=CNSHA&destination=USLAX&containerType=40HQ&containers=1&readyDate=2026-11-05&sort=reliability&limit=50',
  });
  expect(response.statusCode, response.body).toBe(200);
  const offers = response.json().offers as { forwarder: { id: string }; reliability: number | null }[];
  return offers.find((o) => o.forwarder.id === forwarderId)?.reliability;
};

describe('forwarder reliability', () => {
  it('is the share of loaded or rolled bookings loaded as first booked, kept up to date with every event', async () => {
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    const at = { departureId: departures[0]!.id, containers: 1 };
    const [kept, rolledThenLoaded, cancelled, pending] = [
      await book(h, shipper, at),
      await book(h, shipper, at),
      await book(h, shipper, at),
      await book(h, shipper, at),
    ];
    // No booking has reached loading yet: no history, no figure.
    expect(await reliabilityInSearch(forwarder.companyId)).toBeNull();

    for (const b of [kept, rolledThenLoaded, pending])
      await reportEvent(h, forwarder, b.id, { kind: 'confirmed', bookingNumber: `BN-${b.id}` });
    await reportEvent(h, forwarder, kept.id, { kind: 'loaded' });
    await reportEvent(h, forwarder, kept.id, { kind: 'departed' });
    await reportEvent(h, forwarder, rolledThenLoaded.id, {
      kind: 'rolled',
      toDepartureId: departures[1]!.id,
    });
    await reportEvent(h, forwarder, rolledThenLoaded.id, { kind: 'confirmed' });
    await reportEvent(h, forwarder, rolledThenLoaded.id, { kind: 'loaded' });
    const cancel = await h.app.inject({
      method: 'POST',
      url: `/api/freight/bookings/${cancelled.id}/cancel`,
      headers: { cookie: shipper.cookie },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);

    // Counted: the loaded one (kept) and the rolled one; not the cancelled or the pending one.
    expect(await countsOf(forwarder.companyId)).toEqual({
      stored: { kept: 1, total: 2 },
      recounted: { kept: 1, total: 2 },
    });
    expect(await reliabilityInSearch(forwarder.companyId)).toBe(0.5);

    // A further milestone of a counted booking changes nothing.
    await reportEvent(h, forwarder, kept.id, { kind: 'arrived' });
    expect((await countsOf(forwarder.companyId)).stored).toEqual({ kept: 1, total: 2 });
  });

  it('counts a booking the departure timer rolls', async () => {
    h.clock.set(new Date('2026-11-02T08:00:00Z'));
    const forwarder = await newForwarder(h);
    const { departures } = await publishCard(h, forwarder);
    const shipper = await newBuyer(h);
    await book(h, shipper, { departureId: departures[0]!.id, containers: 2 });
    h.clock.set(new Date('2026-11-11T09:00:00Z'));
    await h.runTimer('logistics.run-departures');
    expect(await countsOf(forwarder.companyId)).toEqual({
      stored: { kept: 0, total: 1 },
      recounted: { kept: 0, total: 1 },
    });
  });
});
