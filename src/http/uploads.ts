import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../core/errors.js';

/**
 * A deferred read of the request's one uploaded file: use cases call it only
 * once their policy allows the upload, so a refused caller's body is never read.
 */
export const readUploadedFile = (req: FastifyRequest) => async () => {
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  try {
    const file = await req.file();
    if (!file) throw new AppError('VALIDATION_FAILED', 'No file in the upload');
    return { fileName: file.filename, data: await file.toBuffer() };
  } catch (error) {
    // The multipart parser throws plain errors on a malformed body ("Unexpected end of form"):
    // the client's fault, not ours. Its own errors (a file too large: 413) keep their status.
    if (isAppError(error) || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('VALIDATION_FAILED', 'The upload is not valid multipart/form-data', {
      reason: error instanceof Error ? error.message.slice(0, 200) : String(error),
    });
  }
};

/** Sends a stored file as a download under an ASCII-safe name: never rendered inline from our origin. */
export const sendDownload = (
  reply: FastifyReply,
  file: { fileName: string; contentType: string; data: Buffer },
) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]+/g, '_')}"`)
    .header('cache-control', 'private, max-age=3600')
    .send(file.data);
