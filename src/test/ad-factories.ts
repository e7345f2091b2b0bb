import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CreateProductInput } from '../modules/catalog/index.js';
import { newProduct, type Session } from './factories.js';
import type { Harness } from './harness.js';

/** Who makes a request: a signed-in member, an anonymous visitor with an id, or nobody known. */
export type Viewer = Session | { visitorId: string } | undefined;

const headersOf = (viewer: Viewer): Record<string, string> =>
  !viewer ? {} : 'cookie' in viewer ? { cookie: viewer.cookie } : { 'x-visitor-id': viewer.visitorId };

export const newVisitor = () => ({ visitorId: `v-${randomUUID()}` });

/** Requests as a viewer. */
export const ads = (h: Harness, viewer?: Viewer) => {
  const headers = headersOf(viewer);
  return {
    get: (url: string) => h.app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers, payload }),
    patch: (url: string, payload: object = {}) => h.app.inject({ method: 'PATCH', url, headers, payload }),
    put: (url: string, payload: object = {}) => h.app.inject({ method: 'PUT', url, headers, payload }),
  };
};

/**
 * A listing good enough for the top slots for "water pump": the default
 * product (3 price tiers, an attribute, a certification) with 100 characters
 * of description: listing 35, quality 3.1.
 */
export const adProduct = (h: Harness, supplier: Session, overrides: Partial<CreateProductInput> = {}) =>
  newProduct(h, supplier, {
    description: {
      en: 'Cast iron body, copper winding, stainless impeller. Tested at the factory before shipping; CE marked.',
    },
    ...overrides,
  });

/** The operator books a wire of `amount` USD cents into the supplier's ad wallet. */
export const fundWallet = async (h: Harness, operator: Session, supplier: Session, amount: bigint) => {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/ads/wallet/top-ups',
    headers: { cookie: operator.cookie, 'idempotency-key': `test-${randomUUID()}` },
    payload: {
      supplierId: supplier.companyId,
      amount: amount.toString(),
      currency: 'USD',
      bankReference: `TT-${randomUUID()}`,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};

export type CampaignBody = {
  name?: string;
  dailyBudget?: string;
  keywords?: { text: string; matchType: 'exact' | 'phrase' | 'broad'; bid: string }[];
  products: string[];
  status?: 'active' | 'paused';
};

/** A campaign started through the API, bidding 0.50 USD on "water pump" (phrase) by default. */
export const newCampaign = async (h: Harness, supplier: Session, body: CampaignBody) => {
  const response = await ads(h, supplier).post('/api/ads/campaigns', {
    name: 'Water pumps',
    dailyBudget: '1000',
    keywords: [{ text: 'water pump', matchType: 'phrase', bid: '50' }],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; keywords: { id: string; text: string }[] };
};

export type Sponsored = {
  id: string;
  sponsored: true;
  campaignId: string;
  keywordId: string;
  impressionId: string;
  placement: 'top' | 'other';
};

/** The sponsored results a search for `q` shows the viewer. */
export const sponsoredFor = async (h: Harness, q: string, viewer?: Viewer): Promise<Sponsored[]> => {
  const response = await ads(h, viewer).get(`/api/search/products?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().sponsored;
};

/** Searches `q` as the viewer and clicks the first sponsored result. */
export const searchAndClick = async (h: Harness, q: string, viewer: Viewer) => {
  const [first] = await sponsoredFor(h, q, viewer);
  expect(first, `a sponsored result for "${q}"`).toBeDefined();
  const response = await ads(h, viewer).post('/api/ads/clicks', { impressionId: first!.impressionId });
  expect(response.statusCode, response.body).toBe(200);
  return { sponsored: first!, click: response.json() };
};

/** The campaign's today: spent (minor units) and charged clicks. */
export const today = async (h: Harness, supplier: Session, campaignId: string) => {
  const response = await ads(h, supplier).get(`/api/ads/campaigns/${campaignId}`);
  expect(response.statusCode, response.body).toBe(200);
  const t = response.json().today;
  return { spent: BigInt(t.spent.amount), chargedClicks: t.chargedClicks as number };
};

/** What the supplier's ad wallet can still pay, in minor units. */
export const walletAvailable = async (h: Harness, supplier: Session) => {
  const response = await ads(h, supplier).get('/api/ads/wallet');
  expect(response.statusCode, response.body).toBe(200);
  return BigInt(response.json().available.amount);
};
