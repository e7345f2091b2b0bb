import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { dataFile } from '../core/paths.js';

/**
 * The CJK font shipped in `data/fonts` (the PDF report's), for browsers on
 * machines without a Chinese font. The web app's @font-face asks for it only
 * when a Chinese character has no system font, so most readers never load it.
 */
export const registerFontRoutes = (app: FastifyInstance) => {
  app.get('/fonts/noto-sans-sc.woff', { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('font/woff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(createReadStream(dataFile('fonts/NotoSansSC-Regular.woff'))),
  );
};
