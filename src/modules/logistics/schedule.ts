import type { FreightMode, Schedule } from './schema.js';

/** A card's departures are generated for at most this many days of its validity. */
export const maxScheduleDays = 400;

const dayMs = 86_400_000;
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, days: number) => toDay(new Date(parseDay(day).getTime() + days * dayMs));
export const daysBetween = (from: string, to: string) =>
  Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / dayMs);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
const isoWeekday = (day: string) => ((parseDay(day).getUTCDay() + 6) % 7) + 1;

/** The days a schedule departs on within [from, to], in order. */
export const departureDays = (schedule: Schedule, from: string, to: string): string[] => {
  if ('dates' in schedule) return [...new Set(schedule.dates)].filter((d) => d >= from && d <= to).sort();
  const days: string[] = [];
  const last = addDays(from, maxScheduleDays) < to ? addDays(from, maxScheduleDays) : to;
  for (let day = from; day <= last; day = addDays(day, 1))
    if (schedule.weekdays.includes(isoWeekday(day))) days.push(day);
  return days;
};

/**
 * When cargo must be at the terminal: two days before a sailing (noon UTC),
 * six hours before a flight's day begins.
 */
export const cutoffFor = (mode: FreightMode, departsOn: string): Date =>
  mode === 'sea_fcl' || mode === 'sea_lcl'
    ? new Date(`${addDays(departsOn, -2)}T12:00:00Z`)
    : new Date(`${addDays(departsOn, -1)}T18:00:00Z`);

/** The voyage or flight name of one departure: the service and its day. */
export const voyageFor = (service: string, departsOn: string) =>
  `${service} ${departsOn.replaceAll('-', '')}`;
