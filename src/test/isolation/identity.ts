import { expect } from 'vitest';
import type { Harness } from '../harness.js';
import { callRoute } from './callers.js';
import { pdfUpload } from './files.js';
import { guarded, isolationModule, membersRead, operatorOnly, publicRead } from './types.js';
import type { World } from './world.js';

type Fixture = {
  apiKeyId: string;
  notificationId: string;
  /** Supplier A's business licence, and its request to be verified from it (pending). */
  licenceId: string;
  verificationRequestId: string;
};

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const key = await h.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: w.a.supplier.cookie },
    payload: { name: 'ERP sync', role: 'sales' },
  });
  expect(key.statusCode, key.body).toBe(201);
  // An inquiry to supplier A becomes a notification for it through the outbox.
  const inquiry = await h.app.inject({
    method: 'POST',
    url: '/api/inquiries',
    headers: { cookie: w.a.buyer.cookie },
    payload: { supplierId: w.a.supplier.companyId, message: 'Do you ship to Spain?' },
  });
  expect(inquiry.statusCode, inquiry.body).toBe(201);
  await h.drainOutbox();
  const notifications = await h.app.inject({
    method: 'GET',
    url: '/api/notifications',
    headers: { cookie: w.a.supplier.cookie },
  });
  expect(notifications.statusCode, notifications.body).toBe(200);
  const [notification] = notifications.json().items as { id: string }[];
  expect(notification, 'a notification for supplier A').toBeDefined();
  const licence = await callRoute(h, {
    route: 'POST /api/companies/{id}/licence',
    url: `/api/companies/${w.a.supplier.companyId}/licence`,
    body: pdfUpload,
    caller: { who: 'owner', session: w.a.supplier },
  });
  expect(licence.statusCode, licence.body).toBe(201);
  const request = await h.app.inject({
    method: 'POST',
    url: `/api/companies/${w.a.supplier.companyId}/verification-requests`,
    headers: { cookie: w.a.supplier.cookie },
  });
  expect(request.statusCode, request.body).toBe(201);
  return {
    apiKeyId: key.json().id,
    notificationId: notification!.id,
    licenceId: licence.json().id,
    verificationRequestId: request.json().id,
  };
};

const supplierA = (_: Fixture, w: World) => ({ id: w.a.supplier.companyId });

export const identityIsolation = isolationModule<Fixture>({
  name: 'identity and notifications',
  setup,
  cases: [
    {
      route: 'GET /api/companies/{id}',
      params: supplierA,
      access: publicRead('a company’s credibility card is what buyers judge it by'),
      check: (response) => {
        expect(response.json()).toHaveProperty('credibility');
        // Nothing about its people: no member's email or user id.
        expect(response.body).not.toMatch(/@test\.tradelane\.dev|usr_/);
      },
    },
    {
      route: 'GET /api/companies/{id}/credibility',
      params: supplierA,
      access: publicRead('the Quick Response Rate is part of the public credibility card'),
      check: (response) =>
        expect(Object.keys(response.json()).sort()).toEqual([
          'answeredWithin',
          'companyId',
          'inquiriesCounted',
          'periodDays',
          'responseRate',
          'windowHours',
        ]),
    },
    {
      route: 'POST /api/companies/{id}/verification',
      params: supplierA,
      body: () => ({ level: 'onsite_audited', auditorName: 'SGS' }),
      access: operatorOnly,
    },
    {
      route: 'GET /api/companies/{id}/verification',
      params: supplierA,
      access: membersRead('supplier', 'every member may see where its company’s verification stands'),
    },
    {
      route: 'POST /api/companies/{id}/licence',
      params: supplierA,
      body: () => pdfUpload,
      // The licence commits the company: owners and admins only.
      access: guarded('supplier', 'supplier:sales'),
    },
    {
      route: 'GET /api/companies/{id}/licences/{licenceId}',
      params: (f, w) => ({ id: w.a.supplier.companyId, licenceId: f.licenceId }),
      access: membersRead('supplier', 'every member may read its company’s licence'),
    },
    {
      route: 'POST /api/companies/{id}/verification-requests',
      params: supplierA,
      access: guarded('supplier', 'supplier:sales'),
    },
    {
      route: 'POST /api/verification-requests/{id}/decision',
      params: (f) => ({ id: f.verificationRequestId }),
      body: () => ({ decision: 'approve', level: 'licence_checked' }),
      access: operatorOnly,
    },
    {
      route: 'DELETE /api/api-keys/{id}',
      params: (f) => ({ id: f.apiKeyId }),
      // Keys are administered by owners and admins only.
      access: guarded('supplier', 'supplier:sales'),
    },
    {
      route: 'POST /api/notifications/{id}/read',
      params: (f) => ({ id: f.notificationId }),
      access: membersRead(
        'supplier',
        'notifications are the company’s inbox; every member may mark one read',
      ),
    },
  ],
});
