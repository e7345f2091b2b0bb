import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { declarationInput, declare, moveTo, newDeclaration } from '../../test/declaration-factories.js';
import { newBuyer, newOperator, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { newParties, receivedOrder, step } from '../../test/order-factories.js';
import { verifyLedger } from '../ledger/index.js';

const h = useHarness();

const count = async () =>
  (
    await queryRows<{ d: number; e: number }>(
      h.database.db,
      sql`select (select count(*)::int from export_declarations) as d, (select count(*)::int from export_declaration_events) as e`,
    )
  )[0];

let exporter: Session;
beforeAll(async () => {
  exporter = await newSupplier(h);
});

describe('drafting a declaration', () => {
  it('stores the lines with their values, FOB or CIF by Incoterm, and the first step with its actor', async () => {
    const created = await declare(h, exporter, declarationInput());
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({
      status: 'drafted',
      valuationBasis: 'CIF',
      currency: 'USD',
      // 2,000 × 0.85 + 300 × 4.20 = 1,700.00 + 1,260.00
      totalValue: '296000',
      exporter: { localName: '义乌市星辰日用品有限公司', taxId: '91330782MA2D3K8L7A' },
    });
    expect(d.number).toMatch(/^TL-EX-2026-[0-9A-Z]{8}$/);
    expect(d.lines.map((l: { value: string }) => l.value)).toEqual(['170000', '126000']);
    expect(d.lines[0]).toMatchObject({ netWeightKg: 160, grossWeightKg: 190.5 });
    expect(d.timeline).toEqual([
      expect.objectContaining({
        from: null,
        to: 'drafted',
        actor: expect.objectContaining({ userId: exporter.userId, companyId: exporter.companyId }),
      }),
    ]);
    const fob = await declare(h, exporter, declarationInput({ incoterm: 'FOB' }));
    expect(fob.json().valuationBasis).toBe('FOB');
  });

  it('names the field and the line of every broken rule, and writes nothing', async () => {
    const before = await count();
    const input = declarationInput();
    const lines = input.lines as Record<string, unknown>[];
    const response = await declare(h, exporter, {
      ...input,
      portOfLoading: 'PVG',
      lines: [
        { ...lines[0], hsCode: '853999', tariffCode: '8539100000' },
        { ...lines[1], grossWeightKg: 100, originProvince: '999999' },
      ],
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.portOfLoading',
      'body.lines.0.hsCode',
      'body.lines.0.tariffCode',
      'body.lines.1.grossWeightKg',
      'body.lines.1.originProvince',
    ]);
    expect(error.message).toContain('Line 1: 853999 is not an HS 2022 subheading');
    expect(error.message).toContain('Line 2: gross weight 100 kg is less than the net weight 150 kg');
    // A mistyped unified social credit code, and an unknown statutory unit (refused by the schema).
    const badTaxId = await declare(
      h,
      exporter,
      declarationInput({ exporter: { taxId: '91330782MA2D3K8L7B' } }),
    );
    expect(badTaxId.json().error.details.field).toBe('exporter.taxId');
    const badUnit = await declare(h, exporter, {
      ...input,
      lines: [{ ...lines[0], unit: 'bags' }],
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().error.details.issues[0].path).toBe('body.lines.0.unit');
    // UN Comtrade's "not specified according to kind" (999999) is not an HS code.
    const unspecified = await declare(h, exporter, {
      ...input,
      lines: [{ ...lines[0], hsCode: '999999', tariffCode: null }],
    });
    expect(unspecified.json().error.details.issues[0].path).toBe('body.lines.0.hsCode');
    expect(await count()).toEqual(before);
  });

  it('refuses an embargoed destination with the reason, and writes nothing', async () => {
    const before = await count();
    const response = await declare(
      h,
      exporter,
      declarationInput({
        destinationCountry: 'KP',
        consignee: { name: 'Korea General Trading', address: 'Pyongyang', country: 'KP' },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        field: 'destinationCountry',
        findings: [expect.objectContaining({ code: 'EMBARGOED_DESTINATION' })],
      },
    });
    expect(response.json().error.message).toContain('UN Security Council');
    expect(await count()).toEqual(before);
  });

  it('flags goods under export licence and implausible values, and refuses arms to a restricted destination', async () => {
    const input = declarationInput();
    const lines = input.lines as Record<string, unknown>[];
    const tungsten = {
      ...lines[0],
      hsCode: '810194',
      tariffCode: null,
      description: 'Tungsten bars',
      unitPrice: '1',
      quantity: 1000,
      unit: 'kg',
      netWeightKg: 1000,
      grossWeightKg: 1010,
    };
    const flagged = await declare(h, exporter, { ...input, lines: [tungsten] });
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(
      flagged.json().findings.map((f: { level: string; code: string }) => `${f.level}:${f.code}`),
    ).toEqual(['licence:LICENCE_EXPORT_LICENCE', 'warning:VALUE_TOO_LOW']);
    const arms = await declare(h, exporter, {
      ...input,
      destinationCountry: 'LY',
      consignee: { name: 'Tripoli Imports', address: '', country: 'LY' },
      lines: [{ ...lines[0], hsCode: '930190', tariffCode: null, description: 'Rifles' }],
    });
    expect(arms.statusCode).toBe(400);
    expect(arms.json().error.details.findings[0].code).toBe('ARMS_TO_RESTRICTED_DESTINATION');
  });
});

describe('the lifecycle of a declared order', () => {
  it('runs from the draft to the rebate paid, with FX and the rebate on the ledger', async () => {
    const parties = await newParties(h);
    const received = await receivedOrder(h, parties);
    await step(h, parties.buyer, received.id, 'complete');
    const { supplier, operator } = parties;
    const d = await newDeclaration(h, supplier, {
      orderId: received.id,
      consignee: null,
      incoterm: null,
      currency: null,
      destinationCountry: null,
      lines: [
        {
          hsCode: '853952',
          description: 'LED light bulbs, E27, 9 W',
          quantity: 100,
          unit: 'pcs',
          unitPrice: '4500',
          netWeightKg: 8,
          grossWeightKg: 10,
          packages: 2,
          originProvince: '440000',
        },
      ],
    });
    // The consignee, currency and Incoterm come from the order.
    const view = await h.app.inject({
      method: 'GET',
      url: `/api/declarations/${d.id}`,
      headers: { cookie: supplier.cookie },
    });
    expect(view.json()).toMatchObject({
      currency: 'USD',
      consignee: { country: 'ES' },
      totalValue: '450000',
    });

    // Customs answers are the declarant's (the platform): the exporter cannot record them.
    await moveTo(h, supplier, d.id, { to: 'declared' });
    const byExporter = await h.app.inject({
      method: 'POST',
      url: `/api/declarations/${d.id}/transition`,
      headers: { cookie: supplier.cookie },
      payload: { to: 'released' },
    });
    expect(byExporter.statusCode).toBe(403);
    await moveTo(h, operator, d.id, { to: 'released' });
    await moveTo(h, operator, d.id, { to: 'exported', exportedOn: '2026-11-02' });

    const received$ = await moveTo(h, supplier, d.id, { to: 'fx_received' });
    // 4,500.00 less the 3 % fee: what escrow released to the supplier.
    expect(received$.fx).toMatchObject({
      received: { amount: '436500', currency: 'USD' },
      source: 'escrow_release',
    });
    const settled = await moveTo(h, supplier, d.id, { to: 'fx_settled' });
    // At 0.14 USD per CNY: 4,365.00 USD = 31,178.57 CNY.
    expect(settled.fx).toMatchObject({ cny: '3117857', rate: '7.142857' });

    // A VAT invoice at the wrong rate does not match: the declaration says why.
    const mismatch = await moveTo(h, supplier, d.id, {
      to: 'vat_invoice_matched',
      vatInvoices: [{ lineNo: 1, invoiceNumber: '044031900111', amount: '2260000', vatRatePct: 9 }],
    });
    expect(mismatch.status).toBe('vat_invoice_mismatch');
    expect(mismatch.timeline.at(-1).details.problems[0]).toContain('charges 9 % VAT');
    // 22,600.00 CNY with 13 % VAT: 20,000.00 before VAT, 13 % rebate = 2,600.00.
    const matched = await moveTo(h, supplier, d.id, {
      to: 'vat_invoice_matched',
      vatInvoices: [{ lineNo: 1, invoiceNumber: '044031900111', amount: '2260000', vatRatePct: 13 }],
    });
    expect(matched.status).toBe('vat_invoice_matched');
    expect(matched.rebate).toMatchObject({
      month: '2026-11',
      total: '260000',
      lines: [expect.objectContaining({ netAmount: '2000000', rebate: '260000', vatRateBps: 1300 })],
    });
    await moveTo(h, operator, d.id, { to: 'rebate_declared' });
    await moveTo(h, operator, d.id, { to: 'rebate_approved' });
    const paid = await moveTo(h, operator, d.id, { to: 'rebate_paid' });
    expect(paid.status).toBe('rebate_paid');
    expect(paid.timeline.map((e: { to: string }) => e.to)).toEqual([
      'drafted',
      'declared',
      'released',
      'exported',
      'fx_received',
      'fx_settled',
      'vat_invoice_mismatch',
      'vat_invoice_matched',
      'rebate_declared',
      'rebate_approved',
      'rebate_paid',
    ]);
    expect(paid.timeline.find((e: { to: string }) => e.to === 'released').actor.companyId).toBe(
      operator.companyId,
    );

    const balances = await queryRows<{ code: string; debits: string; credits: string }>(
      h.database.db,
      sql`select code, debits_posted::text as debits, credits_posted::text as credits from ledger_accounts
           where company_id = ${supplier.companyId} and kind = 'supplier_payable' order by code`,
    );
    // USD payable: released 4,365.00 then converted away; CNY payable: the conversion plus the rebate.
    expect(balances).toEqual([
      { code: `supplier_payable:${supplier.companyId}:CNY`, debits: '0', credits: String(3117857 + 260000) },
      { code: `supplier_payable:${supplier.companyId}:USD`, debits: '436500', credits: '436500' },
    ]);
    const report = await verifyLedger(h.database.db);
    expect(report.ok, JSON.stringify(report.violations)).toBe(true);

    // The month's rebates, and the same as CSV.
    const month = await h.app.inject({
      method: 'GET',
      url: '/api/rebates?month=2026-11',
      headers: { cookie: supplier.cookie },
    });
    expect(month.json()).toMatchObject({
      total: '260000',
      suppliers: [{ companyId: supplier.companyId, claims: 1 }],
    });
    const csv = await h.app.inject({
      method: 'GET',
      url: '/api/rebates.csv?month=2026-11',
      headers: { cookie: supplier.cookie },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain(',853952,044031900111,22600.00,13,20000.00,13,2600.00');
  });

  it('refuses an impossible step and a declaration of another supplier’s order', async () => {
    const other = await newSupplier(h);
    const d = await newDeclaration(h, exporter);
    const skip = await h.app.inject({
      method: 'POST',
      url: `/api/declarations/${d.id}/transition`,
      headers: { cookie: exporter.cookie },
      payload: { to: 'fx_received' },
    });
    expect(skip.statusCode).toBe(409);
    const parties = await newParties(h);
    const received = await receivedOrder(h, parties);
    const stolen = await declare(h, other, declarationInput({ orderId: received.id }));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details.field).toBe('orderId');
  });
});

describe('documents', () => {
  it('lets the buyer of the order download the invoice and packing list, not the declaration sheet', async () => {
    const parties = await newParties(h);
    const received = await receivedOrder(h, parties);
    const d = await newDeclaration(h, parties.supplier, {
      orderId: received.id,
      consignee: null,
      currency: null,
      incoterm: null,
      destinationCountry: null,
    });
    const get = (session: Session, kind: string) =>
      h.app.inject({
        method: 'GET',
        url: `/api/declarations/${d.id}/documents/${kind}`,
        headers: { cookie: session.cookie },
      });
    for (const kind of ['invoice.pdf', 'packing-list.pdf', 'declaration.pdf']) {
      const response = await get(parties.supplier, kind);
      expect(response.statusCode, kind).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await get(parties.buyer, 'invoice.pdf')).statusCode).toBe(200);
    expect((await get(parties.buyer, 'declaration.pdf')).statusCode).toBe(404);
    expect((await get(await newBuyer(h), 'invoice.pdf')).statusCode).toBe(404);
    expect((await get(parties.supplier, 'invoice.docx')).statusCode).toBe(400);
    expect((await get(await newOperator(h), 'declaration.pdf')).statusCode).toBe(200);
  });
});
