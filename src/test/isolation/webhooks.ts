import { expect } from 'vitest';
import type { Harness } from '../harness.js';
import { guarded, isolationModule } from './types.js';
import type { World } from './world.js';

/** Supplier A's endpoint, with one delivery of an order event waiting. */
type Fixture = { endpointId: string; deliveryId: string };

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const created = await h.app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie: w.a.supplier.cookie },
    payload: { url: 'https://erp.example.com/hook', events: ['order.*'] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const endpointId = created.json().id as string;
  await h
    .ctx({ kind: 'anonymous' })
    .events.emit('order.created', { id: 'ord_matrix' }, w.a.supplier.companyId);
  await h.drainOutbox();
  const deliveries = await h.app.inject({
    method: 'GET',
    url: `/api/webhooks/${endpointId}/deliveries`,
    headers: { cookie: w.a.supplier.cookie },
  });
  expect(deliveries.statusCode, deliveries.body).toBe(200);
  return { endpointId, deliveryId: deliveries.json().items[0].id };
};

const endpoint = (f: Fixture) => ({ id: f.endpointId });
/** Endpoints carry the company's events and a signing secret: owners and admins only, reads included. */
const admins = guarded('supplier', 'supplier:sales');

export const webhooksIsolation = isolationModule<Fixture>({
  name: 'webhooks',
  setup,
  cases: [
    { route: 'GET /api/webhooks/{id}', params: endpoint, access: admins },
    { route: 'DELETE /api/webhooks/{id}', params: endpoint, access: admins },
    { route: 'POST /api/webhooks/{id}/rotate-secret', params: endpoint, access: admins },
    { route: 'GET /api/webhooks/{id}/deliveries', params: endpoint, access: admins },
    {
      route: 'POST /api/webhooks/deliveries/{id}/retry',
      params: (f) => ({ id: f.deliveryId }),
      access: admins,
    },
  ],
});
