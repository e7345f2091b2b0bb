import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Clock, systemClock } from '../core/clock.js';
import { type Ctx, makeCtx } from '../core/context.js';
import { newId } from '../core/ids.js';
import type { Database } from '../db/client.js';
import { registerAdsRoutes } from '../modules/ads/index.js';
import { installCatalogCache } from '../modules/catalog/index.js';
import { registerCatalogRoutes } from '../modules/catalog/routes.js';
import { type Auth, createAuth, installSessionCache, resolveActor } from '../modules/identity/index.js';
import { registerIdentityRoutes } from '../modules/identity/routes.js';
import { registerVerificationRoutes } from '../modules/identity/verification-routes.js';
import { registerInsightsRoutes } from '../modules/insights/routes.js';
import { registerLogisticsRoutes } from '../modules/logistics/index.js';
import { registerNotificationRoutes } from '../modules/notifications/routes.js';
import { registerOrderRoutes } from '../modules/orders/routes.js';
import { registerPaymentRoutes } from '../modules/payments/routes.js';
import { registerSourcingRoutes } from '../modules/sourcing/routes.js';
import { registerTiersRoutes } from '../modules/tiers/index.js';
import { registerTradeServicesRoutes } from '../modules/trade-services/index.js';
import { registerWebhookRoutes } from '../modules/webhooks/routes.js';
import { registerAuthBridge, toFetchHeaders } from './auth-bridge.js';
import { registerCsrfGuard } from './csrf.js';
import { registerCsvFormatRoutes } from './csv-formats.js';
import { errorBody, handleError } from './errors.js';
import { registerFontRoutes } from './fonts.js';
import { registerHealthRoutes } from './health.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}

export type AppOptions = {
  database: Database;
  now?: Clock;
  /** Request logging: off by default; `true` logs at `info`, or name the lowest level to log. */
  logger?: boolean | { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' };
  /** Where uploads are kept (the data dir). */
  dataDir: string;
  /** Signs session cookies; without one, sessions last as long as this process. */
  authSecret?: string;
  baseURL?: string;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (addresses or CIDRs, comma-separated;
   * default `TRADELANE_TRUST_PROXY`, else none). Rate limits and the sign-in log key on the client's
   * address: behind a proxy that is not trusted, every visitor shares the proxy's one address.
   */
  trustProxy?: string;
};

export type App = FastifyInstance & { auth: Auth };

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Only the listed proxies are believed: `true` would let any client choose its own address. */
const trustedProxies = (list: string | undefined) => {
  const proxies = (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return proxies.length > 0 ? proxies : false;
};

export const buildApp = async (options: AppOptions): Promise<App> => {
  const now = options.now ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => newId('evt').replace('evt_', 'req_'),
    requestIdHeader: false,
    // A URL the router cannot decode (`/api/products/%ff`) is answered before any error handler runs:
    // it gets the standard error format here.
    frameworkErrors: (error, _request, reply) => {
      const message =
        error.code === 'FST_ERR_BAD_URL' ? 'The URL is not validly encoded' : 'The request is malformed';
      return (reply as FastifyReply).status(400).send(errorBody('VALIDATION_FAILED', message));
    },
    trustProxy: trustedProxies(options.trustProxy ?? process.env.TRADELANE_TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();
  // The API takes JSON (and multipart uploads): Fastify's default text/plain parser would let any
  // string through to validation, and text/plain is a body a cross-site form sends without preflight.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await installCatalogCache(options.database);
  await installSessionCache(options.database);

  const baseURL = options.baseURL ?? process.env.TRADELANE_BASE_URL ?? 'http://localhost:3000';
  const auth = createAuth({
    db: options.database.db,
    secret: options.authSecret ?? randomBytes(32).toString('base64'),
    baseURL,
    now,
  });

  // HSTS and upgrade-insecure-requests only when the site is served over HTTPS: over plain HTTP
  // (a LAN address, a first try) browsers ignore HSTS and the upgrade would break every script.
  const https = new URL(baseURL).protocol === 'https:';
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        // The app never frames itself: no one may frame it (clickjacking).
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });
  registerCsrfGuard(app, { baseURL });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tradelane API', version: '0.1.0', description: 'Cross-border B2B trade platform' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An integration key: tl_…' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return;
    const actor = await resolveActor(options.database.db, auth, toFetchHeaders(request));
    request.ctx = makeCtx(options.database.db, actor, now);
  });

  registerAuthBridge(app, auth);
  registerHealthRoutes(app, options.database);
  registerIdentityRoutes(app, auth);
  registerVerificationRoutes(app, { dataDir: options.dataDir });
  registerCatalogRoutes(app, { dataDir: options.dataDir });
  registerSourcingRoutes(app, { dataDir: options.dataDir });
  registerNotificationRoutes(app);
  registerOrderRoutes(app, { dataDir: options.dataDir });
  registerPaymentRoutes(app);
  registerInsightsRoutes(app);
  registerLogisticsRoutes(app);
  registerTradeServicesRoutes(app);
  registerTiersRoutes(app);
  registerWebhookRoutes(app);
  registerAdsRoutes(app);
  registerFontRoutes(app);
  registerCsvFormatRoutes(app);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET' || !existsSync(webDist)) {
      return reply
        .status(404)
        .send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
    }
    // The web app routes on the client: every other page is its index.html.
    return reply.sendFile('index.html');
  });

  return Object.assign(app, { auth }) as unknown as App;
};
