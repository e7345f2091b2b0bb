import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EmptyBody,
  EnrollmentSchema,
  EnrollmentsQuery,
  IdParams,
  MilestoneBody,
  MyTierSchema,
  ProgramSchema,
  ProgramSettingsBody,
  RemoveEnrollmentBody,
  ScoreRunSchema,
  SupplierTierSchema,
  SupplierTiersQuery,
  TierCatalogSchema,
} from './api.js';
import { enrollInProgram } from './enroll.js';
import {
  approveEnrollment,
  getEnrollment,
  listEnrollments,
  markMilestone,
  removeEnrollment,
} from './enrollments.js';
import { getMyTier, getSupplierTier, tierCatalog } from './get-tier.js';
import { getProgram, listPrograms } from './list-programs.js';
import { programDashboard } from './program-dashboard.js';
import { updateProgramSettings } from './program-settings.js';
import { listSupplierTiers, recomputeTiers } from './recompute-tiers.js';

/** Merchant tiering (scores, tiers, benefits) and the growth programs. */
export const registerTiersRoutes = (instance: FastifyInstance) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['tiers'];

  app.get(
    '/api/tiers',
    {
      schema: {
        tags,
        summary: 'The tiers, their requirements and benefits, and the score’s weights (public)',
        response: { 200: TierCatalogSchema },
      },
    },
    () => tierCatalog(),
  );
  app.get(
    '/api/tiers/me',
    {
      schema: {
        tags,
        summary: 'Your company’s tier: score, components, why, and what the next tier needs (supplier)',
        response: { 200: MyTierSchema },
      },
    },
    async (req) => {
      const view = await getMyTier(req.ctx);
      if (view.view !== 'full') throw new Error('a supplier always sees its own tier in full');
      return view;
    },
  );
  app.get(
    '/api/suppliers/:id/tier',
    {
      schema: {
        tags,
        summary: 'A supplier’s tier and badge; in full for the supplier itself and the operator',
        params: IdParams,
        response: { 200: SupplierTierSchema },
      },
    },
    (req) => getSupplierTier(req.ctx, req.params.id),
  );
  app.post(
    '/api/tiers/recompute',
    {
      schema: {
        tags,
        summary: 'Recompute every supplier’s score and tier for this month now (operator)',
        body: EmptyBody,
        response: { 200: ScoreRunSchema },
      },
    },
    (req) => recomputeTiers(req.ctx),
  );
  app.get(
    '/api/tiers/suppliers',
    {
      schema: {
        tags,
        summary: 'Suppliers with their score and tier for a month, best first (operator)',
        querystring: SupplierTiersQuery,
      },
    },
    (req) => listSupplierTiers(req.ctx, req.query),
  );

  app.get(
    '/api/programs',
    {
      schema: {
        tags,
        summary: 'The growth programs; for a supplier, its eligibility and enrollment in each',
        response: { 200: z.object({ items: z.array(ProgramSchema) }) },
      },
    },
    async (req) => ({ items: await listPrograms(req.ctx) }),
  );
  app.get(
    '/api/programs/:id',
    {
      schema: { tags, summary: 'One growth program', params: IdParams, response: { 200: ProgramSchema } },
    },
    (req) => getProgram(req.ctx, req.params.id),
  );
  app.patch(
    '/api/programs/:id',
    {
      schema: {
        tags,
        summary: 'Set a program’s target, period, or whether it is open (operator)',
        params: IdParams,
        body: ProgramSettingsBody,
        response: { 200: ProgramSchema },
      },
    },
    async (req) => {
      await updateProgramSettings(req.ctx, req.params.id, req.body);
      return getProgram(req.ctx, req.params.id);
    },
  );
  app.post(
    '/api/programs/:id/enroll',
    {
      schema: {
        tags,
        summary: 'Apply to a program (supplier owner or admin); refused with each unmet criterion',
        params: IdParams,
        body: EmptyBody,
        response: { 201: EnrollmentSchema },
      },
    },
    async (req, reply) => {
      const id = await enrollInProgram(req.ctx, { programId: req.params.id });
      return reply.status(201).send(await getEnrollment(req.ctx, id));
    },
  );
  app.get(
    '/api/programs/:id/enrollments',
    {
      schema: {
        tags,
        summary: 'A program’s enrollments, oldest application first (operator)',
        params: IdParams,
        querystring: EnrollmentsQuery,
      },
    },
    (req) => listEnrollments(req.ctx, { programId: req.params.id, ...req.query }),
  );
  app.get(
    '/api/programs/:id/dashboard',
    {
      schema: {
        tags,
        summary: 'A program’s progress: enrollments, milestones, tiers, months, target pace (operator)',
        params: IdParams,
      },
    },
    (req) => programDashboard(req.ctx, req.params.id),
  );

  app.get(
    '/api/program-enrollments/:id',
    {
      schema: {
        tags,
        summary: 'An enrollment with its milestones (its supplier, the operator)',
        params: IdParams,
        response: { 200: EnrollmentSchema },
      },
    },
    (req) => getEnrollment(req.ctx, req.params.id),
  );
  app.post(
    '/api/program-enrollments/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an application (operator)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: EnrollmentSchema },
      },
    },
    async (req) => {
      await approveEnrollment(req.ctx, req.params.id);
      return getEnrollment(req.ctx, req.params.id);
    },
  );
  app.post(
    '/api/program-enrollments/:id/remove',
    {
      schema: {
        tags,
        summary: 'Decline an application or remove a supplier from the program, with a reason (operator)',
        params: IdParams,
        body: RemoveEnrollmentBody,
        response: { 200: EnrollmentSchema },
      },
    },
    async (req) => {
      await removeEnrollment(req.ctx, req.params.id, req.body);
      return getEnrollment(req.ctx, req.params.id);
    },
  );
  app.post(
    '/api/program-enrollments/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Mark a milestone reached, or unmark it (operator)',
        params: IdParams,
        body: MilestoneBody,
        response: { 200: EnrollmentSchema },
      },
    },
    async (req) => {
      await markMilestone(req.ctx, req.params.id, req.body);
      return getEnrollment(req.ctx, req.params.id);
    },
  );
};
