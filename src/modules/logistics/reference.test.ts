import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { regionOf } from '../geo/index.js';
import { airports, containerTypeOf, containerTypes, greatCircleKm, locationOf, ports } from './reference.js';

describe('logistics reference data', () => {
  it('lists at least 300 container ports and 200 cargo airports, each once', () => {
    expect(ports().list.length).toBeGreaterThanOrEqual(300);
    expect(airports().list.length).toBeGreaterThanOrEqual(200);
    expect(ports().byCode.size).toBe(ports().list.length);
    expect(airports().byCode.size).toBe(airports().list.length);
  });

  it('gives every port and airport a known ISO 3166 country, the port its UN/LOCODE prefix', () => {
    for (const port of ports().list) {
      expect(regionOf(port.country), port.locode).toBeDefined();
      expect(port.locode.slice(0, 2)).toBe(port.country);
    }
    for (const airport of airports().list) expect(regionOf(airport.country), airport.iata).toBeDefined();
  });

  it('covers every continent', () => {
    const regions = new Set([...ports().list, ...airports().list].map((p) => regionOf(p.country)));
    for (const region of [
      'east-asia',
      'southeast-asia',
      'south-asia',
      'middle-east',
      'europe',
      'africa',
      'north-america',
      'latin-america',
      'oceania',
    ] as const)
      expect(regions).toContain(region);
  });

  it.each([
    ['CNSHA', 31.2, 121.5],
    ['SGSIN', 1.3, 103.8],
    ['CNNGB', 29.9, 121.5],
    ['CNYTN', 22.6, 114.3],
    ['KRPUS', 35.1, 129.1],
    ['NLRTM', 51.9, 4.5],
    ['AEJEA', 25.0, 55.0],
    ['BEANR', 51.2, 4.4],
    ['USLAX', 34.0, -118.2],
    ['USLGB', 33.8, -118.2],
    ['DEHAM', 53.5, 10.0],
    ['BRSSZ', -24.0, -46.3],
    ['ZADUR', -29.9, 31.0],
    ['AUMEL', -37.8, 145.0],
    ['PAMIT', 9.4, -79.9],
  ])('places port %s near %f, %f', (code, lat, lon) => {
    const port = ports().byCode.get(code);
    expect(port, code).toBeDefined();
    expect(greatCircleKm(port!, { lat, lon })).toBeLessThan(50);
  });

  it.each([
    ['PVG', 31.1, 121.8],
    ['SZX', 22.6, 113.8],
    ['LAX', 33.9, -118.4],
    ['ORD', 42.0, -87.9],
    ['ANC', 61.2, -150.0],
    ['MEM', 35.0, -90.0],
    ['FRA', 50.0, 8.6],
    ['LEJ', 51.4, 12.2],
    ['DXB', 25.3, 55.4],
    ['HKG', 22.3, 113.9],
    ['ICN', 37.5, 126.5],
  ])('places airport %s near %f, %f', (code, lat, lon) => {
    const airport = airports().byCode.get(code);
    expect(airport, code).toBeDefined();
    expect(greatCircleKm(airport!, { lat, lon })).toBeLessThan(20);
  });

  it('resolves a UN/LOCODE to a port and an IATA code to an airport, in any case', () => {
    expect(locationOf('CNSHA')).toMatchObject({
      kind: 'port',
      code: 'CNSHA',
      name: 'Shanghai',
      country: 'CN',
    });
    expect(locationOf(' cnsha ')?.code).toBe('CNSHA');
    expect(locationOf('lax')).toMatchObject({ kind: 'airport', code: 'LAX', country: 'US' });
    const lax = locationOf('LAX')!;
    expect(lax.lat).toBeCloseTo(33.9, 0);
    expect(lax.lon).toBeCloseTo(-118.4, 0);
    for (const unknown of ['ZZZZZ', 'QQQ', 'CNSH', 'CNSHAX', '', 'PVG1'])
      expect(locationOf(unknown)).toBeUndefined();
  });

  it('finds a container type by our code or by its ISO 6346 code', () => {
    const expected: [string, string][] = [
      ['20GP', '22G1'],
      ['40GP', '42G1'],
      ['40HQ', '45G1'],
      ['45HQ', 'L5G1'],
      ['20RF', '22R1'],
      ['40RH', '45R1'],
      ['20OT', '22U1'],
      ['40OT', '42U1'],
      ['20FR', '22P1'],
      ['40FR', '42P1'],
      ['20TK', '22T1'],
    ];
    for (const [code, iso] of expected) {
      expect(containerTypeOf(code)?.isoCode, code).toBe(iso);
      expect(containerTypeOf(iso)?.code, iso).toBe(code);
    }
    expect(containerTypeOf('40hq')).toBe(containerTypeOf('45g1'));
    expect(containerTypeOf('40HQ')).toMatchObject({ lengthFt: 40, heightFt: 9.5, teu: 2, reefer: false });
    expect(containerTypeOf('40RH')).toMatchObject({ heightFt: 9.5, reefer: true });
    expect(containerTypeOf('20FR')?.cubicM).toBeNull();
    expect(containerTypeOf('40XX')).toBeUndefined();
    expect(containerTypeOf('99Z9')).toBeUndefined();
  });

  it('gives container types plausible capacities', () => {
    for (const type of containerTypes().list) {
      expect(type.teu).toBe(type.lengthFt / 20);
      expect(type.maxPayloadKg).toBeGreaterThan(20_000);
      expect(type.maxPayloadKg).toBeLessThanOrEqual(45_000);
    }
    // A high cube holds more than a standard box of its length, a reefer's insulation less.
    expect(containerTypeOf('40HQ')!.cubicM!).toBeGreaterThan(containerTypeOf('40GP')!.cubicM!);
    expect(containerTypeOf('20RF')!.cubicM!).toBeLessThan(containerTypeOf('20GP')!.cubicM!);
  });

  it('measures great-circle distances', () => {
    const shanghaiLosAngeles = greatCircleKm(locationOf('CNSHA')!, locationOf('USLAX')!);
    expect(shanghaiLosAngeles).toBeGreaterThan(10_400);
    expect(shanghaiLosAngeles).toBeLessThan(10_600);
    const pvgLax = greatCircleKm(locationOf('PVG')!, locationOf('LAX')!);
    expect(pvgLax).toBeGreaterThan(10_300);
    expect(pvgLax).toBeLessThan(10_600);
    expect(greatCircleKm(locationOf('NLRTM')!, locationOf('CNSHA')!)).toBeCloseTo(
      greatCircleKm(locationOf('CNSHA')!, locationOf('NLRTM')!),
      6,
    );
    expect(greatCircleKm({ lat: 10, lon: 20 }, { lat: 10, lon: 20 })).toBe(0);
    // A quarter of a meridian, and half the equator across the antimeridian.
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10_007.5, 0);
    expect(greatCircleKm({ lat: 0, lon: 179 }, { lat: 0, lon: -179 })).toBeCloseTo(222.4, 0);
  });
});

describe('loading a malformed data file', () => {
  let dir: string | undefined;

  afterEach(() => {
    vi.doUnmock('../../core/paths.js');
    vi.resetModules();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  // A fresh copy of the module reading data/ from a temporary folder.
  const loadWith = async (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'tradelane-logistics-'));
    mkdirSync(join(dir, 'logistics'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'logistics', name), content);
    const root = dir;
    vi.resetModules();
    vi.doMock('../../core/paths.js', () => ({ dataFile: (path: string) => join(root, path) }));
    return import('./reference.js');
  };

  it('names the file and line of a bad row', async () => {
    const reference = await loadWith({
      'ports.csv':
        'locode,name,country,lat,lon\nCNSHA,Shanghai,CN,31.23,121.47\nUSLAX,Los Angeles,US,134.05,-118.24\n',
    });
    expect(() => reference.ports()).toThrow(
      "data/logistics/ports.csv line 3: lat '134.05' is not a number from -90 to 90",
    );
  });

  it('refuses a port whose country is not its UN/LOCODE prefix, a missing field and a duplicate', async () => {
    const reference = await loadWith({
      'ports.csv': 'locode,name,country,lat,lon\nCNSHA,Shanghai,US,31.23,121.47\n',
      'airports.csv': 'iata,name,city,country,lat,lon\nPVG,Pudong,Shanghai,CN,31.1\n',
      'container-types.csv':
        'code,iso_code,name,length_ft,height,teu,max_payload_kg,cubic_m,reefer\n' +
        "40HQ,45G1,40' high cube,40,9.5,2,26500,76.3,false\n40HQ,45G1,40' high cube,40,9.5,2,26500,76.3,false\n",
    });
    expect(() => reference.ports()).toThrow(
      'data/logistics/ports.csv line 2: country US is not that of CNSHA',
    );
    expect(() => reference.airports()).toThrow(
      'data/logistics/airports.csv line 2: 5 fields where 6 are expected',
    );
    expect(() => reference.containerTypes()).toThrow(
      'data/logistics/container-types.csv: 40HQ is listed twice',
    );
  });

  it('refuses an ISO size-type code that disagrees with the length or height', async () => {
    const reference = await loadWith({
      'container-types.csv':
        'code,iso_code,name,length_ft,height,teu,max_payload_kg,cubic_m,reefer\n' +
        "40HQ,42G1,40' high cube,40,9.5,2,26500,76.3,false\n",
    });
    expect(() => reference.containerTypes()).toThrow(
      'data/logistics/container-types.csv line 2: height 9.5 disagrees with ISO code 42G1',
    );
  });

  it('refuses a file with another header', async () => {
    const reference = await loadWith({
      'ports.csv': 'code,name,country,lat,lon\nCNSHA,Shanghai,CN,31.23,121.47\n',
    });
    expect(() => reference.ports()).toThrow('data/logistics/ports.csv line 1: the header must be exactly');
  });
});
