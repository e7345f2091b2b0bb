import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Auth, clientIpHeader } from '../modules/identity/index.js';
import { errorBody } from './errors.js';

/**
 * better-auth endpoints that would bypass Tradelane's own rules: companies
 * are registered through POST /api/companies (kind, country and province
 * validated; operator companies never), and their profile is not edited
 * through better-auth (the verification level must stay the operator's).
 */
const blocked = new Set(['/api/auth/organization/create', '/api/auth/organization/update']);

export const toFetchHeaders = (request: FastifyRequest) => {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === clientIpHeader) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, String(v));
  }
  headers.set(clientIpHeader, request.ip);
  return headers;
};

/** Mounts better-auth's fetch handler at /api/auth/* (sign-up, sign-in, sessions, organizations, invitations). */
export const registerAuthBridge = (app: FastifyInstance, auth: Auth) => {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (request, reply) => {
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      if (blocked.has(url.pathname)) {
        return reply
          .status(404)
          .send(errorBody('NOT_FOUND', 'Use POST /api/companies to register a company'));
      }
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers: toFetchHeaders(request),
          body:
            request.method === 'GET' || request.body === undefined ? undefined : JSON.stringify(request.body),
        }),
      );
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key.toLowerCase() !== 'set-cookie') reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.send(response.body ? await response.text() : null);
    },
  });
};
