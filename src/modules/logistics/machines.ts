import { defineMachine } from '../../core/state-machine.js';
import type { BookingStatus } from './schema.js';

/**
 * A freight booking's lifecycle, after DCSA's booking and transport events:
 * requested → confirmed (booking number, voyage, cut-off) → gate-in → loaded
 * → departed → arrived → discharged → delivered → completed.
 *
 * - `rolled`: the cargo missed its departure and now waits on a later one;
 *   the forwarder confirms it again there. A guaranteed booking's roll pays
 *   compensation (rollover.ts).
 * - Air and express skip `discharged`; nothing can be cancelled once loaded.
 */
export const bookingMachine = defineMachine<BookingStatus>('booking', {
  requested: ['confirmed', 'rolled', 'rejected', 'cancelled'],
  confirmed: ['gate_in', 'loaded', 'rolled', 'cancelled'],
  rolled: ['confirmed', 'gate_in', 'loaded', 'rolled', 'cancelled'],
  gate_in: ['loaded', 'rolled'],
  loaded: ['departed'],
  departed: ['arrived'],
  arrived: ['discharged', 'delivered'],
  discharged: ['delivered'],
  delivered: ['completed'],
  completed: [],
  rejected: [],
  cancelled: [],
});

/** States holding space on a departure that has not left: the ones a missed departure rolls. */
export const awaitingLoadStatuses: readonly BookingStatus[] = ['requested', 'confirmed', 'rolled', 'gate_in'];

/** States whose space is given back to the departure. */
export const releasedStatuses: readonly BookingStatus[] = ['rejected', 'cancelled'];
