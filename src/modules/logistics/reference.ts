import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { lazy } from '../../core/lazy.js';
import { dataFile } from '../../core/paths.js';

// The places and equipment freight is quoted between and in, read once per
// process from data/logistics/ (see data/ATTRIBUTION.md for their sources):
// a lane's origin and destination are checked and shown without a database
// round trip. A malformed row is a broken data file, so loading fails loudly
// with the file and line instead of leaving a code unknown.

/** A container port, keyed by its UN/LOCODE (country + 3 characters). */
export type Port = { locode: string; name: string; country: string; lat: number; lon: number };

/** A cargo airport, keyed by its IATA code. */
export type Airport = { iata: string; name: string; city: string; country: string; lat: number; lon: number };

/** An ISO 6346 container size-type with its usual capacity (figures vary a little by builder and carrier). */
export type ContainerType = {
  /** Our short trade code, e.g. `40HQ`. */
  code: string;
  /** The ISO 6346 size-type code, e.g. `45G1`. */
  isoCode: string;
  name: string;
  lengthFt: number;
  /** External height in feet: 8.5 (8'6", standard) or 9.5 (9'6", high cube). */
  heightFt: number;
  teu: number;
  maxPayloadKg: number;
  /** Internal volume (a tank's capacity); null for flat racks, which have no enclosed volume. */
  cubicM: number | null;
  reefer: boolean;
};

/** A port or an airport, as a lane's end. */
export type Location = {
  kind: 'port' | 'airport';
  code: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
};

export type LatLon = { lat: number; lon: number };

type Table<T> = { list: T[]; byCode: Map<string, T> };

class RowError extends Error {}

const fail = (message: string): never => {
  throw new RowError(message);
};

/**
 * The rows of `data/<path>` as objects keyed by `columns`, which the header
 * must match exactly; `toRow` turns one into a typed value or throws a
 * RowError, reported with the file and line.
 */
const readTable = <T>(
  path: string,
  columns: readonly string[],
  toRow: (field: (name: string) => string) => T,
): T[] => {
  const where = `data/${path}`;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(readFileSync(dataFile(path), 'utf8'), {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`${where}: not a readable CSV file: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (header?.record.join(',') !== columns.join(','))
    throw new Error(`${where} line 1: the header must be exactly ${columns.join(',')}`);
  return body.map(({ record, info }) => {
    try {
      if (record.length !== columns.length)
        fail(`${record.length} fields where ${columns.length} are expected (${columns.join(',')})`);
      const values = new Map(columns.map((name, i) => [name, record[i]!]));
      return toRow((name) => values.get(name) ?? '');
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      throw new Error(`${where} line ${info.lines}: ${error.message}`);
    }
  });
};

const text = (field: (name: string) => string, name: string) =>
  field(name) !== '' ? field(name) : fail(`${name} is empty`);

const number = (field: (name: string) => string, name: string, min: number, max: number) => {
  const raw = field(name);
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < min || value > max)
    fail(`${name} '${raw}' is not a number from ${min} to ${max}`);
  return value;
};

const matching = (field: (name: string) => string, name: string, pattern: RegExp, what: string) =>
  pattern.test(field(name)) ? field(name) : fail(`${name} '${field(name)}' is not ${what}`);

const uniqueBy = <T>(path: string, list: T[], key: (item: T) => string): Map<string, T> => {
  const byCode = new Map<string, T>();
  for (const item of list) {
    if (byCode.has(key(item))) throw new Error(`data/${path}: ${key(item)} is listed twice`);
    byCode.set(key(item), item);
  }
  return byCode;
};

const country = /^[A-Z]{2}$/;

/** The container ports of data/logistics/ports.csv, by UN/LOCODE. */
export const ports = lazy((): Table<Port> => {
  const path = 'logistics/ports.csv';
  const list = readTable(path, ['locode', 'name', 'country', 'lat', 'lon'], (f) => {
    const locode = matching(f, 'locode', /^[A-Z]{2}[A-Z2-9]{3}$/, 'a UN/LOCODE (e.g. CNSHA)');
    const code = matching(f, 'country', country, 'an ISO 3166 alpha-2 code');
    // A UN/LOCODE starts with its country's code, so the two can never disagree.
    if (code !== locode.slice(0, 2)) fail(`country ${code} is not that of ${locode}`);
    return {
      locode,
      name: text(f, 'name'),
      country: code,
      lat: number(f, 'lat', -90, 90),
      lon: number(f, 'lon', -180, 180),
    };
  });
  return { list, byCode: uniqueBy(path, list, (p) => p.locode) };
});

/** The cargo airports of data/logistics/airports.csv, by IATA code. */
export const airports = lazy((): Table<Airport> => {
  const path = 'logistics/airports.csv';
  const list = readTable(path, ['iata', 'name', 'city', 'country', 'lat', 'lon'], (f) => ({
    iata: matching(f, 'iata', /^[A-Z]{3}$/, 'an IATA airport code (e.g. PVG)'),
    name: text(f, 'name'),
    city: text(f, 'city'),
    country: matching(f, 'country', country, 'an ISO 3166 alpha-2 code'),
    lat: number(f, 'lat', -90, 90),
    lon: number(f, 'lon', -180, 180),
  }));
  return { list, byCode: uniqueBy(path, list, (a) => a.iata) };
});

// ISO 6346: the size-type code's first character is the length, its second the height.
const isoLengthFt: Record<string, number> = { '2': 20, '4': 40, L: 45 };
const isoHeightFt: Record<string, number> = { '2': 8.5, '5': 9.5 };

/** The container types of data/logistics/container-types.csv, by our code and by ISO 6346 code. */
export const containerTypes = lazy((): Table<ContainerType> & { byIsoCode: Map<string, ContainerType> } => {
  const path = 'logistics/container-types.csv';
  const columns = [
    'code',
    'iso_code',
    'name',
    'length_ft',
    'height',
    'teu',
    'max_payload_kg',
    'cubic_m',
    'reefer',
  ] as const;
  const list = readTable(path, columns, (f) => {
    const isoCode = matching(f, 'iso_code', /^[0-9A-Z]{2}[A-Z][0-9A-Z]$/, 'an ISO 6346 size-type code');
    const lengthFt = number(f, 'length_ft', 10, 53);
    const heightFt = number(f, 'height', 4, 10);
    if (isoLengthFt[isoCode[0]!] !== undefined && isoLengthFt[isoCode[0]!] !== lengthFt)
      fail(`length_ft ${lengthFt} disagrees with ISO code ${isoCode}`);
    if (isoHeightFt[isoCode[1]!] !== undefined && isoHeightFt[isoCode[1]!] !== heightFt)
      fail(`height ${heightFt} disagrees with ISO code ${isoCode}`);
    const reefer = matching(f, 'reefer', /^(true|false)$/, 'true or false');
    return {
      code: matching(f, 'code', /^[0-9]{2}[A-Z]{2}$/, 'a short container code (e.g. 40HQ)'),
      isoCode,
      name: text(f, 'name'),
      lengthFt,
      heightFt,
      teu: number(f, 'teu', 0.5, 3),
      maxPayloadKg: number(f, 'max_payload_kg', 1000, 60000),
      cubicM: f('cubic_m') === '' ? null : number(f, 'cubic_m', 1, 120),
      reefer: reefer === 'true',
    };
  });
  return {
    list,
    byCode: uniqueBy(path, list, (t) => t.code),
    byIsoCode: uniqueBy(path, list, (t) => t.isoCode),
  };
});

/**
 * The port (5-character UN/LOCODE, e.g. CNSHA) or airport (3-letter IATA
 * code, e.g. PVG) a code names, in any case; undefined when it is neither.
 */
export const locationOf = (code: string): Location | undefined => {
  const key = code.trim().toUpperCase();
  if (key.length === 5) {
    const port = ports().byCode.get(key);
    return (
      port && {
        kind: 'port',
        code: port.locode,
        name: port.name,
        country: port.country,
        lat: port.lat,
        lon: port.lon,
      }
    );
  }
  if (key.length === 3) {
    const airport = airports().byCode.get(key);
    return (
      airport && {
        kind: 'airport',
        code: airport.iata,
        name: airport.name,
        country: airport.country,
        lat: airport.lat,
        lon: airport.lon,
      }
    );
  }
  return undefined;
};

/** A container type by our short code (40HQ) or its ISO 6346 code (45G1), in any case. */
export const containerTypeOf = (code: string): ContainerType | undefined => {
  const key = code.trim().toUpperCase();
  return containerTypes().byCode.get(key) ?? containerTypes().byIsoCode.get(key);
};

// The IUGG mean Earth radius: the haversine distance on a sphere of this
// radius is within about 0.5% of the ellipsoidal one.
const earthRadiusKm = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle (haversine) distance between two points, in kilometres. */
export const greatCircleKm = (a: LatLon, b: LatLon): number => {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
};
