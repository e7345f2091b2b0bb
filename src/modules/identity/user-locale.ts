import { z } from 'zod';

/**
 * The languages the web app speaks, as BCP 47 tags. A user's `locale` is the one they last
 * chose while signed in, so the app speaks it on every device they sign in on; null until
 * they choose (the browser's language decides until then).
 */
export const UI_LOCALES = ['en', 'zh-CN', 'es'] as const;

export const UserLocale = z.enum(UI_LOCALES);
