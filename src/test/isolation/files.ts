import { expect } from 'vitest';
import type { Session } from '../factories.js';
import type { Harness } from '../harness.js';
import { callRoute } from './callers.js';
import type { FileUpload } from './types.js';

/** The smallest file each upload route recognises by its bytes. */
export const pdfUpload: FileUpload = {
  file: { name: 'drawing.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
};

export const pngUpload: FileUpload = {
  file: {
    name: 'pump.png',
    type: 'image/png',
    data: Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(32)]),
  },
};

/** A PDF uploaded by the member through POST /api/attachments, for an RFQ, an inquiry or a dispute. */
export const uploadAttachment = async (h: Harness, session: Session) => {
  const response = await callRoute(h, {
    route: 'POST /api/attachments',
    url: '/api/attachments',
    body: pdfUpload,
    caller: { who: 'owner', session },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};
