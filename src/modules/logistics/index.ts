/**
 * Logistics: forwarders' rate cards and their departures (allotments),
 * freight search, bookings with guaranteed space, their DCSA-style events,
 * rollover compensation through the ledger, and the link to orders.
 */
export { type BookingInput, bookFreight } from './book-freight.js';
export { bookingEventCsvColumns } from './booking-event-csv.js';
export { type BookingEventInput, cancelBooking, postBookingEvent } from './booking-events.js';
export {
  type FreightIndexInput,
  feuContainerTypes,
  freightIndex,
  isoWeekOf,
  weightedMedian,
} from './freight-index.js';
export { type BookingView, getBooking, listBookings } from './get-booking.js';
export { importBookingEvents } from './import-booking-events.js';
export { importRateCards, type RateCardImport, uploadRateCards } from './import-rate-cards.js';
export { bookingMachine } from './machines.js';
export { moveOrderWithBooking } from './order-link.js';
export { forwarders, logisticsPolicy, shippers } from './policy.js';
export { priceOf } from './pricing.js';
export { type ParsedRateCard, parseRateCardCsv, rateCardCsvColumns } from './rate-card-csv.js';
export { getRateCard, listRateCards, publishRateCard, type RateCardInput } from './rate-cards.js';
export { type Location, locationOf } from './reference.js';
export { rolloverCompensation } from './rollover.js';
export { registerLogisticsRoutes } from './routes.js';
export * from './schema.js';
export { type FreightSearch, searchFreight } from './search-freight.js';
export { runDepartureTimers } from './timers.js';
