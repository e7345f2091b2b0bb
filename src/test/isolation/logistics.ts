import { book, publishCard } from '../freight-factories.js';
import type { Harness } from '../harness.js';
import { guarded, isolationModule, membersRead } from './types.js';
import type { World } from './world.js';

/** Forwarder A's rate card, and buyer A's booking of two containers on it. */
type Fixture = { cardId: string; bookingId: string };

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const card = await publishCard(h, w.a.forwarder);
  const booking = await book(h, w.a.buyer, { departureId: card.departures[0]!.id, containers: 2 });
  return { cardId: card.card.id, bookingId: booking.id };
};

const booking = (f: Fixture) => ({ id: f.bookingId });

export const logisticsIsolation = isolationModule<Fixture>({
  name: 'logistics',
  setup,
  cases: [
    {
      route: 'GET /api/freight/bookings/{id}',
      variant: "the shipper's view",
      params: booking,
      access: membersRead('buyer', 'every member of the shipper may read its booking'),
    },
    {
      route: 'GET /api/freight/bookings/{id}',
      variant: "the forwarder's view",
      params: booking,
      access: membersRead('forwarder', 'every member of the forwarder may read a booking on its card'),
    },
    {
      route: 'POST /api/freight/bookings/{id}/events',
      params: booking,
      body: () => ({ kind: 'confirmed', bookingNumber: 'STOLEN1' }),
      // Tracking events are the forwarder's owners, admins, logistics and sales.
      access: guarded('forwarder', 'forwarder:finance'),
    },
    {
      route: 'POST /api/freight/bookings/{id}/cancel',
      params: booking,
      // Shipping is for owners, admins, logistics, purchasing and sales: not finance.
      access: guarded('buyer', 'buyer:finance'),
    },
    {
      route: 'GET /api/freight/rate-cards/{id}',
      params: (f) => ({ id: f.cardId }),
      access: guarded('forwarder', 'forwarder:finance'),
    },
  ],
});
