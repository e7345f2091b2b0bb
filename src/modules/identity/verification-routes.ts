import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptyBody } from '../../http/empty-body.js';
import { readUploadedFile, sendDownload } from '../../http/uploads.js';
import {
  DecideVerificationBody,
  LicenceSchema,
  VerificationQueueQuery,
  VerificationQueueSchema,
  VerificationRequestSchema,
  VerificationStatusSchema,
} from './api.js';
import { readCompanyLicence, uploadCompanyLicence } from './company-licence.js';
import {
  decideVerificationRequest,
  getVerificationStatus,
  listVerificationRequests,
  requestVerification,
} from './verification-requests.js';

const Id = z.string().min(1).max(64);
const IdParams = z.strictObject({ id: Id });
const tags = ['identity'];

/** Company onboarding's verification: licence upload, the request, the operator's queue and decision. */
export const registerVerificationRoutes = (instance: FastifyInstance, { dataDir }: { dataDir: string }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/companies/:id/verification',
    {
      schema: {
        tags,
        summary: 'Your company’s verification: level, newest licence and newest request (operators: any)',
        params: IdParams,
        response: { 200: VerificationStatusSchema },
      },
    },
    (req) => getVerificationStatus(req.ctx, { companyId: req.params.id }),
  );

  app.post(
    '/api/companies/:id/licence',
    {
      schema: {
        tags,
        summary: 'Owner or admin: upload the business licence (multipart; PDF, JPEG, PNG, WebP; ≤ 5 MB)',
        params: IdParams,
        response: { 201: LicenceSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await uploadCompanyLicence(req.ctx, {
          companyId: req.params.id,
          readUpload: readUploadedFile(req),
          dataDir,
        }),
      ),
  );

  app.get(
    '/api/companies/:id/licences/:licenceId',
    {
      schema: {
        tags,
        summary: 'A company’s business licence file (its members and the operator)',
        params: z.strictObject({ id: Id, licenceId: Id }),
      },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await readCompanyLicence(req.ctx, {
          companyId: req.params.id,
          licenceId: req.params.licenceId,
          dataDir,
        }),
      ),
  );

  app.post(
    '/api/companies/:id/verification-requests',
    {
      schema: {
        tags,
        summary: 'Owner or admin: ask the operator to verify the company from its newest licence',
        params: IdParams,
        body: EmptyBody,
        response: { 201: VerificationRequestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await requestVerification(req.ctx, { companyId: req.params.id })),
  );

  app.get(
    '/api/verification-requests',
    {
      schema: {
        tags,
        summary: 'Operator: the verification queue (pending oldest first)',
        querystring: VerificationQueueQuery,
        response: { 200: VerificationQueueSchema },
      },
    },
    (req) => listVerificationRequests(req.ctx, req.query),
  );

  app.post(
    '/api/verification-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Operator: approve a request with a level, or reject it with a reason',
        params: IdParams,
        body: DecideVerificationBody,
        response: { 200: VerificationRequestSchema },
      },
    },
    (req) => decideVerificationRequest(req.ctx, { ...req.body, requestId: req.params.id }),
  );
};
