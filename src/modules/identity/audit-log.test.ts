import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { moveTo, newDeclaration } from '../../test/declaration-factories.js';
import { newMember, type Session, signUp } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { day, money, newParties, type Parties, receivedOrder } from '../../test/order-factories.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = await newParties(h);
});

type Entry = {
  seq: number;
  id: string;
  action: string;
  actor: { kind: string; userId: string | null; companyId: string | null };
  subject: { type: string; id: string };
  companyId: string | null;
  details: Record<string, unknown>;
};

const auditLog = async (query = '', session: Session = parties.operator) => {
  const response = await h.app.inject({
    method: 'GET',
    url: `/api/audit-log${query}`,
    headers: { cookie: session.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Entry[]; nextCursor: number | null };
};

const latest = async (action: string, subjectId: string) =>
  (await auditLog(`?action=${action}&subjectId=${subjectId}`)).items;

const verify = (companyId: string, payload: object, session = parties.operator) =>
  h.app.inject({
    method: 'POST',
    url: `/api/companies/${companyId}/verification`,
    headers: { cookie: session.cookie },
    payload,
  });

const openEscalatedDispute = async () => {
  const order = await receivedOrder(h, parties);
  const opened = await money(h, parties.buyer).post(`/api/orders/${order.id}/disputes`, {
    reason: 'quality',
    description: 'Housings arrived cracked.',
    amount: '60000',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  h.clock.advance(3 * day);
  const escalated = await money(h, parties.buyer).post(`/api/disputes/${opened.json().id}/escalate`);
  expect(escalated.statusCode, escalated.body).toBe(200);
  return { order, disputeId: opened.json().id as string };
};

describe('the audit log records privileged actions', () => {
  it('a verification, with who did it and what changed', async () => {
    const response = await verify(parties.supplier.companyId, {
      level: 'onsite_audited',
      auditorName: 'SGS',
    });
    expect(response.statusCode, response.body).toBe(200);
    const [entry] = await latest('company.verification_changed', parties.supplier.companyId);
    expect(entry).toMatchObject({
      actor: { kind: 'user', userId: parties.operator.userId, companyId: parties.operator.companyId },
      subject: { type: 'company', id: parties.supplier.companyId },
      companyId: parties.supplier.companyId,
      details: { from: 'unverified', to: 'onsite_audited', auditorName: 'SGS' },
    });
  });

  it('a dispute decision and the refund it makes, in the decision’s transaction', async () => {
    const { order, disputeId } = await openEscalatedDispute();
    const decide = (payload: object) =>
      money(h, parties.operator).post(`/api/disputes/${disputeId}/decide`, payload);
    // A refused decision leaves no trace: the entry commits with the action or not at all.
    const refused = await decide({ decision: 'partial_refund', refundAmount: '99999999', note: 'too much' });
    expect(refused.statusCode).toBe(409);
    expect(await latest('dispute.decided', disputeId)).toEqual([]);

    const decided = await decide({ decision: 'partial_refund', refundAmount: '60000', note: '12 of 100' });
    expect(decided.statusCode, decided.body).toBe(200);
    const [decision] = await latest('dispute.decided', disputeId);
    expect(decision).toMatchObject({
      actor: { userId: parties.operator.userId },
      companyId: parties.supplier.companyId,
      details: { orderId: order.id, decision: 'partial_refund', refundAmount: '60000', currency: 'USD' },
    });
    const [refund] = await latest('order.refunded', order.id);
    expect(refund).toMatchObject({
      actor: { userId: parties.operator.userId },
      details: { amount: '60000', currency: 'USD', by: 'operator', buyerId: parties.buyer.companyId },
    });
    expect(refund!.seq).toBeGreaterThan(decision!.seq);
  });

  it('a supplier’s refund', async () => {
    const order = await receivedOrder(h, parties);
    const refunded = await money(h, parties.supplier).post(`/api/orders/${order.id}/refund`, {
      amount: '1000',
      reason: 'Goodwill for late paperwork',
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    const [entry] = await latest('order.refunded', order.id);
    expect(entry).toMatchObject({
      actor: { kind: 'user', userId: parties.supplier.userId, companyId: parties.supplier.companyId },
      details: { amount: '1000', by: 'supplier', reason: 'Goodwill for late paperwork' },
    });
  });

  it('an invitation, its acceptance, a role change and a removal', async () => {
    const owner = parties.buyer;
    const member = await newMember(h, owner, 'sales');
    const [membership] = (
      await h.database.sql('select id from members where user_id = $1 and organization_id = $2', [
        member.userId,
        owner.companyId,
      ])
    ).rows as { id: string }[];
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/organization/update-member-role',
      headers: { cookie: owner.cookie },
      payload: { memberId: membership!.id, role: 'finance', organizationId: owner.companyId },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const me = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.json().role).toBe('finance');

    const removed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/organization/remove-member',
      headers: { cookie: owner.cookie },
      payload: { memberIdOrEmail: membership!.id, organizationId: owner.companyId },
    });
    expect(removed.statusCode, removed.body).toBe(200);

    const entries = (await auditLog(`?action=member&companyId=${owner.companyId}`)).items;
    expect(entries.map((e) => [e.action, e.actor.userId, e.details.role ?? e.details.to])).toEqual([
      ['member.removed', owner.userId, 'finance'],
      ['member.role_changed', owner.userId, 'finance'],
      ['member.joined', member.userId, 'sales'],
      ['member.invited', owner.userId, 'sales'],
    ]);
    expect(entries[1]!.details).toMatchObject({ userId: member.userId, from: 'sales', to: 'finance' });
    // The invitation's id is the secret of its link: it is not kept.
    expect(JSON.stringify(entries[3])).not.toMatch(/inv_/);
  });

  it('the platform’s steps on an export declaration, not the exporter’s', async () => {
    const declaration = await newDeclaration(h, parties.supplier);
    await moveTo(h, parties.supplier, declaration.id, { to: 'declared' });
    await moveTo(h, parties.operator, declaration.id, { to: 'released', note: 'Customs released' });
    const entries = (await auditLog(`?action=declaration&subjectId=${declaration.id}`)).items;
    expect(entries.map((e) => e.action)).toEqual(['declaration.released']);
    expect(entries[0]).toMatchObject({
      companyId: parties.supplier.companyId,
      details: { from: 'declared', to: 'released', note: 'Customs released' },
    });
  });
});

describe('reading the audit log', () => {
  it('is for the operator only', async () => {
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/audit-log' });
    expect(anonymous.statusCode).toBe(401);
    for (const session of [parties.supplier, parties.buyer]) {
      const refused = await h.app.inject({
        method: 'GET',
        url: '/api/audit-log',
        headers: { cookie: session.cookie },
      });
      expect(refused.statusCode).toBe(403);
    }
    const companyless = await signUp(h);
    const refused = await h.app.inject({
      method: 'GET',
      url: '/api/audit-log',
      headers: { cookie: companyless.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('pages newest first with a stable cursor, and filters', async () => {
    for (const level of ['licence_checked', 'unverified', 'licence_checked'])
      expect((await verify(parties.buyer.companyId, { level })).statusCode).toBe(200);
    const query = `?companyId=${parties.buyer.companyId}&action=company.verification_changed&limit=2`;
    const first = await auditLog(query);
    expect(first.items.map((e) => e.details.to)).toEqual(['licence_checked', 'unverified']);
    expect(first.nextCursor).toBe(first.items[1]!.seq);
    const second = await auditLog(`${query}&before=${first.nextCursor}`);
    expect(second.items.map((e) => e.details.to)).toEqual(['licence_checked']);
    expect(second.nextCursor).toBeNull();

    const byOperator = await auditLog(`?actorUserId=${parties.operator.userId}&limit=200`);
    expect(byOperator.items.every((e) => e.actor.userId === parties.operator.userId)).toBe(true);
    const future = await auditLog(
      `?from=${encodeURIComponent(new Date(h.clock().getTime() + day).toISOString())}`,
    );
    expect(future.items).toEqual([]);
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/audit-log?action=DROP%20TABLE',
      headers: { cookie: parties.operator.cookie },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('nobody edits the audit log', () => {
  it('has no route that writes it: GET only, in the OpenAPI document and on the wire', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/audit-log'));
    expect(paths).toEqual(['/api/audit-log']);
    expect(Object.keys(doc.paths['/api/audit-log'])).toEqual(['get']);
    const [entry] = (await auditLog('?limit=1')).items;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit-log', `/api/audit-log/${entry!.id}`, `/api/audit-log/${entry!.seq}`]) {
        const response = await h.app.inject({
          method,
          url,
          headers: { cookie: parties.operator.cookie },
          ...(method === 'DELETE' ? {} : { payload: { action: 'forged' } }),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const before = (await auditLog('?limit=200')).items.length;
    for (const statement of [
      "update audit_log set action = 'forged'",
      'delete from audit_log',
      'truncate audit_log',
    ]) {
      const error = await h.database.db.execute(sql.raw(statement)).then(
        () => null,
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(error, statement).toMatch(/audit_log is append-only/);
    }
    const after = await auditLog('?limit=200');
    expect(after.items.length).toBe(before);
    expect(after.items.some((e) => e.action === 'forged')).toBe(false);
  });
});
