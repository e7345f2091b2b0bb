import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { type DeclarationStatus, declarationEvents, declarations } from './schema.js';

export type DeclarationRow = typeof declarations.$inferSelect;

export const findDeclaration = async (db: Db, id: string, options: { lock?: boolean } = {}) => {
  const query = db.select().from(declarations).where(eq(declarations.id, id));
  return (await (options.lock ? query.for('update') : query))[0];
};

/**
 * Writes one step of the declaration's timeline with who took it (user and
 * company) and when. Called in the transaction that moves the declaration,
 * which holds its row lock, so the sequence numbers never collide.
 */
export const recordStep = async (
  ctx: Ctx,
  declaration: { companyId: string; id: string },
  step: {
    from: DeclarationStatus | null;
    to: DeclarationStatus;
    note?: string;
    details?: Record<string, unknown>;
  },
) => {
  const actor = ctx.actor;
  await ctx.db.insert(declarationEvents).values({
    companyId: declaration.companyId,
    declarationId: declaration.id,
    seq: sql`(select coalesce(max(seq), 0) + 1 from export_declaration_events where declaration_id = ${declaration.id})`,
    from: step.from,
    to: step.to,
    actorUserId: 'userId' in actor ? actor.userId : null,
    actorCompanyId: 'companyId' in actor ? actor.companyId : null,
    note: step.note ?? '',
    details: step.details ?? null,
    occurredAt: ctx.now(),
  });
};

/** The stored lines with their weights in kilograms, as the API, the checks and the documents read them. */
export const linesInKg = (lines: DeclarationRow['lines']) =>
  lines.map(({ netWeightG, grossWeightG, ...line }) => ({
    ...line,
    netWeightKg: netWeightG / 1000,
    grossWeightKg: grossWeightG / 1000,
  }));
