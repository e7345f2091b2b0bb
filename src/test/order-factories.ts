import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { OrderView } from '../modules/orders/index.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from './factories.js';
import type { Harness } from './harness.js';

export const day = 24 * 60 * 60 * 1000;

/** A fresh Idempotency-Key. */
export const newKey = () => `test-${randomUUID()}`;

/** Requests as a member, with an Idempotency-Key on posts (a new one unless given). */
export const money = (h: Harness, session?: Session) => {
  const base = session ? { cookie: session.cookie } : {};
  return {
    get: (url: string) => h.app.inject({ method: 'GET', url, headers: base }),
    post: (url: string, payload: object = {}, key: string | null = newKey()) =>
      h.app.inject({
        method: 'POST',
        url,
        headers: key ? { ...base, 'idempotency-key': key } : base,
        payload,
      }),
  };
};

/** An SWIFT MT940 statement with one credit per payment, as a bank would send it. */
export const mt940 = (
  payments: { amount: bigint; currency: string; remittance: string; bookedOn?: string; bankRef?: string }[],
  options: { account?: string; statement?: string } = {},
) => {
  const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  const major = (amount: bigint, currency: string) => {
    const digits = currency === 'JPY' ? 0 : 2;
    const s = amount.toString().padStart(digits + 1, '0');
    return digits === 0 ? `${s},` : `${s.slice(0, -digits)},${s.slice(-digits)}`;
  };
  const currency = payments[0]?.currency ?? 'USD';
  const day = payments[0]?.bookedOn ?? '2026-11-02';
  const lines = [
    `:20:${options.statement ?? `ST${Math.floor(Math.random() * 1e6)}`}`,
    `:25:${options.account ?? 'GB33BUKB20201555555555'}`,
    ':28C:00001/001',
    `:60F:C${yymmdd(day)}${currency}0,00`,
  ];
  for (const [i, p] of payments.entries()) {
    const d = yymmdd(p.bookedOn ?? day);
    lines.push(
      `:61:${d}${d.slice(2)}C${major(p.amount, p.currency)}NTRFNONREF//${p.bankRef ?? `BNK-${i}-${randomUUID().slice(0, 8)}`}`,
    );
    lines.push(`:86:${p.remittance}`);
  }
  lines.push(`:62F:C${yymmdd(day)}${currency}0,00`, '-');
  return lines.join('\r\n');
};

/** Uploads a statement file as the operator (multipart, with an Idempotency-Key). */
export const importStatement = (
  h: Harness,
  operator: Session,
  content: string,
  fileName = 'statement.sta',
  key = newKey(),
) => {
  const boundary = '----tradelane-statement';
  return h.app.inject({
    method: 'POST',
    url: '/api/payments/statements',
    headers: {
      cookie: operator.cookie,
      'idempotency-key': key,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

export type Parties = { buyer: Session; supplier: Session; operator: Session };

/** An order for `quantity` of a fresh product (USD 50.00 / 45.00 / 40.00 tiers, MOQ 10), placed by the buyer. */
export const placeOrder = async (
  h: Harness,
  { buyer, supplier }: Pick<Parties, 'buyer' | 'supplier'>,
  terms: Record<string, unknown> = {},
  quantity = 100,
): Promise<OrderView> => {
  const product = await newProduct(h, supplier);
  const response = await money(h, buyer).post(
    '/api/orders',
    { lines: [{ productId: product.id, quantity }], ...terms },
    null,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
};

export const getOrder = async (h: Harness, session: Session, id: string): Promise<OrderView> => {
  const response = await money(h, session).get(`/api/orders/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** Posts an order step and expects it to succeed. */
export const step = async (
  h: Harness,
  session: Session,
  id: string,
  action: string,
  payload: object = {},
) => {
  const response = await money(h, session).post(`/api/orders/${id}/${action}`, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as OrderView;
};

/** Pays a due in full by wire: the operator imports a statement carrying its reference. */
export const wireDue = async (
  h: Harness,
  parties: Parties,
  order: OrderView,
  kind: 'deposit' | 'balance',
) => {
  const due = order.dues.find((d) => d.kind === kind)!;
  const owed = BigInt(due.amount.amount) - BigInt(due.paid.amount);
  const response = await importStatement(
    h,
    parties.operator,
    mt940([{ amount: owed, currency: due.amount.currency, remittance: `PO PAYMENT ${due.reference}` }]),
  );
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().counts.matched).toBe(1);
  return getOrder(h, parties.buyer, order.id);
};

/** An order confirmed and funded (deposit paid): in production. */
export const orderInProduction = async (
  h: Harness,
  parties: Parties,
  terms: Record<string, unknown> = {},
) => {
  const placed = await placeOrder(h, parties, terms);
  const confirmed = await step(h, parties.supplier, placed.id, 'confirm');
  return confirmed.status === 'in_production' ? confirmed : wireDue(h, parties, confirmed, 'deposit');
};

/** An order taken through production, balance, shipping and receipt: in its protection window. */
export const receivedOrder = async (h: Harness, parties: Parties, terms: Record<string, unknown> = {}) => {
  let order = await orderInProduction(h, parties, terms);
  order = await step(h, parties.supplier, order.id, 'ready');
  if (order.status === 'awaiting_balance') order = await wireDue(h, parties, order, 'balance');
  await step(h, parties.supplier, order.id, 'ship', { carrier: 'COSCO', trackingNumber: 'COSU123456' });
  return step(h, parties.buyer, order.id, 'receive');
};

/** The buyer, supplier and operator of a test file: fresh companies made through the real routes. */
export const newParties = async (h: Harness): Promise<Parties> => ({
  buyer: await newBuyer(h),
  supplier: await newSupplier(h),
  operator: await newOperator(h),
});

/** Moves the clock and lets the scheduler's order sweep run (as it would every 5 minutes), then the outbox. */
export const passTime = async (h: Harness, ms: number) => {
  h.clock.advance(ms);
  await h.runTimer('orders.run-timers');
  await h.drainOutbox();
};
