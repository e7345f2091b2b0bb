import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw-sql.js';
import { newDeclaration } from '../../test/declaration-factories.js';
import { newBuyer, newMember, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { newParties, receivedOrder } from '../../test/order-factories.js';
import { extractPdfText } from './documents/pdf-text.js';

const h = useHarness();

const as = (session: Session | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie } : {},
    ...(payload ? { payload } : {}),
  });

/** Everything a declaration route could change. */
const snapshot = () =>
  queryRows(
    h.database.db,
    sql`select (select count(*)::int from export_declarations) as declarations,
               (select string_agg(id || ':' || status, ',' order by id) from export_declarations) as statuses,
               (select count(*)::int from export_declaration_events) as events,
               (select count(*)::int from export_fx_settlements) as fx,
               (select count(*)::int from export_rebate_claims) as claims`,
  );

let exporterA: Session;
let purchasingA: Session;
let exporterB: Session;
let buyerB: Session;
let declarationA: string;

beforeAll(async () => {
  exporterA = await newSupplier(h);
  purchasingA = await newMember(h, exporterA, 'purchasing');
  exporterB = await newSupplier(h);
  buyerB = await newBuyer(h);
  declarationA = (await newDeclaration(h, exporterA)).id;
});

const idRoutes = (): [string, 'GET' | 'POST', string, object?][] => [
  ['view', 'GET', `/api/declarations/${declarationA}`],
  ['move', 'POST', `/api/declarations/${declarationA}/transition`, { to: 'declared' }],
  ['invoice', 'GET', `/api/declarations/${declarationA}/documents/invoice.pdf`],
  ['packing list', 'GET', `/api/declarations/${declarationA}/documents/packing-list.pdf`],
  ['declaration sheet', 'GET', `/api/declarations/${declarationA}/documents/declaration.pdf`],
];

describe('export declarations: tenant isolation', () => {
  it('answers 401 to anonymous callers on every declaration route', async () => {
    const before = await snapshot();
    for (const [name, method, url, payload] of idRoutes())
      expect((await as(undefined, method, url, payload)).statusCode, name).toBe(401);
    for (const url of ['/api/declarations', '/api/rebates?month=2026-11', '/api/rebates.csv?month=2026-11'])
      expect((await as(undefined, 'GET', url)).statusCode, url).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 to another company's members on every route, exactly as for an unknown id", async () => {
    const before = await snapshot();
    for (const [who, session] of [
      ['another exporter', exporterB],
      ['a buyer of no order of it', buyerB],
    ] as const) {
      for (const [name, method, url, payload] of idRoutes()) {
        const response = await as(session, method, url, payload);
        expect(response.statusCode, `${who}: ${name}`).toBe(404);
        const unknown = await as(session, method, url.replace(declarationA, 'dec_nonexistent'), payload);
        expect(unknown.statusCode, `${who}: ${name} (unknown id)`).toBe(404);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 403 to a member of the exporter whose role cannot take the step', async () => {
    const before = await snapshot();
    const move = await as(purchasingA, 'POST', `/api/declarations/${declarationA}/transition`, {
      to: 'declared',
    });
    expect(move.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("lists and totals only the company's own declarations and rebates", async () => {
    const mine = (await as(exporterA, 'GET', '/api/declarations')).json() as { id: string }[];
    expect(mine.map((d) => d.id)).toEqual([declarationA]);
    expect((await as(exporterB, 'GET', '/api/declarations')).json()).toEqual([]);
    expect((await as(buyerB, 'GET', '/api/declarations')).statusCode).toBe(403);
    expect((await as(exporterB, 'GET', '/api/rebates?month=2026-11')).json()).toMatchObject({
      claims: [],
      total: '0',
    });
  });
});

describe('the commercial invoice', () => {
  it('prints the buyer, the lines, the totals and the Chinese name of the exporter', async () => {
    const parties = await newParties(h);
    const order = await receivedOrder(h, parties);
    const d = await newDeclaration(h, parties.supplier, {
      orderId: order.id,
      consignee: { name: 'Iluminación Ibérica S.L.', address: 'Calle Mayor 1, Madrid', country: 'ES' },
      currency: null,
      incoterm: null,
    });
    const response = await as(parties.buyer, 'GET', `/api/declarations/${d.id}/documents/invoice.pdf`);
    expect(response.statusCode).toBe(200);
    const text = (await extractPdfText(response.rawPayload)).join('\n');
    for (const expected of [
      'COMMERCIAL INVOICE',
      d.number,
      'Iluminación Ibérica S.L.',
      '义乌市星辰日用品有限公司',
      'LED light bulbs, E27, 9 W',
      '853952',
      'Stainless steel kettles, 1.5 L',
      '1,700.00',
      '1,260.00',
      '2,960.00',
    ])
      expect(text, expected).toContain(expected);
  });
});
