import { expect } from 'vitest';
import type { Session } from './factories.js';
import type { Harness } from './harness.js';
import { type Parties, receivedOrder } from './order-factories.js';

const request = (
  h: Harness,
  session: Session | undefined,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) =>
  h.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

/** The operator records a company's verification (an on-site audit names SGS). */
export const verify = async (
  h: Harness,
  operator: Session,
  companyId: string,
  level: 'licence_checked' | 'onsite_audited',
) => {
  const response = await request(h, operator, 'POST', `/api/companies/${companyId}/verification`, {
    level,
    ...(level === 'onsite_audited' ? { auditorName: 'SGS' } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  // The new level reaches the supplier's listings through the outbox.
  await h.drainOutbox();
};

/** The buyer opens an inquiry and the supplier answers it at once (a quick response). */
export const answeredInquiry = async (h: Harness, buyer: Session, supplier: Session) => {
  const opened = await request(h, buyer, 'POST', '/api/inquiries', {
    supplierId: supplier.companyId,
    message: 'Can you send your catalogue and prices for 500 pieces?',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const answered = await request(h, supplier, 'POST', `/api/inquiries/${opened.json().id}/messages`, {
    message: 'Catalogue attached; 500 pieces ship in 15 days.',
  });
  expect(answered.statusCode, answered.body).toBe(201);
};

/**
 * A supplier with the track record of a Gold tier under the default
 * configuration: audited on site, three orders paid, shipped on time and
 * received, no dispute, one inquiry answered within 24 h. Its score is at
 * least 15 + 15 + 15 + 10 + 1.25 = 56.25 (≥ 55), whatever its GMV percentile.
 */
export const goldTrackRecord = async (h: Harness, parties: Parties, orders = 3) => {
  await verify(h, parties.operator, parties.supplier.companyId, 'onsite_audited');
  for (let i = 0; i < orders; i++) await receivedOrder(h, parties);
  await answeredInquiry(h, parties.buyer, parties.supplier);
  // Payments become trade facts (GMV, paid orders) through the outbox.
  await h.drainOutbox();
};

/** Recomputes every tier now, as the operator. */
export const recomputeTiers = async (h: Harness, operator: Session) => {
  const response = await request(h, operator, 'POST', '/api/tiers/recompute');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { month: string; suppliers: number; tiers: Record<string, number> };
};

/** The signed-in supplier's own tier view. */
export const myTier = async (h: Harness, supplier: Session) => {
  const response = await request(h, supplier, 'GET', '/api/tiers/me');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
