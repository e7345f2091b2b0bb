import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newOperator, newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import {
  getOrder,
  importStatement,
  money,
  mt940,
  newKey,
  type Parties,
  placeOrder,
  step,
} from '../../test/order-factories.js';
import { saveRates } from '../fx/index.js';
import { accountBalance, accountCode, getAccountByCode, verifyLedger } from '../ledger/index.js';
import type { OrderView } from '../orders/index.js';
import { incomingPayments } from './schema.js';

const h = useHarness();
let parties: Parties;

beforeAll(async () => {
  parties = { buyer: await newBuyer(h), supplier: await newSupplier(h), operator: await newOperator(h) };
});

/** A confirmed order awaiting its deposit (30 % of 4,500.00 USD = 1,350.00). */
const awaitingDeposit = async (terms: Record<string, unknown> = {}) => {
  const placed = await placeOrder(h, parties, terms);
  return step(h, parties.supplier, placed.id, 'confirm');
};
const deposit = (order: OrderView) => order.dues.find((d) => d.kind === 'deposit')!;

const balanceOf = async (code: string) => {
  const account = await getAccountByCode(h.database.db, code);
  return account ? (await accountBalance(h.database.db, account.id)).posted : 0n;
};

const camt053 = (
  entries: { amount: string; currency: string; remittance: string; ref: string }[],
) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-${Math.random()}</MsgId><CreDtTm>2026-11-02T06:00:00Z</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-2026-11-02</Id>
      <Acct><Id><IBAN>GB33BUKB20201555555555</IBAN></Id><Ccy>USD</Ccy></Acct>
      ${entries
        .map(
          (e) => `<Ntry>
        <Amt Ccy="${e.currency}">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-02</Dt></BookgDt><ValDt><Dt>2026-11-02</Dt></ValDt>
        <AcctSvcrRef>${e.ref}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>Garcia Importaciones SL</Nm></Dbtr><DbtrAcct><Id><IBAN>ES9121000418450200051332</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>${e.remittance}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
        )
        .join('\n')}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;

describe('bank statements', () => {
  it('reconciles an MT940 file to the right orders, and queues an unknown reference', async () => {
    const [a, b] = [await awaitingDeposit(), await awaitingDeposit()];
    const file = mt940([
      // Banks fold lines and change case: the reference still matches.
      {
        amount: 135000n,
        currency: 'USD',
        remittance: `INVOICE 77 ${deposit(a).reference.toLowerCase().replace('-', ' ')}`,
      },
      { amount: 135000n, currency: 'USD', remittance: `PO ${deposit(b).reference}` },
      { amount: 99900n, currency: 'USD', remittance: 'TL-AAAA-AAAA SOMETHING ELSE' },
    ]);
    const response = await importStatement(h, parties.operator, file);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    expect(summary.counts).toMatchObject({ credits: 3, matched: 2, unmatched: 1, duplicates: 0 });
    expect(summary.payments.map((p: { orderId: string | null }) => p.orderId)).toEqual([a.id, b.id, null]);
    expect((await getOrder(h, parties.buyer, a.id)).status).toBe('in_production');
    expect((await getOrder(h, parties.buyer, b.id)).status).toBe('in_production');

    const queue = (await money(h, parties.operator).get('/api/payments/reconciliation')).json();
    const unknown = queue.items.find((p: { amount: { amount: string } }) => p.amount.amount === '99900');
    expect(unknown).toMatchObject({ status: 'unmatched', orderId: null });
    // The money is booked, waiting in buyer clearing until the operator assigns or returns it.
    expect(await balanceOf(accountCode('buyer_clearing', 'USD'))).toBeGreaterThanOrEqual(99900n);

    // The same file again books nothing and says so.
    const again = await importStatement(h, parties.operator, file);
    expect(again.json()).toMatchObject({ alreadyImported: true, statementId: summary.statementId });
    expect((await getOrder(h, parties.buyer, a.id)).escrow.held.amount).toBe('135000');
  });

  it('reconciles a camt.053 file, and an overlapping statement does not book an entry twice', async () => {
    const order = await awaitingDeposit();
    const entry = {
      amount: '1350.00',
      currency: 'USD',
      remittance: `Deposit ${deposit(order).reference}`,
      ref: 'ACS-1',
    };
    const first = await importStatement(h, parties.operator, camt053([entry]), 'day1.xml');
    expect(first.json().counts.matched).toBe(1);
    const overlap = await importStatement(
      h,
      parties.operator,
      camt053([entry, { amount: '10.00', currency: 'USD', remittance: 'no reference here', ref: 'ACS-2' }]),
      'day1-2.xml',
    );
    expect(overlap.json().counts).toMatchObject({ credits: 2, duplicates: 1, unmatched: 1, matched: 0 });
    expect((await getOrder(h, parties.buyer, order.id)).escrow.held.amount).toBe('135000');
  });

  it('keeps a short payment in escrow and in the queue; an excess waits in clearing to be returned', async () => {
    const order = await awaitingDeposit();
    const ref = deposit(order).reference;
    const short = (
      await importStatement(
        h,
        parties.operator,
        mt940([{ amount: 100000n, currency: 'USD', remittance: ref }]),
      )
    ).json();
    expect(short.payments[0]).toMatchObject({ status: 'partial', orderId: order.id });
    let view = await getOrder(h, parties.buyer, order.id);
    expect(view.status).toBe('awaiting_deposit');
    expect(deposit(view).paid.amount).toBe('100000');

    const over = (
      await importStatement(
        h,
        parties.operator,
        mt940([{ amount: 50000n, currency: 'USD', remittance: ref }]),
      )
    ).json();
    expect(over.payments[0]).toMatchObject({ status: 'overpaid' });
    view = await getOrder(h, parties.buyer, order.id);
    expect(view.status).toBe('in_production');
    expect(view.escrow.held.amount).toBe('135000');

    const returned = await money(h, parties.operator).post(`/api/payments/${over.payments[0].id}/return`, {
      note: 'Excess sent back to the payer',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const dismissed = await money(h, parties.operator).post(`/api/payments/${short.payments[0].id}/dismiss`, {
      note: 'Completed by the second wire',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    const queue = (await money(h, parties.operator).get('/api/payments/reconciliation')).json();
    expect(queue.items.map((p: { id: string }) => p.id)).not.toContain(short.payments[0].id);
    expect(queue.items.map((p: { id: string }) => p.id)).not.toContain(over.payments[0].id);
  });

  it('lets the operator assign an unmatched wire to the right reference', async () => {
    const order = await awaitingDeposit();
    const wire = (
      await importStatement(
        h,
        parties.operator,
        mt940([{ amount: 135000n, currency: 'USD', remittance: 'ORDER FROM GARCIA' }]),
      )
    ).json();
    const wrong = await money(h, parties.operator).post(`/api/payments/${wire.payments[0].id}/assign`, {
      reference: 'TL-0000-0000',
    });
    expect(wrong.statusCode).toBe(400);
    const assigned = await money(h, parties.operator).post(`/api/payments/${wire.payments[0].id}/assign`, {
      reference: deposit(order).reference,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('in_production');
  });

  it('refuses a malformed file with the line at fault, and changes nothing', async () => {
    const before = await h.database.db.select().from(incomingPayments);
    const response = await importStatement(
      h,
      parties.operator,
      ':20:X\r\n:25:ACC\r\n:61:2611021102CABC,00NTRF//X\r\n-',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Line|line/);
    expect(await h.database.db.select().from(incomingPayments)).toHaveLength(before.length);
  });
});

describe('foreign exchange', () => {
  it('converts a wire in another currency at the rate of its booking day, through FX clearing', async () => {
    await saveRates(
      h.database.db,
      [
        { currency: 'EUR', day: '2026-11-01', usdPerUnit: '1.100000' },
        { currency: 'EUR', day: '2026-11-03', usdPerUnit: '1.200000' },
      ],
      'test',
    );
    const order = await awaitingDeposit({
      paymentTerms: { depositPercent: 100, balanceDue: 'before_shipment' },
    });
    // 4,090.92 EUR at 1.10 USD/EUR (2 November, not 3 November's 1.20) is 4,500.01 USD: one cent too much.
    const wire = mt940([
      { amount: 409092n, currency: 'EUR', remittance: deposit(order).reference, bookedOn: '2026-11-02' },
    ]);
    const result = (await importStatement(h, parties.operator, wire)).json();
    expect(result.payments[0]).toMatchObject({ status: 'overpaid' });
    const row = (
      await h.database.db
        .select()
        .from(incomingPayments)
        .where(eq(incomingPayments.id, result.payments[0].id))
    )[0]!;
    expect(row.appliedAmount).toBe(450000n);
    expect(row.excessAmount).toBe(1n);
    expect(row.fx).toMatchObject({ day: '2026-11-02', from: 'EUR', to: 'USD' });
    expect((await getOrder(h, parties.buyer, order.id)).status).toBe('in_production');
    expect(await balanceOf(accountCode('fx_clearing', 'EUR'))).toBe(409092n);
    expect(await balanceOf(accountCode('fx_clearing', 'USD'))).toBe(-450001n);
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});

describe('Idempotency-Key', () => {
  it('moves money once for one key; the same key with another body is refused; no key is refused', async () => {
    const order = await awaitingDeposit();
    const key = newKey();
    const body = { dueId: deposit(order).id, token: 'tok_sandbox_ok' };
    const first = await money(h, parties.buyer).post(`/api/orders/${order.id}/pay`, body, key);
    expect(first.statusCode, first.body).toBe(200);
    const repeat = await money(h, parties.buyer).post(`/api/orders/${order.id}/pay`, body, key);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(first.json());
    expect((await getOrder(h, parties.buyer, order.id)).escrow.held.amount).toBe('135000');

    const otherBody = await money(h, parties.buyer).post(
      `/api/orders/${order.id}/pay`,
      { ...body, token: 'tok_sandbox_declined' },
      key,
    );
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json().error.message).toMatch(/different request/);
    const noKey = await money(h, parties.buyer).post(`/api/orders/${order.id}/pay`, body, null);
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.message).toMatch(/Idempotency-Key/);
  });

  it('replays a statement import for the same key, and a failed command leaves the key free', async () => {
    const order = await awaitingDeposit();
    const key = newKey();
    const file = mt940([{ amount: 135000n, currency: 'USD', remittance: deposit(order).reference }]);
    const first = await importStatement(h, parties.operator, file, 'a.sta', key);
    const again = await importStatement(h, parties.operator, file, 'a.sta', key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const refundKey = newKey();
    const tooMuch = await money(h, parties.supplier).post(
      `/api/orders/${order.id}/refund`,
      { amount: '999999', reason: 'x' },
      refundKey,
    );
    expect(tooMuch.statusCode).toBe(409);
    const fixed = await money(h, parties.supplier).post(
      `/api/orders/${order.id}/refund`,
      { amount: '999999', reason: 'x' },
      refundKey,
    );
    // Still refused for the same reason, not replayed as a success: nothing was stored.
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('the sandbox payment provider', () => {
  it('leaves nothing behind when authorization is declined or capture fails', async () => {
    const order = await awaitingDeposit();
    const declined = await money(h, parties.buyer).post(`/api/orders/${order.id}/pay`, {
      dueId: deposit(order).id,
      token: 'tok_sandbox_declined',
    });
    expect(declined.statusCode).toBe(400);
    expect(declined.json().error.details.reason).toBe('card_declined');
    const failed = await money(h, parties.buyer).post(`/api/orders/${order.id}/pay`, {
      dueId: deposit(order).id,
      token: 'tok_sandbox_capture_fails',
    });
    expect(failed.statusCode).toBe(400);
    const view = await getOrder(h, parties.buyer, order.id);
    expect(view.status).toBe('awaiting_deposit');
    expect(view.escrow.held.amount).toBe('0');
    expect((await verifyLedger(h.database.db)).violations).toEqual([]);
  });
});
