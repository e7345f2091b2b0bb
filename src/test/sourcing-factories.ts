import { expect } from 'vitest';
import type { CreateRfqInput, QuoteOfferInput } from '../modules/sourcing/index.js';
import type { Session } from './factories.js';
import type { Harness } from './harness.js';

const day = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Requests as a signed-in member (or anonymously without a session). */
export const as = (h: Harness, session?: Session) => {
  const headers = session ? { cookie: session.cookie } : {};
  return {
    get: (url: string) => h.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers, payload }),
  };
};

type RfqBody = Omit<Partial<CreateRfqInput>, 'deadline'> & { deadline?: string };

export const rfqInput = (h: Harness, overrides: RfqBody = {}) => ({
  title: 'Submersible water pumps, stainless steel',
  description: 'Borehole pumps for irrigation, 1.5 kW, CE marked.',
  categoryCode: 'machinery/pumps/water-pumps',
  quantity: 500,
  unit: 'piece',
  targetUnitPrice: '4000',
  currency: 'USD',
  destinationCountry: 'ES',
  destinationPort: 'ESVLC',
  transportMode: 'sea',
  incoterm: 'FOB',
  deadline: new Date(h.clock().getTime() + 14 * day).toISOString(),
  ...overrides,
});

/** An RFQ drafted (and by default published) by the buyer through the API. */
export const newRfq = async (
  h: Harness,
  buyer: Session,
  overrides: RfqBody = {},
  { publish = true } = {},
): Promise<{ id: string; status: string }> => {
  const created = await as(h, buyer).post('/api/rfqs', rfqInput(h, overrides));
  expect(created.statusCode, created.body).toBe(201);
  if (!publish) return created.json();
  const published = await as(h, buyer).post(`/api/rfqs/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
};

export const offerInput = (h: Harness, overrides: Partial<QuoteOfferInput> = {}): QuoteOfferInput => ({
  currency: 'USD',
  lines: [
    {
      description: 'Submersible pump 1.5 kW, stainless steel',
      quantity: 500,
      unit: 'piece',
      priceTiers: [
        { minQuantity: 100, maxQuantity: 999, unitPrice: '4200' },
        { minQuantity: 1000, maxQuantity: null, unitPrice: '3900' },
      ],
    },
  ],
  moq: 100,
  leadTimeDays: 30,
  incoterm: 'FOB',
  port: 'CNNGB',
  validUntil: isoDay(new Date(h.clock().getTime() + 30 * day)),
  message: 'Our best price for 500 pieces.',
  ...overrides,
});

/** A quote submitted by the supplier through the API. */
export const newQuote = async (
  h: Harness,
  supplier: Session,
  rfqId: string,
  overrides: Partial<QuoteOfferInput> = {},
): Promise<{ id: string; status: string }> => {
  const response = await as(h, supplier).post(`/api/rfqs/${rfqId}/quotes`, offerInput(h, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};
