import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/raw-sql.js';
import { adProduct } from '../test/ad-factories.js';
import { declarationInput } from '../test/declaration-factories.js';
import {
  newBuyer,
  newMember,
  newOperator,
  newProduct,
  newSupplier,
  productInput,
  type Session,
  signUp,
} from '../test/factories.js';
import { newForwarder, publishCard, seaCard } from '../test/freight-factories.js';
import { useHarness } from '../test/harness.js';
import { newKey, type Parties, placeOrder, receivedOrder, step } from '../test/order-factories.js';
import { as, newQuote, newRfq, offerInput, rfqInput } from '../test/sourcing-factories.js';

// A buyer (or anyone) who adds price, fee, status, owner or balance fields to
// a valid body is refused, told which fields, and nothing is written; prices
// and totals always come from the server.
const h = useHarness();
let parties: Parties;
let forwarder: Session;
/** Someone signed up without a company yet. */
let newcomer: Pick<Session, 'cookie'>;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
  forwarder = await newForwarder(h);
  newcomer = await signUp(h);
});

/** Rows per table of the application's schema: equal before and after means nothing was written. */
const rowCounts = async () => {
  const tables = await queryRows<{ name: string }>(
    h.database.db,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts = await queryRows<{ name: string; rows: string }>(
    h.database.db,
    sql.join(
      tables.map((t) => sql`select ${t.name} as name, count(*)::text as rows from ${sql.identifier(t.name)}`),
      sql` union all `,
    ),
  );
  return Object.fromEntries(counts.map((c) => [c.name, c.rows]));
};

/** Fields a client must never set: prices, fees, totals, states, owners, balances, trust. */
const forbidden = {
  price: '1',
  unitPrice: '1',
  totalMinor: '1',
  total: { amount: '1', currency: 'USD' },
  fee: '0',
  feePercent: 0,
  status: 'completed',
  companyId: 'co_someone_else',
  ownerId: 'usr_me',
  supplierId: 'co_someone_else',
  buyerId: 'co_someone_else',
  balance: '99999999',
  verified: true,
  verificationLevel: 'onsite_audited',
  role: 'owner',
};
/** `forbidden` less the fields a route legitimately takes (a campaign's status, a top-up's supplier). */
const forbiddenExcept = (...allowed: string[]) =>
  Object.fromEntries(Object.entries(forbidden).filter(([k]) => !allowed.includes(k)));

type Case = {
  name: string;
  session: () => Pick<Session, 'cookie'>;
  method?: 'POST' | 'PATCH' | 'PUT';
  /** The route and a body it accepts as is. */
  prepare: () => Promise<{ url: string; body: Record<string, unknown> }>;
  /** The extra fields, added at the top level unless `nested` places them deeper. */
  extra: Record<string, unknown>;
  nested?: (body: Record<string, unknown>, extra: Record<string, unknown>) => Record<string, unknown>;
  /** Money commands take an Idempotency-Key, so their refusal is for the body and not the header. */
  keyed?: boolean;
};

const cases: Case[] = [
  {
    name: 'place an order from products',
    session: () => parties.buyer,
    prepare: async () => {
      const product = await newProduct(h, parties.supplier);
      return { url: '/api/orders', body: { lines: [{ productId: product.id, quantity: 100 }] } };
    },
    extra: forbidden,
  },
  {
    name: 'place an order with a price on its line',
    session: () => parties.buyer,
    prepare: async () => {
      const product = await newProduct(h, parties.supplier);
      return { url: '/api/orders', body: { lines: [{ productId: product.id, quantity: 100 }] } };
    },
    extra: { unitPrice: '1', amount: '100', price: '1', currency: 'USD' },
    nested: (body, extra) => ({
      ...body,
      lines: (body.lines as object[]).map((line) => ({ ...line, ...extra })),
    }),
  },
  {
    name: 'order an accepted quote',
    session: () => parties.buyer,
    prepare: async () => {
      const rfq = await newRfq(h, parties.buyer);
      const quote = await newQuote(h, parties.supplier, rfq.id);
      expect((await as(h, parties.buyer).post(`/api/quotes/${quote.id}/accept`)).statusCode).toBe(200);
      return { url: `/api/quotes/${quote.id}/order`, body: {} };
    },
    extra: forbidden,
  },
  {
    name: 'draft an RFQ',
    session: () => parties.buyer,
    prepare: async () => ({ url: '/api/rfqs', body: rfqInput(h) }),
    extra: forbidden,
  },
  {
    name: 'submit a quote',
    session: () => parties.supplier,
    prepare: async () => {
      const rfq = await newRfq(h, parties.buyer);
      return { url: `/api/rfqs/${rfq.id}/quotes`, body: offerInput(h) as unknown as Record<string, unknown> };
    },
    extra: forbidden,
  },
  {
    name: 'pay a due online',
    session: () => parties.buyer,
    keyed: true,
    prepare: async () => {
      const order = await step(h, parties.supplier, (await placeOrder(h, parties)).id, 'confirm');
      const due = order.dues.find((d) => d.kind === 'deposit')!;
      return { url: `/api/orders/${order.id}/pay`, body: { dueId: due.id, token: 'tok_sandbox_ok' } };
    },
    extra: { ...forbidden, amount: '1' },
  },
  {
    name: 'refund from escrow',
    session: () => parties.supplier,
    keyed: true,
    prepare: async () => {
      const order = await receivedOrder(h, parties);
      return { url: `/api/orders/${order.id}/refund`, body: { amount: '1000', reason: 'Dent' } };
    },
    extra: forbidden,
  },
  {
    name: 'confirm an order (a command without input)',
    session: () => parties.supplier,
    prepare: async () => ({ url: `/api/orders/${(await placeOrder(h, parties)).id}/confirm`, body: {} }),
    extra: forbidden,
  },
  {
    name: 'book freight',
    session: () => parties.buyer,
    prepare: async () => {
      const { departures } = await publishCard(h, forwarder);
      return {
        url: '/api/freight/bookings',
        body: {
          departureId: departures[0]!.id,
          cargo: { containers: { type: '40HQ', count: 1 } },
          guaranteed: false,
          readyDate: '2026-11-05',
        },
      };
    },
    extra: { ...forbidden, shipperId: 'co_someone_else' },
  },
  {
    name: 'publish a rate card',
    session: () => forwarder,
    prepare: async () => ({ url: '/api/freight/rate-cards', body: seaCard() }),
    extra: forbidden,
  },
  {
    name: 'list a product',
    session: () => parties.supplier,
    prepare: async () => ({
      url: '/api/products',
      body: productInput() as unknown as Record<string, unknown>,
    }),
    extra: { ...forbidden, supplierQuality: 100, searchBoost: 10 },
  },
  {
    name: 'edit a product',
    session: () => parties.supplier,
    method: 'PATCH',
    prepare: async () => {
      const product = await newProduct(h, parties.supplier);
      return {
        url: `/api/products/${product.id}`,
        body: { title: { en: 'Centrifugal water pump, cast iron' } },
      };
    },
    // A supplier may archive its product: status is its to set, within its values.
    extra: { ...forbiddenExcept('status'), supplierQuality: 100, searchBoost: 10 },
  },
  {
    name: 'start an ad campaign',
    session: () => parties.supplier,
    prepare: async () => {
      const product = await adProduct(h, parties.supplier);
      return {
        url: '/api/ads/campaigns',
        body: {
          name: 'Pumps',
          dailyBudget: '1000',
          keywords: [{ text: 'water pump', matchType: 'phrase', bid: '50' }],
          products: [product.id],
        },
      };
    },
    extra: { ...forbiddenExcept('status'), spent: '0', qualityScore: 5 },
  },
  {
    name: "top up a supplier's ad wallet",
    session: () => parties.operator,
    keyed: true,
    prepare: async () => ({
      url: '/api/ads/wallet/top-ups',
      body: {
        supplierId: parties.supplier.companyId,
        amount: '5000',
        currency: 'USD',
        bankReference: `TT-${newKey()}`,
      },
    }),
    extra: forbiddenExcept('supplierId'),
  },
  {
    name: 'register a company',
    session: () => newcomer,
    prepare: async () => ({
      url: '/api/companies',
      body: { name: 'Second company', kind: 'buyer', country: 'ES' },
    }),
    extra: { ...forbidden, kind: 'operator' },
  },
  {
    name: 'issue an API key',
    session: () => parties.supplier,
    prepare: async () => ({ url: '/api/api-keys', body: { name: 'ERP' } }),
    extra: forbiddenExcept('role'),
  },
  {
    name: 'draft an export declaration',
    session: () => parties.supplier,
    prepare: async () => ({ url: '/api/declarations', body: declarationInput() }),
    extra: forbidden,
  },
];

describe('a body with fields the client may not set is refused, and nothing is written', () => {
  it.each(cases)('$name', async ({ session, method = 'POST', prepare, extra, nested, keyed }) => {
    const { url, body } = await prepare();
    const before = await rowCounts();
    const response = await h.app.inject({
      method,
      url,
      headers: { cookie: session().cookie, ...(keyed ? { 'idempotency-key': newKey() } : {}) },
      payload: nested ? nested(body, extra) : { ...body, ...extra },
    });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: expect.any(Array) } });
    // Every field is named: as an unknown key, or by its path when the route has a field of that
    // name whose value is not one a client may choose (a company of kind "operator").
    for (const field of Object.keys(extra))
      expect(error.message).toMatch(new RegExp(`"${field}"|\\.${field}: `));
    expect(await rowCounts()).toEqual(before);

    // The same body without the extra fields goes through: the refusal was for them alone.
    const valid = await h.app.inject({
      method,
      url,
      headers: { cookie: session().cookie, ...(keyed ? { 'idempotency-key': newKey() } : {}) },
      payload: body,
    });
    expect(valid.statusCode, valid.body).toBeLessThan(300);
  });
});

/** The unit price of `quantity` in a list of quantity tiers, as a buyer reads the price table. */
const tierPrice = (
  tiers: { minQuantity: number; maxQuantity: number | null; unitPrice: string }[],
  quantity: number,
) =>
  BigInt(
    tiers.find((t) => t.minQuantity <= quantity && (t.maxQuantity === null || quantity <= t.maxQuantity))!
      .unitPrice,
  );

describe('order totals are the server’s', () => {
  it('an order from products is priced from their quantity tiers, line by line', async () => {
    const tiers = productInput().priceTiers;
    const [a, b] = [await newProduct(h, parties.supplier), await newProduct(h, parties.supplier)];
    for (const quantities of [[10], [99, 100], [499, 500], [1000, 10]]) {
      const lines = quantities.map((quantity, i) => ({ productId: (i === 0 ? a : b).id, quantity }));
      const response = await as(h, parties.buyer).post('/api/orders', { lines });
      expect(response.statusCode, response.body).toBe(201);
      const order = response.json();
      const expected = quantities.map((q) => tierPrice(tiers, q));
      expect(order.lines.map((l: { unitPrice: { amount: string } }) => BigInt(l.unitPrice.amount))).toEqual(
        expected,
      );
      expect(order.lines.map((l: { amount: { amount: string } }) => BigInt(l.amount.amount))).toEqual(
        quantities.map((q, i) => BigInt(q) * expected[i]!),
      );
      const total = quantities.reduce((sum, q, i) => sum + BigInt(q) * expected[i]!, 0n);
      expect(order.total).toEqual({ amount: total.toString(), currency: 'USD' });
    }
  });

  it("an order from a quote is priced from the accepted version's tiers", async () => {
    const rfq = await newRfq(h, parties.buyer);
    const offer = offerInput(h);
    const quote = await newQuote(h, parties.supplier, rfq.id, offer);
    expect((await as(h, parties.buyer).post(`/api/quotes/${quote.id}/accept`)).statusCode).toBe(200);
    const response = await as(h, parties.buyer).post(`/api/quotes/${quote.id}/order`, {});
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json();
    const total = offer.lines.reduce(
      (sum, line) => sum + BigInt(line.quantity) * tierPrice(line.priceTiers, line.quantity),
      0n,
    );
    expect(order.total).toEqual({ amount: total.toString(), currency: offer.currency });
    // Once confirmed, the dues split that total, to the minor unit.
    const confirmed = await step(h, parties.supplier, order.id, 'confirm');
    const dues = confirmed.dues.reduce((sum, d) => sum + BigInt(d.amount.amount), 0n);
    expect(dues).toBe(total);
  });
});

describe('account and member routes (better-auth, behind /api/auth)', () => {
  it('sign-up keeps none of the trust or role fields a client adds', async () => {
    const email = `${newKey()}@test.tradelane.dev`;
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: {
        name: 'Eve',
        email,
        password: 'correct-horse-battery',
        emailVerified: true,
        role: 'owner',
        companyId: parties.supplier.companyId,
        activeOrganizationId: parties.supplier.companyId,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().user.emailVerified).toBe(false);
    const cookie = [response.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ');
    const me = (await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ company: null, role: null });
  });

  it('a member cannot invite someone in with a higher role than an owner grants', async () => {
    const sales = await newMember(h, parties.supplier, 'sales');
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/auth/organization/invite-member',
      headers: { cookie: sales.cookie },
      payload: {
        email: `${newKey()}@test.tradelane.dev`,
        role: 'owner',
        organizationId: parties.supplier.companyId,
      },
    });
    expect(response.statusCode).toBe(403);
  });
});
