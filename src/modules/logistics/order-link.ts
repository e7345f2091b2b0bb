import type { Clock } from '../../core/clock.js';
import { anonymous, inTransaction, makeCtx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { lockOrder, markOrderDeliveredAs, shipOrderAs } from '../orders/index.js';
import { findBooking, findCard } from './booking-store.js';

type BookingEvent = { payload: Record<string, unknown>; createdAt: Date };

/**
 * A booking that carries an order moves it: loaded or departed ships the
 * order (the booking number is its tracking), delivered records arrival and
 * starts the buyer's receipt clock. Each runs once per event from the
 * outbox; an order already past that step is left as it is.
 */
export const moveOrderWithBooking = async (event: BookingEvent, db: Db, step: 'ship' | 'deliver') => {
  const booking = await findBooking(db, String(event.payload.id));
  if (!booking?.orderId) return;
  const card = await findCard(db, booking.rateCardId);
  const ctx = makeCtx(db, anonymous, (() => event.createdAt) as Clock);
  await inTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, booking.orderId!);
    if (!order) return;
    if (step === 'ship' && order.status === 'ready_to_ship')
      await shipOrderAs(tx, order, {
        carrier: card?.carrier ?? null,
        trackingNumber: booking.bookingNumber ?? booking.id,
      });
    // An order its supplier shipped without tracking waits for the buyer's receipt: recording
    // arrival would be refused, and a handler that throws holds up every later outbox event.
    if (step === 'deliver' && order.status === 'shipped' && order.trackingNumber)
      await markOrderDeliveredAs(tx, order);
  });
};
