import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import { idempotencyHeader, idempotent, idempotentWhenKeyed } from '../../http/idempotency.js';
import { sendDownload } from '../../http/uploads.js';
import {
  CancelBody,
  CreateOrderBody,
  DecideDisputeBody,
  DisputeSchema,
  IdParams,
  OpenDisputeBody,
  OrderFromQuoteBody,
  OrderListQuery,
  OrderListSchema,
  OrderSchema,
  RefundBody,
  RespondDisputeBody,
  ShipBody,
} from './api.js';
import { cancelOrder, completeOrder, refundOrder } from './close-order.js';
import { createOrder, createOrderFromQuote } from './create-order.js';
import {
  decideDispute,
  escalateDispute,
  getDispute,
  listDisputeDesk,
  listOrderDisputes,
  openDispute,
  readDisputeEvidence,
  respondToDispute,
  withdrawDispute,
} from './disputes.js';
import { confirmOrder, markOrderDelivered, markOrderReady, receiveOrder, shipOrder } from './fulfil-order.js';
import { getOrder, listOrders } from './get-order.js';
import { disputeStatuses } from './schema.js';

/** Orders and disputes. Commands that move money take an Idempotency-Key header. */
export const registerOrderRoutes = (instance: FastifyInstance, options: { dataDir: string }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];
  const orderResponse = { 200: OrderSchema };

  app.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: "Order from a supplier's products at list prices (buyer; Idempotency-Key recommended)",
        headers: idempotencyHeader,
        body: CreateOrderBody,
        response: { 201: OrderSchema },
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'order.create', (ctx) => {
        reply.status(201);
        return createOrder(ctx, req.body);
      }),
  );
  app.post(
    '/api/quotes/:id/order',
    {
      schema: {
        tags,
        summary: 'Order from an accepted quote (buyer; Idempotency-Key recommended)',
        params: IdParams,
        headers: idempotencyHeader,
        body: OrderFromQuoteBody,
        response: { 201: OrderSchema },
      },
    },
    (req, reply) =>
      idempotentWhenKeyed(req, reply, 'order.create-from-quote', (ctx) => {
        reply.status(201);
        return createOrderFromQuote(ctx, { quoteId: req.params.id, ...req.body });
      }),
  );
  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: "The company's orders, newest first",
        querystring: OrderListQuery,
        response: { 200: OrderListSchema },
      },
    },
    (req) => listOrders(req.ctx, req.query),
  );
  app.get(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary: 'An order with its dues, escrow and timeline',
        params: IdParams,
        response: orderResponse,
      },
    },
    (req) => getOrder(req.ctx, { orderId: req.params.id }),
  );

  const step = (path: string, summary: string, run: typeof confirmOrder) =>
    app.post(
      `/api/orders/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          headers: idempotencyHeader,
          body: EmptyBody,
          response: orderResponse,
        },
      },
      (req, reply) =>
        idempotentWhenKeyed(req, reply, `order.${path}`, (ctx) => run(ctx, { orderId: req.params.id })),
    );
  step('confirm', 'Confirm the order: the dues open (supplier)', confirmOrder);
  step('ready', 'Production is done (supplier)', markOrderReady);
  step('delivered', 'The carrier delivered a tracked shipment (supplier)', markOrderDelivered);
  step('receive', 'Confirm receipt: the protection window opens (buyer)', receiveOrder);
  app.post(
    '/api/orders/:id/ship',
    {
      schema: {
        tags,
        summary: 'Ship the goods, with tracking if any (supplier)',
        params: IdParams,
        body: ShipBody,
        response: orderResponse,
      },
    },
    (req) => shipOrder(req.ctx, { orderId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the order; escrow goes back to the buyer',
        params: IdParams,
        body: CancelBody,
        response: orderResponse,
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'order.cancel', (ctx) =>
        cancelOrder(ctx, { orderId: req.params.id, reason: req.body.reason }),
      ),
  );
  app.post(
    '/api/orders/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete now and release escrow to the supplier (buyer; Idempotency-Key)',
        params: IdParams,
        body: EmptyBody,
        headers: idempotencyHeader,
        response: orderResponse,
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'order.complete', (ctx) => completeOrder(ctx, { orderId: req.params.id })),
  );
  app.post(
    '/api/orders/:id/refund',
    {
      schema: {
        tags,
        summary: 'Refund the buyer from escrow (supplier or operator; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: RefundBody,
        response: orderResponse,
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'order.refund', (ctx) =>
        refundOrder(ctx, {
          orderId: req.params.id,
          amount: BigInt(req.body.amount),
          reason: req.body.reason,
        }),
      ),
  );

  app.post(
    '/api/orders/:id/disputes',
    {
      schema: {
        tags,
        summary: 'Open a dispute (buyer)',
        params: IdParams,
        body: OpenDisputeBody,
        response: { 201: DisputeSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await openDispute(req.ctx, { orderId: req.params.id, ...req.body })),
  );
  app.get(
    '/api/orders/:id/disputes',
    {
      schema: {
        tags,
        summary: "An order's disputes",
        params: IdParams,
        response: { 200: z.object({ items: z.array(DisputeSchema) }) },
      },
    },
    (req) => listOrderDisputes(req.ctx, { orderId: req.params.id }),
  );
  app.get(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: 'The dispute desk: open disputes, escalated first (operator)',
        querystring: z.strictObject({ status: z.enum(disputeStatuses).optional() }),
        response: { 200: z.object({ items: z.array(DisputeSchema) }) },
      },
    },
    (req) => listDisputeDesk(req.ctx, req.query),
  );
  app.get(
    '/api/disputes/:id',
    { schema: { tags, summary: 'A dispute', params: IdParams, response: { 200: DisputeSchema } } },
    (req) => getDispute(req.ctx, { disputeId: req.params.id }),
  );
  app.post(
    '/api/disputes/:id/respond',
    {
      schema: {
        tags,
        summary: 'Answer a dispute within 3 days (supplier)',
        params: IdParams,
        body: RespondDisputeBody,
        response: { 200: DisputeSchema },
      },
    },
    (req) => respondToDispute(req.ctx, { disputeId: req.params.id, response: req.body.response }),
  );
  app.post(
    '/api/disputes/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Hand the dispute to the operator (buyer from day 4, supplier any time)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: DisputeSchema },
      },
    },
    (req) => escalateDispute(req.ctx, { disputeId: req.params.id }),
  );
  app.post(
    '/api/disputes/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw the dispute; the order carries on (buyer)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: DisputeSchema },
      },
    },
    (req) => withdrawDispute(req.ctx, { disputeId: req.params.id }),
  );
  app.post(
    '/api/disputes/:id/decide',
    {
      schema: {
        tags,
        summary:
          'Decide an escalated dispute: full refund, partial refund or rejection (operator; Idempotency-Key)',
        params: IdParams,
        headers: idempotencyHeader,
        body: DecideDisputeBody,
        response: { 200: DisputeSchema },
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'dispute.decide', (ctx) =>
        decideDispute(ctx, { disputeId: req.params.id, ...req.body }),
      ),
  );
  app.get(
    '/api/disputes/:id/evidence/:attachmentId',
    {
      schema: {
        tags,
        summary: 'A file the buyer attached to a dispute',
        params: z.strictObject({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) }),
      },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await readDisputeEvidence(req.ctx, {
          disputeId: req.params.id,
          attachmentId: req.params.attachmentId,
          dataDir: options.dataDir,
        }),
      ),
  );
};
