import type { FastifyInstance } from 'fastify';
import { registerInquiryRoutes } from './inquiry-routes.js';
import { registerQuoteRoutes } from './quote-routes.js';
import { registerRfqRoutes } from './rfq-routes.js';

/** Every sourcing route: RFQs, quotes and negotiation, inquiries and attachments. */
export const registerSourcingRoutes = (app: FastifyInstance, options: { dataDir: string }) => {
  registerRfqRoutes(app);
  registerQuoteRoutes(app);
  registerInquiryRoutes(app, options);
};
