import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyHeader, idempotent } from '../../http/idempotency.js';
import { visitorIdOf } from '../catalog/index.js';
import {
  ClickBody,
  CreateCampaignBody,
  CreatePromotionBody,
  HomeSlotsBody,
  IdParams,
  ReportQuery,
  ShowcaseBody,
  TopUpBody,
  UpdateCampaignBody,
  UpdatePromotionBody,
} from './api.js';
import { getCampaign, listCampaigns } from './campaign-view.js';
import { createCampaign, updateCampaign } from './campaigns.js';
import { installAdsHooks } from './install.js';
import { createPromotion, getPromotion, listPromotions, updatePromotion } from './promotions.js';
import { recordClick } from './record-click.js';
import { campaignReport } from './report.js';
import { getShowcase, homeShowcase, listHomeSlots, setHomeSlots, setShowcase } from './showcase.js';
import { getWallet, topUpWallet } from './wallet.js';

/** Keyword advertising, the ad wallet, promotions and showcases. */
export const registerAdsRoutes = (instance: FastifyInstance) => {
  installAdsHooks();
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['ads'];

  app.post(
    '/api/ads/campaigns',
    { schema: { tags, summary: 'Start a keyword campaign (supplier)', body: CreateCampaignBody } },
    async (req, reply) => reply.status(201).send(await createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/ads/campaigns',
    { schema: { tags, summary: "The supplier's campaigns with today's spend" } },
    (req) => listCampaigns(req.ctx),
  );
  app.get(
    '/api/ads/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'A campaign: keywords and bids, products, quality scores, today’s spend',
        params: IdParams,
      },
    },
    (req) => getCampaign(req.ctx, req.params.id),
  );
  app.patch(
    '/api/ads/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Pause or resume, change the budget, replace keywords (bids) or products',
        params: IdParams,
        body: UpdateCampaignBody,
      },
    },
    (req) => updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/ads/campaigns/:id/report',
    {
      schema: {
        tags,
        summary: 'Impressions, clicks, CTR, CPC, spend, attributed inquiries and orders per keyword and day',
        params: IdParams,
        querystring: ReportQuery,
      },
    },
    (req) => campaignReport(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/ads/clicks',
    {
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Follow a sponsored result (signed in, or with an x-visitor-id header)',
        body: ClickBody,
      },
    },
    (req) =>
      recordClick(req.ctx, {
        impressionId: req.body.impressionId,
        visitorId: visitorIdOf(req.headers['x-visitor-id']),
      }),
  );
  app.get('/api/ads/wallet', { schema: { tags, summary: "The supplier's ad wallet" } }, (req) =>
    getWallet(req.ctx),
  );
  app.post(
    '/api/ads/wallet/top-ups',
    {
      schema: {
        tags,
        summary: 'Book a wire received for a supplier’s ad wallet (operator; Idempotency-Key)',
        headers: idempotencyHeader,
        body: TopUpBody,
      },
    },
    (req, reply) =>
      idempotent(req, reply, 'ads.top-up', async (ctx) => {
        reply.status(201);
        return topUpWallet(ctx, { ...req.body, amount: BigInt(req.body.amount) });
      }),
  );
  app.post(
    '/api/ads/promotions',
    {
      schema: { tags, summary: 'Discount a product’s quantity tiers for a while', body: CreatePromotionBody },
    },
    async (req, reply) => reply.status(201).send(await createPromotion(req.ctx, req.body)),
  );
  app.get('/api/ads/promotions', { schema: { tags, summary: "The supplier's promotions" } }, (req) =>
    listPromotions(req.ctx),
  );
  app.get('/api/ads/promotions/:id', { schema: { tags, summary: 'A promotion', params: IdParams } }, (req) =>
    getPromotion(req.ctx, req.params.id),
  );
  app.patch(
    '/api/ads/promotions/:id',
    {
      schema: {
        tags,
        summary: 'Rename, re-time, re-price or cancel a promotion',
        params: IdParams,
        body: UpdatePromotionBody,
      },
    },
    (req) => updatePromotion(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/ads/showcase',
    { schema: { tags, summary: 'Set the showroom’s featured products, in order', body: ShowcaseBody } },
    (req) => setShowcase(req.ctx, req.body),
  );
  app.get(
    '/api/companies/:id/showcase',
    { schema: { tags, summary: 'A supplier’s featured products (public)', params: IdParams } },
    (req) => getShowcase(req.ctx, req.params.id),
  );
  app.get(
    '/api/home/showcase',
    { schema: { tags, summary: 'The home page’s featured products (public)' } },
    (req) => homeShowcase(req.ctx),
  );
  app.get('/api/ads/home-slots', { schema: { tags, summary: 'The home page’s slots (operator)' } }, (req) =>
    listHomeSlots(req.ctx),
  );
  app.put(
    '/api/ads/home-slots',
    { schema: { tags, summary: 'Set the home page’s featured products (operator)', body: HomeSlotsBody } },
    (req) => setHomeSlots(req.ctx, req.body),
  );
};
