import { describe, expect, it } from 'vitest';
import { newBuyer } from '../../test/factories.js';
import { bookingRequest, newForwarder, publishCard } from '../../test/freight-factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

describe('booking under concurrency', () => {
  it('50 concurrent bookings against 10 containers of space: at most 10 succeed, none overbooks', async () => {
    const forwarder = await newForwarder(h);
    const { card, departures } = await publishCard(h, forwarder);
    const shippers = await Promise.all(Array.from({ length: 5 }, () => newBuyer(h)));
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bookingRequest(h, shippers[i % shippers.length]!, { departureId: departures[0]!.id, containers: 1 }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    const booked = codes.filter((c) => c === 201).length;
    expect(booked).toBeLessThanOrEqual(10);
    expect(booked).toBeGreaterThan(0);
    // Everything else is a clear refusal (no room, or a lost race to retry), never a server error.
    expect(codes.every((c) => c === 201 || c === 409)).toBe(true);
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/freight/rate-cards/${card.id}`,
      headers: { cookie: forwarder.cookie },
    });
    const departure = view.json().departures[0];
    expect(departure.standardBooked).toBe(booked);
    expect(departure.standardBooked + departure.guaranteedBooked).toBeLessThanOrEqual(departure.capacity);
  });
});
