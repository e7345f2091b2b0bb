import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import { readUploadedFile, sendDownload } from '../../http/uploads.js';
import { PageQuery } from '../catalog/index.js';
import {
  IdParams,
  InquiryMessageBody,
  InquirySummarySchema,
  InquiryThreadSchema,
  OpenInquiryBody,
} from './api.js';
import { readInquiryAttachment, readRfqAttachment, uploadAttachment } from './attachments.js';
import { supplierCredibility } from './credibility.js';
import { getInquiry, listInquiries, markInquiryRead, openInquiry, postInquiryMessage } from './inquiries.js';

const AttachmentParams = z.strictObject({
  id: z.string().min(1).max(64),
  attachmentId: z.string().min(1).max(64),
});

export const registerInquiryRoutes = (instance: FastifyInstance, { dataDir }: { dataDir: string }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['sourcing'];

  app.post(
    '/api/inquiries',
    {
      schema: {
        tags,
        summary: 'Open an inquiry with a supplier, about a product or in general (buyer)',
        body: OpenInquiryBody,
        response: { 201: InquiryThreadSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await openInquiry(req.ctx, req.body)),
  );
  app.get(
    '/api/inquiries',
    {
      schema: {
        tags,
        summary: 'Your inquiry inbox (as buyer and as supplier), with unread counts',
        querystring: PageQuery,
        response: {
          200: z.object({
            unread: z.number(),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(InquirySummarySchema),
          }),
        },
      },
    },
    (req) => listInquiries(req.ctx, req.query),
  );
  app.get(
    '/api/inquiries/:id',
    {
      schema: {
        tags,
        summary: 'An inquiry thread',
        params: IdParams,
        response: { 200: InquiryThreadSchema },
      },
    },
    (req) => getInquiry(req.ctx, { inquiryId: req.params.id }),
  );
  app.post(
    '/api/inquiries/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write in an inquiry thread',
        params: IdParams,
        body: InquiryMessageBody,
        response: { 201: InquiryThreadSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await postInquiryMessage(req.ctx, { inquiryId: req.params.id, message: req.body })),
  );
  app.post(
    '/api/inquiries/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a thread read for your side',
        params: IdParams,
        body: EmptyBody,
        response: { 200: InquiryThreadSchema },
      },
    },
    (req) => markInquiryRead(req.ctx, { inquiryId: req.params.id }),
  );
  app.post(
    '/api/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a file to attach to an RFQ or a message (multipart; PDF, JPEG, PNG, WebP; ≤ 5 MB)',
        response: {
          201: z.object({
            id: z.string(),
            fileName: z.string(),
            contentType: z.string(),
            sizeBytes: z.number(),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await uploadAttachment(req.ctx, { readUpload: readUploadedFile(req), dataDir })),
  );
  app.get(
    '/api/rfqs/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'A file attached to an RFQ', params: AttachmentParams } },
    async (req, reply) =>
      sendDownload(
        reply,
        await readRfqAttachment(req.ctx, {
          rfqId: req.params.id,
          attachmentId: req.params.attachmentId,
          dataDir,
        }),
      ),
  );
  app.get(
    '/api/inquiries/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'A file attached to an inquiry message', params: AttachmentParams } },
    async (req, reply) =>
      sendDownload(
        reply,
        await readInquiryAttachment(req.ctx, {
          inquiryId: req.params.id,
          attachmentId: req.params.attachmentId,
          dataDir,
        }),
      ),
  );
  app.get(
    '/api/companies/:id/credibility',
    {
      schema: {
        tags,
        summary: "A supplier's Quick Response Rate (answered within 24 h ÷ valid inquiries, 30 days)",
        params: IdParams,
        response: {
          200: z.object({
            companyId: z.string(),
            responseRate: z.number().nullable(),
            inquiriesCounted: z.number(),
            answeredWithin: z.number(),
            windowHours: z.number(),
            periodDays: z.number(),
          }),
        },
      },
    },
    (req) => supplierCredibility(req.ctx, { companyId: req.params.id }),
  );
};
