import { z } from 'zod';

/**
 * The body of a command that takes no input: nothing, `{}` or `null`. Any
 * field is refused (400), so a client cannot believe it set something the
 * route ignores (mass assignment fails loudly, not silently).
 */
export const EmptyBody = z.strictObject({}).nullish();
