import type { CsvProblem } from '../../core/csv.js';
import { isAppError } from '../../core/errors.js';
import { isCurrency, parseMajor } from '../../core/money.js';
import { RateCardBody } from './api.js';
import { readCsvRows } from './csv-rows.js';
import { checkRateCard, type RateCardInput, rateCardInputOf } from './rate-cards.js';

/**
 * The columns of a rate-card CSV file, one card per line. Amounts are
 * decimals in major units of `currency` (converted exactly to minor units);
 * `surcharges` reads `BAF:Bunker adjustment:500.00:unit;DOC:Documentation:75.00:shipment`,
 * `weekdays` `3` or `1;4` (1 = Monday), `dates` `2026-12-01;2026-12-08`.
 */
export const rateCardCsvColumns = [
  'origin',
  'destination',
  'mode',
  'container_type',
  'currency',
  'base_price',
  'minimum_charge',
  'surcharges',
  'guaranteed_premium',
  'rollover_per_container',
  'rollover_per_day',
  'transit_days',
  'valid_from',
  'valid_to',
  'weekdays',
  'dates',
  'capacity',
  'carrier',
  'service',
] as const;

type Column = (typeof rateCardCsvColumns)[number];

/** Columns that may be left out of the header altogether (their cells read as empty). */
const optionalColumns: readonly Column[] = [
  'container_type',
  'minimum_charge',
  'surcharges',
  'guaranteed_premium',
  'rollover_per_container',
  'rollover_per_day',
  'weekdays',
  'dates',
  'service',
];

export type ParsedRateCard = { line: number; card: RateCardInput };

/** The CSV column a field of `RateCardBody` (or of `checkRateCard`'s errors) comes from. */
const columnOfField: Record<string, Column> = {
  origin: 'origin',
  destination: 'destination',
  mode: 'mode',
  containerType: 'container_type',
  currency: 'currency',
  basePrice: 'base_price',
  minimumCharge: 'minimum_charge',
  surcharges: 'surcharges',
  guaranteedPremium: 'guaranteed_premium',
  rolloverTerms: 'rollover_per_container',
  transitDays: 'transit_days',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  capacityPerDeparture: 'capacity',
  carrier: 'carrier',
  service: 'service',
};

const list = (cell: string) =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);

const wholeNumber = (cell: string) => (/^\d{1,9}$/.test(cell) ? Number(cell) : Number.NaN);

/** One line's cells as a `RateCardBody`, amounts in minor units; or the problems of its cells. */
const toBody = (cells: Record<string, string>, line: number) => {
  const problems: CsvProblem[] = [];
  const bad = (column: Column, message: string) => problems.push({ line, column, message });
  const cell = (column: Column) => cells[column] ?? '';
  const currency = cell('currency').toUpperCase();
  const currencyOk = isCurrency(currency);
  if (!currencyOk) bad('currency', `"${cell('currency')}" is not an ISO 4217 currency code`);
  /** A decimal in major units as a string of minor units; undefined when empty. */
  const amount = (column: Column, value = cell(column)) => {
    if (value === '' || !currencyOk) return undefined;
    try {
      return parseMajor(value, currency).toString();
    } catch {
      bad(column, `"${value}" is not an amount in ${currency} (a decimal such as 2500.00)`);
      return undefined;
    }
  };
  const surcharges = list(cell('surcharges')).map((part) => {
    const pieces = part.split(':').map((p) => p.trim());
    if (pieces.length < 4) {
      bad('surcharges', `"${part}" is not CODE:name:amount:per (e.g. BAF:Bunker adjustment:500.00:unit)`);
      return undefined;
    }
    const per = pieces.at(-1)!;
    if (per !== 'unit' && per !== 'shipment') bad('surcharges', `"${part}": per is unit or shipment`);
    return {
      code: pieces[0]!,
      name: pieces.slice(1, -2).join(':'),
      amount: amount('surcharges', pieces.at(-2)!) ?? '',
      per,
    };
  });
  const perContainer = amount('rollover_per_container');
  const perDay = amount('rollover_per_day');
  if ((cell('rollover_per_container') === '') !== (cell('rollover_per_day') === ''))
    bad(
      cell('rollover_per_container') === '' ? 'rollover_per_container' : 'rollover_per_day',
      'Rollover terms need both rollover_per_container and rollover_per_day',
    );
  const weekdays = list(cell('weekdays'));
  const dates = list(cell('dates'));
  if (weekdays.length > 0 === dates.length > 0)
    bad('weekdays', 'Give the departures either as weekdays (e.g. 1;4) or as dates, not both or neither');
  const body = {
    origin: cell('origin'),
    destination: cell('destination'),
    mode: cell('mode').toLowerCase(),
    containerType: cell('container_type') || null,
    currency,
    basePrice: amount('base_price'),
    minimumCharge: amount('minimum_charge'),
    surcharges,
    guaranteedPremium: amount('guaranteed_premium') ?? null,
    rolloverTerms: perContainer !== undefined && perDay !== undefined ? { perContainer, perDay } : null,
    transitDays: wholeNumber(cell('transit_days')),
    validFrom: cell('valid_from'),
    validTo: cell('valid_to'),
    schedule: weekdays.length > 0 ? { weekdays: weekdays.map(wholeNumber) } : { dates },
    capacityPerDeparture: wholeNumber(cell('capacity')),
    carrier: cell('carrier'),
    service: cell('service'),
  };
  return { body, problems };
};

/** Which column a zod issue's path points at: `schedule.weekdays.0` is `weekdays`. */
const columnOfPath = (path: readonly PropertyKey[]): string => {
  const [field, sub] = path.map(String);
  if (field === 'schedule') return sub === 'dates' ? 'dates' : 'weekdays';
  if (field === 'rolloverTerms') return sub === 'perDay' ? 'rollover_per_day' : 'rollover_per_container';
  return columnOfField[field ?? ''] ?? field ?? '';
};

/**
 * Reads and validates a whole rate-card CSV file: each line's cells, then
 * the card's rules (`checkRateCard`, the same as publishing one card), so a
 * forwarder fixes the file in one pass from the list of problems, each with
 * its line and column.
 */
export const parseRateCardCsv = (text: string): { cards: ParsedRateCard[]; problems: CsvProblem[] } => {
  const read = readCsvRows(text, {
    required: rateCardCsvColumns.filter((c) => !optionalColumns.includes(c)),
    what: 'rate card',
  });
  if (read.problems.length > 0) return { cards: [], problems: read.problems };
  if (!read.header.includes('weekdays') && !read.header.includes('dates'))
    return { cards: [], problems: [{ line: 1, message: 'Missing columns: weekdays or dates' }] };
  const problems: CsvProblem[] = [];
  const cards: ParsedRateCard[] = [];
  for (const { line, cells } of read.rows) {
    const { body, problems: cellProblems } = toBody(cells, line);
    if (cellProblems.length > 0) {
      problems.push(...cellProblems);
      continue;
    }
    const parsed = RateCardBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line, column: columnOfPath(issue.path), message: issue.message });
      continue;
    }
    const card = rateCardInputOf(parsed.data);
    try {
      checkRateCard(card);
    } catch (error) {
      if (!isAppError(error)) throw error;
      const field = String(error.details.field ?? '');
      const column =
        field === 'schedule' ? ('weekdays' in card.schedule ? 'weekdays' : 'dates') : columnOfPath([field]);
      problems.push({ line, column, message: error.message });
      continue;
    }
    cards.push({ line, card });
  }
  return { cards: problems.length > 0 ? [] : cards, problems };
};
