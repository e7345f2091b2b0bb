import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { CreateApiKeyInput } from './api.js';
import type { Auth } from './auth.js';
import { requireCompanyActor, requireRole } from './policy.js';
import { apiKeys } from './schema.js';

const administrators = {
  kinds: ['supplier', 'buyer', 'forwarder', 'operator'],
  roles: ['owner', 'admin'],
} as const;

type ApiKeyView = { id: string; name: string | null; start: string | null; role: string; createdAt: string };

const view = (row: typeof apiKeys.$inferSelect): ApiKeyView => ({
  id: row.id,
  name: row.name,
  start: row.start,
  role: (JSON.parse(row.metadata ?? '{}') as { role?: string }).role ?? 'admin',
  createdAt: row.createdAt.toISOString(),
});

/** An owner or admin issues an integration key for the company. The key is shown once; only its hash is kept. */
export const createApiKey = async (
  ctx: Ctx,
  auth: Auth,
  input: CreateApiKeyInput,
): Promise<ApiKeyView & { key: string }> => {
  const actor = requireRole(ctx.actor, administrators);
  const created = await auth.api.createApiKey({
    body: {
      name: input.name,
      organizationId: actor.companyId,
      userId: actor.userId,
      metadata: { role: input.role, createdBy: actor.userId },
    },
  });
  await ctx.events.emit('api_key.created', { keyId: created.id, by: actor.userId }, actor.companyId);
  return {
    id: created.id,
    name: created.name ?? null,
    start: created.start ?? null,
    role: input.role,
    createdAt: new Date(created.createdAt).toISOString(),
    key: created.key,
  };
};

export const listApiKeys = async (ctx: Ctx): Promise<ApiKeyView[]> => {
  const actor = requireCompanyActor(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.referenceId, actor.companyId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(view);
};

/** Revoking deletes the key: every later request with it is refused. */
export const revokeApiKey = async (ctx: Ctx, input: { keyId: string }): Promise<void> => {
  const actor = requireRole(ctx.actor, administrators);
  const deleted = await ctx.db
    .delete(apiKeys)
    .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.referenceId, actor.companyId)))
    .returning({ id: apiKeys.id });
  if (deleted.length === 0) throw notFound('API key', input.keyId);
  await ctx.events.emit('api_key.revoked', { keyId: input.keyId, by: actor.userId }, actor.companyId);
};
