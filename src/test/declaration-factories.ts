import { expect } from 'vitest';
import type { Session } from './factories.js';
import type { Harness } from './harness.js';

/** A valid unified social credit code (check character computed by GB 32100-2015). */
export const testUscc = '91330782MA2D3K8L7A';

/** Two lines of LED bulbs and stainless kettles from Zhejiang, by sea from Ningbo to Spain, CIF. */
export const declarationInput = (overrides: Record<string, unknown> = {}) => ({
  declarantRole: 'platform',
  exporter: { localName: '义乌市星辰日用品有限公司', address: '浙江省义乌市福田街道', taxId: testUscc },
  consignee: { name: 'Iluminación Ibérica S.L.', address: 'Calle Mayor 1, Madrid', country: 'ES' },
  incoterm: 'CIF',
  currency: 'USD',
  transportMode: 'sea',
  portOfLoading: 'CNNGB',
  destinationCountry: 'ES',
  lines: [
    {
      hsCode: '853952',
      tariffCode: '8539520000',
      description: 'LED light bulbs, E27, 9 W',
      quantity: 2000,
      unit: 'pcs',
      unitPrice: '85',
      netWeightKg: 160,
      grossWeightKg: 190.5,
      packages: 40,
      originProvince: '330000',
    },
    {
      hsCode: '732393',
      description: 'Stainless steel kettles, 1.5 L',
      quantity: 300,
      unit: 'pcs',
      unitPrice: '420',
      netWeightKg: 150,
      grossWeightKg: 180,
      packages: 25,
      originProvince: '330000',
    },
  ],
  ...overrides,
});

export const declare = (h: Harness, session: Session | undefined, payload: object) =>
  h.app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: session ? { cookie: session.cookie } : {},
    payload,
  });

export const newDeclaration = async (
  h: Harness,
  exporter: Session,
  overrides: Record<string, unknown> = {},
) => {
  const response = await declare(h, exporter, declarationInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; number: string; status: string };
};

export const moveDeclarationAs = (h: Harness, session: Session | undefined, id: string, payload: object) =>
  h.app.inject({
    method: 'POST',
    url: `/api/declarations/${id}/transition`,
    headers: session ? { cookie: session.cookie } : {},
    payload,
  });

/** Takes a step and expects it to succeed. */
export const moveTo = async (h: Harness, session: Session, id: string, payload: Record<string, unknown>) => {
  const response = await moveDeclarationAs(h, session, id, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
