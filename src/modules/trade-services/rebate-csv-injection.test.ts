import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../core/csv.js';
import { moveTo, newDeclaration } from '../../test/declaration-factories.js';
import { newBuyer, newOperator, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { receivedOrder, step } from '../../test/order-factories.js';

const h = useHarness();

/** Cells a spreadsheet would run as formulas (=, +, -, @; a leading tab or CR hides one). */
const formulas = [
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
];

describe('CSV exports neutralise formula cells', () => {
  it('writes every formula-looking cell as text, leaving other cells as they are', () => {
    const csv = writeCsv(['name', 'amount'], [...formulas.map((name) => ({ name, amount: '12.50' }))]);
    const rows = parse(csv, { columns: true }) as { name: string; amount: string }[];
    expect(rows.map((r) => r.name)).toEqual(formulas.map((f) => `'${f}`));
    expect(rows.every((r) => r.amount === '12.50')).toBe(true);
  });

  it('exports a supplier whose name is a formula as inert text at GET /api/rebates.csv', async () => {
    const supplier = await newSupplier(h, { name: formulas[0] });
    const parties = { supplier, buyer: await newBuyer(h), operator: await newOperator(h) };
    const received = await receivedOrder(h, parties);
    await step(h, parties.buyer, received.id, 'complete');
    const d = await newDeclaration(h, supplier, {
      orderId: received.id,
      consignee: null,
      incoterm: null,
      currency: null,
      destinationCountry: null,
      lines: [
        {
          hsCode: '853952',
          description: '=1+1 LED bulbs',
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
    await moveTo(h, supplier, d.id, { to: 'declared' });
    await moveTo(h, parties.operator, d.id, { to: 'released' });
    await moveTo(h, parties.operator, d.id, { to: 'exported', exportedOn: '2026-11-02' });
    await moveTo(h, supplier, d.id, { to: 'fx_received' });
    await moveTo(h, supplier, d.id, { to: 'fx_settled' });
    await moveTo(h, supplier, d.id, {
      to: 'vat_invoice_matched',
      vatInvoices: [{ lineNo: 1, invoiceNumber: '044031900111', amount: '2260000', vatRatePct: 13 }],
    });

    const csv = await h.app.inject({
      method: 'GET',
      url: '/api/rebates.csv?month=2026-11',
      headers: { cookie: supplier.cookie },
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.supplier).toBe(`'${formulas[0]}`);
    // No cell of the file starts a formula.
    for (const cell of Object.values(rows[0]!)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
