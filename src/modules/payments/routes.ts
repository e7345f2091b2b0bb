import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idempotencyHeader, idempotent } from '../../http/idempotency.js';
import { readUploadedFile } from '../../http/uploads.js';
import { IdParams, orderPolicy } from '../orders/index.js';
import { importStatement } from './import-statement.js';
import { readLedgerAccount } from './ledger-access.js';
import { payOnline } from './pay-online.js';
import { paymentInstructions } from './payment-instructions.js';
import { listPayouts, markPayoutPaid } from './payouts.js';
import { assignPayment, dismissPayment, reconciliationQueue, returnPayment } from './reconciliation.js';

const Note = z.string().trim().min(1).max(500);

/** Paying, reconciling, paying out and reading the ledger. Money commands take an Idempotency-Key. */
export const registerPaymentRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['payments'];

  app.get(
    '/api/orders/:id/payment-instructions',
    {
      schema: {
        tags,
        summary: 'How to wire each open due: beneficiary, amount and reference',
        params: IdParams,
      },
    },
    (req) => paymentInstructions(req.ctx, { orderId: req.params.id }),
  );
  app.post(
    '/api/orders/:id/pay',
    {
      schema: {
        tags,
        summary: 'Pay a due online through the payment provider (buyer; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: z.strictObject({ dueId: z.string().min(1).max(64), token: z.string().min(1).max(200) }),
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'order.pay', (ctx) => payOnline(ctx, { orderId: req.params.id, ...req.body })),
  );
  app.post(
    '/api/payments/statements',
    {
      schema: {
        tags,
        summary: 'Import a bank statement, MT940 or camt.053 (multipart; operator; Idempotency-Key)',
        headers: idempotencyHeader,
      },
    },
    async (req, reply) => {
      // The policy comes before reading the body: a refused caller's upload is never read.
      orderPolicy.assertOperator(req.ctx.actor);
      const file = await readUploadedFile(req)();
      const fingerprint = createHash('sha256').update(file.data).digest('hex');
      return idempotent(
        req,
        reply,
        'payments.statement',
        (ctx) => importStatement(ctx, { fileName: file.fileName, content: file.data }),
        fingerprint,
      );
    },
  );
  app.get(
    '/api/payments/reconciliation',
    { schema: { tags, summary: 'The reconciliation queue: unmatched, partial and excess wires (operator)' } },
    (req) => reconciliationQueue(req.ctx),
  );
  app.post(
    '/api/payments/:id/assign',
    {
      schema: {
        tags,
        summary: 'Apply an unmatched wire to the due with this reference (operator; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: z.strictObject({ reference: z.string().trim().min(4).max(40) }),
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'payment.assign', (ctx) =>
        assignPayment(ctx, { paymentId: req.params.id, reference: req.body.reference }),
      ),
  );
  app.post(
    '/api/payments/:id/return',
    {
      schema: {
        tags,
        summary: 'Send back an unmatched wire or an overpayment (operator; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: z.strictObject({ note: Note }),
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'payment.return', (ctx) =>
        returnPayment(ctx, { paymentId: req.params.id, note: req.body.note }),
      ),
  );
  app.post(
    '/api/payments/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Take a partial payment off the queue (operator)',
        params: IdParams,
        body: z.strictObject({ note: Note }),
      },
    },
    (req) => dismissPayment(req.ctx, { paymentId: req.params.id, note: req.body.note }),
  );
  app.get(
    '/api/payouts',
    { schema: { tags, summary: "A supplier's payouts and payable balance (the operator sees all)" } },
    (req) => listPayouts(req.ctx),
  );
  app.post(
    '/api/payouts/:id/paid',
    {
      schema: {
        tags,
        summary: 'Record that the bank sent a payout (operator; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: z.strictObject({ bankReference: z.string().trim().min(1).max(100) }),
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'payout.paid', (ctx) =>
        markPayoutPaid(ctx, { payoutId: req.params.id, bankReference: req.body.bankReference }),
      ),
  );
  app.get(
    '/api/ledger/accounts/:id',
    {
      schema: {
        tags: ['ledger'],
        summary: "A ledger account's balances and transfers (its owner, the order's parties, the operator)",
        params: IdParams,
        querystring: z.strictObject({
          after: z.string().max(30).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    (req) => readLedgerAccount(req.ctx, { accountId: req.params.id, ...req.query }),
  );
};
