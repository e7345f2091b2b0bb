import type { CsvProblem } from '../../core/csv.js';
import { BookingEventBody } from './api.js';
import type { BookingEventInput } from './booking-events.js';
import { readCsvRows } from './csv-rows.js';

/**
 * The columns of a tracking-events CSV file, one event per line, applied in
 * file order. `booking_id` names the booking; without it, `booking_number`
 * finds it among the forwarder's confirmed bookings. With `booking_id`, a
 * `confirmed` line's `booking_number` is the carrier's number being confirmed.
 */
export const bookingEventCsvColumns = [
  'booking_id',
  'booking_number',
  'kind',
  'occurred_at',
  'location',
  'note',
  'external_id',
  'to_departure_id',
] as const;

export type ParsedBookingEvent = {
  line: number;
  bookingId: string | null;
  /** When the line has no booking id: the booking number to find it by. */
  findByNumber: string | null;
  event: BookingEventInput;
};

const columnOfField: Record<string, string> = {
  kind: 'kind',
  occurredAt: 'occurred_at',
  location: 'location',
  note: 'note',
  externalId: 'external_id',
  bookingNumber: 'booking_number',
  toDepartureId: 'to_departure_id',
};

/**
 * Reads and validates a tracking-events CSV file with the API's own body
 * schema (`BookingEventBody`): every bad line is reported with its line and
 * column. Whether each event may happen is decided when it is applied.
 */
export const parseBookingEventCsv = (
  text: string,
): { events: ParsedBookingEvent[]; problems: CsvProblem[] } => {
  const read = readCsvRows(text, { required: ['kind'], what: 'event' });
  if (read.problems.length > 0) return { events: [], problems: read.problems };
  if (!read.header.includes('booking_id') && !read.header.includes('booking_number'))
    return { events: [], problems: [{ line: 1, message: 'Missing columns: booking_id or booking_number' }] };
  const problems: CsvProblem[] = [];
  const events: ParsedBookingEvent[] = [];
  for (const { line, cells } of read.rows) {
    const cell = (column: (typeof bookingEventCsvColumns)[number]) => cells[column] || undefined;
    const bookingId = cell('booking_id') ?? null;
    const bookingNumber = cell('booking_number') ?? null;
    if (!bookingId && !bookingNumber) {
      problems.push({
        line,
        column: 'booking_id',
        message: 'Name the booking: booking_id or booking_number',
      });
      continue;
    }
    const parsed = BookingEventBody.safeParse({
      kind: cell('kind')?.toLowerCase(),
      occurredAt: cell('occurred_at'),
      location: cell('location'),
      note: cell('note'),
      externalId: cell('external_id'),
      bookingNumber: bookingId ? bookingNumber : undefined,
      toDepartureId: cell('to_departure_id'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ line, column: columnOfField[field] ?? field, message: issue.message });
      }
      continue;
    }
    const { occurredAt, ...rest } = parsed.data;
    events.push({
      line,
      bookingId,
      findByNumber: bookingId ? null : bookingNumber,
      event: { ...rest, occurredAt: occurredAt ? new Date(occurredAt) : undefined },
    });
  }
  return { events: problems.length > 0 ? [] : events, problems };
};
