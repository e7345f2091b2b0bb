import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings, departures, rateCards } from './schema.js';

export type BookingRow = typeof bookings.$inferSelect;
export type DepartureRow = typeof departures.$inferSelect;

export const findBooking = async (db: Db, id: string, options: { lock?: boolean } = {}) => {
  const query = db.select().from(bookings).where(eq(bookings.id, id));
  return (await (options.lock ? query.for('update') : query))[0];
};

/** The departure row, locked: every change to its allotment goes through this lock. */
export const lockDeparture = async (db: Db, id: string) =>
  (await db.select().from(departures).where(eq(departures.id, id)).for('update'))[0];

export const findCard = async (db: Db, id: string) =>
  (await db.select().from(rateCards).where(eq(rateCards.id, id)))[0];

export const freeUnits = (d: DepartureRow) => d.capacity - d.guaranteedBooked - d.standardBooked;

/**
 * Adds (or with a negative count, gives back) a booking's units on a
 * departure, in the guaranteed or standard bucket. The table's check
 * refuses anything past capacity, whatever the caller computed.
 */
export const moveUnits = async (
  db: Db,
  departure: { companyId: string; id: string },
  units: number,
  guaranteed: boolean,
  now: Date,
) => {
  const column = guaranteed ? departures.guaranteedBooked : departures.standardBooked;
  await db
    .update(departures)
    .set({ [guaranteed ? 'guaranteedBooked' : 'standardBooked']: sql`${column} + ${units}`, updatedAt: now })
    .where(and(eq(departures.companyId, departure.companyId), eq(departures.id, departure.id)));
};
