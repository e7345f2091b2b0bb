import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { countCompanyProducts } from '../catalog/list-company-products.js';
import {
  ApiKeySchema,
  AuditLogPageSchema,
  AuditLogQuery,
  CompanyCardSchema,
  CompanyProfileSchema,
  CreateApiKeyBody,
  MeSchema,
  RegisterCompanyBody,
  VerifyCompanyBody,
} from './api.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.js';
import type { Auth } from './auth.js';
import { findCompany, toCompanyCard } from './company-card.js';
import { getMe } from './get-me.js';
import { listAuditLog } from './list-audit-log.js';
import { registerCompany } from './register-company.js';
import { verifyCompany } from './verify-company.js';

const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
const tags = ['identity'];

export const registerIdentityRoutes = (instance: FastifyInstance, auth: Auth) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user and company', response: { 200: MeSchema } } },
    (req) => getMe(req.ctx),
  );

  app.post(
    '/api/companies',
    {
      schema: {
        tags,
        summary: 'Register a company (you become its owner)',
        body: RegisterCompanyBody,
        response: { 201: CompanyCardSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await registerCompany(req.ctx, req.body)),
  );

  app.get(
    '/api/companies/:id',
    {
      schema: {
        tags,
        summary: 'A company’s public credibility card',
        params: IdParams,
        response: { 200: CompanyProfileSchema },
      },
    },
    async (req) => {
      const company = await findCompany(req.ctx.db, req.params.id);
      if (!company) throw notFound('Company', req.params.id);
      const card = toCompanyCard(company);
      const years = (req.ctx.now().getTime() - company.createdAt.getTime()) / (365.25 * 24 * 3600 * 1000);
      return {
        ...card,
        credibility: {
          yearsOnPlatform: Math.floor(Math.max(0, years)),
          productCount: await countCompanyProducts(req.ctx, company.id),
        },
      };
    },
  );

  app.post(
    '/api/companies/:id/verification',
    {
      schema: {
        tags,
        summary: 'Operator: record a company’s verification level',
        params: IdParams,
        body: VerifyCompanyBody,
        response: { 200: CompanyCardSchema },
      },
    },
    (req) => verifyCompany(req.ctx, { ...req.body, companyId: req.params.id }),
  );

  // Read-only on purpose: the log has no PUT, PATCH or DELETE route, and the table refuses them.
  app.get(
    '/api/audit-log',
    {
      schema: {
        tags,
        summary: 'Operator: privileged actions (verification, disputes, refunds, roles), newest first',
        querystring: AuditLogQuery,
        response: { 200: AuditLogPageSchema },
      },
    },
    (req) => listAuditLog(req.ctx, req.query),
  );

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Your company’s API keys (never the keys themselves)',
        response: { 200: z.object({ items: z.array(ApiKeySchema) }) },
      },
    },
    async (req) => ({ items: await listApiKeys(req.ctx) }),
  );

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags,
        summary: 'Issue an API key; the key is returned once',
        body: CreateApiKeyBody,
        response: { 201: ApiKeySchema.extend({ key: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(req.ctx, auth, req.body)),
  );

  app.delete(
    '/api/api-keys/:id',
    { schema: { tags, summary: 'Revoke an API key', params: IdParams } },
    async (req, reply) => {
      await revokeApiKey(req.ctx, { keyId: req.params.id });
      return reply.status(204).send();
    },
  );
};
