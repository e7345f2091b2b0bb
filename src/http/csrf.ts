import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Headers = FastifyRequest['headers'];

// `Origin` never names a scheme's default port; a Host header may.
const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/**
 * Did a request carrying cookies come from this app's own pages? The answer
 * of the Fetch standard's two headers, which no page can forge:
 *
 * - `Origin` present: its host must be the one the request was sent to
 *   (`Host`), or the configured base URL's origin (a proxy that rewrites
 *   Host). `Origin: null` (sandboxed frames, some redirects) is refused.
 * - no `Origin`, `Sec-Fetch-Site` present: only `same-origin` (or `none`, a
 *   user typing the URL) passes; `same-site` and `cross-site` are refused.
 * - neither: not a browser page. Every browser able to run the web app (and
 *   so to hold its session cookie) sends `Origin` on a POST, PUT, PATCH or
 *   DELETE, same-origin or not, so a request without both headers comes from
 *   curl, a server or a test. The session cookie is also SameSite=Lax, which
 *   keeps it off cross-site POSTs in the browsers that predate `Origin`.
 *
 * docs/security.md gives the whole argument.
 */
export const crossSiteReason = (headers: Headers, trustedOrigins: ReadonlySet<string>): string | null => {
  const origin = headers.origin;
  const fetchSite = headers['sec-fetch-site'];
  if (origin === 'null') return fetchSite === 'same-origin' ? null : 'Origin: null';
  if (origin) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return `Origin ${origin} is not a URL`;
    }
    if (trustedOrigins.has(url.origin)) return null;
    const host = headers.host ? withoutDefaultPort(headers.host) : null;
    return host === withoutDefaultPort(url.host) ? null : `Origin ${url.origin} is not this site`;
  }
  if (fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none') return null;
  return `Sec-Fetch-Site: ${fetchSite}`;
};

/**
 * CSRF protection for cookie sessions: a state-changing /api request that
 * carries cookies must come from the app's own origin. A request with an
 * `Authorization` header (an API key) is exempt: a page cannot add that
 * header to a cross-site request without a CORS preflight, which this server
 * never grants. Reads are never refused (they change nothing).
 */
export const registerCsrfGuard = (app: FastifyInstance, { baseURL }: { baseURL: string }) => {
  const trusted = new Set([new URL(baseURL).origin]);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    if (!request.headers.cookie || request.headers.authorization) return;
    const reason = crossSiteReason(request.headers, trusted);
    if (reason)
      throw new AppError('FORBIDDEN', `Cross-site request refused (${reason}): send it from the app itself`, {
        reason: 'cross_site_request',
      });
  });
};
