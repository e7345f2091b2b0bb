import { useCallback, useState } from 'react';
import { newIdempotencyKey } from './client';

/**
 * One Idempotency-Key per user intent: made when the form or dialog mounts,
 * sent with every attempt of the same submission (a double click, a retry
 * after a network error), and replaced only once the command has succeeded,
 * so the next, different command gets its own.
 */
export const useIdempotencyKey = () => {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, renew };
};
