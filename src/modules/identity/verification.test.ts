import { describe, expect, it } from 'vitest';
import { newBuyer, newMember, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const call = (session: Session | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, headers: session ? { cookie: session.cookie } : {}, payload });

const uploadLicence = (
  session: Session | undefined,
  companyId: string,
  data = pdf,
  fileName = 'licence.pdf',
) => {
  const boundary = '----tradelane-licence';
  return h.app.inject({
    method: 'POST',
    url: `/api/companies/${companyId}/licence`,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

const requestFor = (session: Session) =>
  call(session, 'POST', `/api/companies/${session.companyId}/verification-requests`);

describe('company verification: licence, request, operator decision', () => {
  it('a supplier uploads its licence and asks; the operator approves and the card shows the level', async () => {
    const supplier = await newSupplier(h);
    const operator = await newOperator(h);

    const uploaded = await uploadLicence(supplier, supplier.companyId);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ fileName: 'licence.pdf', contentType: 'application/pdf' });

    const asked = await requestFor(supplier);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'pending', licence: { id: uploaded.json().id } });

    // Asking twice while one waits changes nothing.
    const again = await requestFor(supplier);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');

    const queue = (await call(operator, 'GET', '/api/verification-requests')).json();
    const item = queue.items.find((i: { id: string }) => i.id === asked.json().id);
    expect(item).toMatchObject({ company: { id: supplier.companyId, verificationLevel: 'unverified' } });

    // The operator reads the licence it judges.
    const file = await call(
      operator,
      'GET',
      `/api/companies/${supplier.companyId}/licences/${uploaded.json().id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const decided = await call(operator, 'POST', `/api/verification-requests/${item.id}/decision`, {
      decision: 'approve',
      level: 'licence_checked',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', level: 'licence_checked' });

    const card = (await call(undefined, 'GET', `/api/companies/${supplier.companyId}`)).json();
    expect(card.verificationLevel).toBe('licence_checked');
    const status = (await call(supplier, 'GET', `/api/companies/${supplier.companyId}/verification`)).json();
    expect(status).toMatchObject({ level: 'licence_checked', request: { status: 'approved' } });

    // Decided once: a second decision is refused and the level stays.
    const twice = await call(operator, 'POST', `/api/verification-requests/${item.id}/decision`, {
      decision: 'reject',
      reason: 'Changed my mind',
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (await call(undefined, 'GET', `/api/companies/${supplier.companyId}`)).json().verificationLevel,
    ).toBe('licence_checked');

    // The operator heard of the request and the company of the decision, through the outbox.
    await h.drainOutbox();
    const told = (await call(supplier, 'GET', '/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(told).toContain('company.verification_changed');
    const operatorTold = (await call(operator, 'GET', '/api/notifications')).json();
    expect(operatorTold.items.map((n: { kind: string }) => n.kind)).toContain(
      'company.verification_requested',
    );
  });

  it('a rejection keeps the level, carries its reason, and lets the company ask again', async () => {
    const buyer = await newBuyer(h);
    const operator = await newOperator(h);
    expect((await uploadLicence(buyer, buyer.companyId)).statusCode).toBe(201);
    const asked = (await requestFor(buyer)).json();
    const rejected = await call(operator, 'POST', `/api/verification-requests/${asked.id}/decision`, {
      decision: 'reject',
      reason: 'The licence is not legible',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const status = (await call(buyer, 'GET', `/api/companies/${buyer.companyId}/verification`)).json();
    expect(status).toMatchObject({
      level: 'unverified',
      request: { status: 'rejected', reason: 'The licence is not legible' },
    });
    expect((await requestFor(buyer)).statusCode).toBe(201);
  });

  it('refuses bad input and changes nothing', async () => {
    const supplier = await newSupplier(h);
    const operator = await newOperator(h);

    // No licence yet: a validation error naming it.
    const early = await requestFor(supplier);
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'licence' }] },
    });

    // A file that is not a PDF or an image, whatever its name says.
    const text = await uploadLicence(
      supplier,
      supplier.companyId,
      Buffer.from('MZ not a licence'),
      'licence.pdf',
    );
    expect(text.statusCode).toBe(415);
    const none = await call(supplier, 'GET', `/api/companies/${supplier.companyId}/verification`);
    expect(none.json().licence).toBeNull();

    await uploadLicence(supplier, supplier.companyId);
    const asked = (await requestFor(supplier)).json();
    const decide = (payload: object) =>
      call(operator, 'POST', `/api/verification-requests/${asked.id}/decision`, payload);
    for (const payload of [
      { decision: 'approve' },
      { decision: 'approve', level: 'unverified' },
      { decision: 'approve', level: 'onsite_audited' },
      { decision: 'reject' },
      { decision: 'reject', reason: '' },
      { decision: 'maybe', level: 'licence_checked' },
      { decision: 'approve', level: 'licence_checked', extra: true },
    ]) {
      const response = await decide(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const bad = await call(operator, 'GET', '/api/verification-requests?status=lost');
    expect(bad.statusCode).toBe(400);
    const status = (await call(supplier, 'GET', `/api/companies/${supplier.companyId}/verification`)).json();
    expect(status).toMatchObject({ level: 'unverified', request: { status: 'pending' } });

    // An on-site audit names its auditor, and the card shows them.
    const audited = await decide({ decision: 'approve', level: 'onsite_audited', auditorName: 'SGS' });
    expect(audited.statusCode, audited.body).toBe(200);
    expect((await call(undefined, 'GET', `/api/companies/${supplier.companyId}`)).json()).toMatchObject({
      verificationLevel: 'onsite_audited',
      auditorName: 'SGS',
    });
  });

  it('a stranger company gets 404, a member without the role 403, and only the operator sees the queue', async () => {
    const supplier = await newSupplier(h);
    const stranger = await newSupplier(h);
    const operator = await newOperator(h);
    const licence = (await uploadLicence(supplier, supplier.companyId)).json();
    const asked = (await requestFor(supplier)).json();

    for (const [method, url] of [
      ['GET', `/api/companies/${supplier.companyId}/verification`],
      ['GET', `/api/companies/${supplier.companyId}/licences/${licence.id}`],
      ['POST', `/api/companies/${supplier.companyId}/verification-requests`],
    ] as const) {
      const response = await call(stranger, method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await uploadLicence(stranger, supplier.companyId)).statusCode).toBe(404);
    // The stranger's own licence id does not open the supplier's file either.
    const theirs = (await uploadLicence(stranger, stranger.companyId)).json();
    expect(
      (await call(operator, 'GET', `/api/companies/${supplier.companyId}/licences/${theirs.id}`)).statusCode,
    ).toBe(404);

    const sales = await newMember(h, supplier, 'sales');
    expect((await uploadLicence(sales, supplier.companyId)).statusCode).toBe(403);
    expect((await requestFor(sales)).statusCode).toBe(403);
    // A member may still see where the company stands.
    expect((await call(sales, 'GET', `/api/companies/${supplier.companyId}/verification`)).statusCode).toBe(
      200,
    );

    expect((await call(undefined, 'GET', '/api/verification-requests')).statusCode).toBe(401);
    expect((await call(supplier, 'GET', '/api/verification-requests')).statusCode).toBe(403);
    const selfApprove = await call(supplier, 'POST', `/api/verification-requests/${asked.id}/decision`, {
      decision: 'approve',
      level: 'onsite_audited',
      auditorName: 'Myself',
    });
    expect(selfApprove.statusCode).toBe(403);
    expect(
      (
        await call(operator, 'POST', '/api/verification-requests/vrq_missing/decision', {
          decision: 'approve',
          level: 'licence_checked',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(undefined, 'GET', `/api/companies/${supplier.companyId}`)).json().verificationLevel,
    ).toBe('unverified');
  });

  it('platform health: operators see the backlog, others are refused', async () => {
    const operator = await newOperator(h);
    const supplier = await newSupplier(h);
    await uploadLicence(supplier, supplier.companyId);
    await requestFor(supplier);
    const health = await call(operator, 'GET', '/api/health/platform');
    expect(health.statusCode, health.body).toBe(200);
    const body = health.json();
    expect(body.database.ok).toBe(true);
    expect(['pglite', 'postgres']).toContain(body.database.engine);
    // The request's event waits in the outbox until the poller delivers it.
    expect(body.outbox.pending).toBeGreaterThan(0);
    await h.drainOutbox();
    expect((await call(operator, 'GET', '/api/health/platform')).json().outbox.pending).toBe(0);
    expect((await call(supplier, 'GET', '/api/health/platform')).statusCode).toBe(403);
    expect((await call(undefined, 'GET', '/api/health/platform')).statusCode).toBe(401);
  });
});
