import { expect } from 'vitest';
import { newCompany, type Session } from './factories.js';
import type { Harness } from './harness.js';

export const newForwarder = (h: Harness) =>
  newCompany(h, { kind: 'forwarder', country: 'CN', province: '310000' });

/** Shanghai → Los Angeles, 40' high cubes, on listed dates, 10 containers each, guaranteed space offered. */
export const seaCard = (overrides: Record<string, unknown> = {}) => ({
  origin: 'CNSHA',
  destination: 'USLAX',
  mode: 'sea_fcl',
  containerType: '40HQ',
  currency: 'USD',
  basePrice: '250000',
  surcharges: [
    { code: 'BAF', name: 'Bunker adjustment', amount: '50000', per: 'unit' },
    { code: 'DOC', name: 'Documentation', amount: '7500', per: 'shipment' },
  ],
  guaranteedPremium: '30000',
  rolloverTerms: { perContainer: '20000', perDay: '5000' },
  transitDays: 14,
  validFrom: '2026-11-01',
  validTo: '2027-01-31',
  schedule: { dates: ['2026-11-10', '2026-11-16', '2026-11-23', '2026-11-30'] },
  capacityPerDeparture: 10,
  carrier: 'COSCO Shipping',
  service: 'AAC',
  ...overrides,
});

type Card = { card: { id: string }; departures: { id: string; departsOn: string }[] };

export const publishCard = async (
  h: Harness,
  forwarder: Session,
  overrides: Record<string, unknown> = {},
) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/freight/rate-cards',
    headers: { cookie: forwarder.cookie },
    payload: seaCard(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Card;
};

export const bookingRequest = (
  h: Harness,
  shipper: Session,
  payload: {
    departureId: string;
    containers?: number;
    /** Loose cargo (air, charter, LCL) instead of 40HQ containers. */
    loose?: { weightKg: number; volumeCbm: number };
    guaranteed?: boolean;
    orderId?: string;
  },
) =>
  h.app.inject({
    method: 'POST',
    url: '/api/freight/bookings',
    headers: { cookie: shipper.cookie },
    payload: {
      departureId: payload.departureId,
      cargo: payload.loose ?? { containers: { type: '40HQ', count: payload.containers ?? 1 } },
      guaranteed: payload.guaranteed ?? false,
      readyDate: '2026-11-05',
      ...(payload.orderId ? { orderId: payload.orderId } : {}),
    },
  });

export const book = async (...args: Parameters<typeof bookingRequest>) => {
  const response = await bookingRequest(...args);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; units: number; price: { total: string } };
};

export const reportEvent = (
  h: Harness,
  forwarder: Session,
  bookingId: string,
  payload: Record<string, unknown>,
) =>
  h.app.inject({
    method: 'POST',
    url: `/api/freight/bookings/${bookingId}/events`,
    headers: { cookie: forwarder.cookie },
    payload,
  });

/** Uploads a CSV file as multipart form data (the rate-card and tracking-event imports). */
export const uploadCsv = (
  h: Harness,
  session: Session | undefined,
  url: string,
  csv: string,
  fileName = 'upload.csv',
) => {
  const boundary = '----tradelane-freight-csv';
  return h.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(csv),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};
