import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { companies, isOperator, requireCompanyActor } from '../identity/index.js';
import { findDeclaration, linesInKg } from './declaration-store.js';
import { declarationMachine } from './machines.js';
import { declarationPolicy } from './policy.js';
import { declarationEvents, declarations, fxSettlements, rebateClaims } from './schema.js';

/**
 * A declaration as its exporter or the operator sees it: the declared
 * lines (weights in kg), the compliance findings, the timeline with the
 * date and actor of every step, the FX settlement and the rebate claim.
 */
export const getDeclaration = async (ctx: Ctx, id: string) => {
  const d = await findDeclaration(ctx.db, id);
  const viewer = declarationPolicy.assertCanRead(ctx.actor, d, id);
  const declaration = d!;
  const [events, [fx], [claim], [exporter]] = await Promise.all([
    ctx.db
      .select()
      .from(declarationEvents)
      .where(eq(declarationEvents.declarationId, id))
      .orderBy(asc(declarationEvents.seq)),
    ctx.db.select().from(fxSettlements).where(eq(fxSettlements.declarationId, id)),
    ctx.db.select().from(rebateClaims).where(eq(rebateClaims.declarationId, id)),
    ctx.db
      .select({
        id: companies.id,
        name: companies.name,
        country: companies.country,
        province: companies.province,
      })
      .from(companies)
      .where(eq(companies.id, declaration.companyId)),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorCompanyId).filter((x): x is string => x !== null))];
  const actorNames = new Map(
    actorIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: companies.id, name: companies.name })
            .from(companies)
            .where(inArray(companies.id, actorIds))
        ).map((c) => [c.id, c.name]),
  );
  return {
    id: declaration.id,
    viewer,
    number: declaration.number,
    status: declaration.status,
    next: declarationMachine.transitions[declaration.status],
    orderId: declaration.orderId,
    declarantRole: declaration.declarantRole,
    exporter: { ...exporter!, ...declaration.exporter },
    consignee: declaration.consignee,
    incoterm: declaration.incoterm,
    valuationBasis: declaration.valuationBasis,
    currency: declaration.currency,
    transportMode: declaration.transportMode,
    portOfLoading: declaration.portOfLoading,
    destinationCountry: declaration.destinationCountry,
    exportedOn: declaration.exportedOn,
    lines: linesInKg(declaration.lines),
    totalValue: String(declaration.totalValue),
    findings: declaration.findings,
    timeline: events.map((e) => ({
      seq: e.seq,
      from: e.from,
      to: e.to,
      at: e.occurredAt.toISOString(),
      actor: {
        userId: e.actorUserId,
        companyId: e.actorCompanyId,
        companyName: e.actorCompanyId ? (actorNames.get(e.actorCompanyId) ?? null) : null,
      },
      note: e.note,
      details: e.details,
    })),
    fx: fx
      ? {
          received: { amount: String(fx.receivedAmount), currency: fx.receivedCurrency, on: fx.receivedOn },
          source: fx.source,
          settledOn: fx.settledOn,
          rate: fx.rate,
          cny: fx.cnyAmount === null ? null : String(fx.cnyAmount),
          transferIds: fx.transferIds,
        }
      : null,
    rebate: claim
      ? { month: claim.month, lines: claim.lines, total: String(claim.total), transferId: claim.transferId }
      : null,
    createdAt: declaration.createdAt.toISOString(),
  };
};

export type DeclarationView = Awaited<ReturnType<typeof getDeclaration>>;

/** The exporter's declarations (the operator's: every one), newest first; optionally for one order. */
export const listDeclarations = async (ctx: Ctx, options: { orderId?: string } = {}) => {
  const member = requireCompanyActor(ctx.actor);
  const operator = isOperator(member);
  if (!operator) declarationPolicy.assertExporter(member);
  const rows = await ctx.db
    .select({
      id: declarations.id,
      companyId: declarations.companyId,
      number: declarations.number,
      status: declarations.status,
      orderId: declarations.orderId,
      destinationCountry: declarations.destinationCountry,
      currency: declarations.currency,
      totalValue: declarations.totalValue,
      lineCount: declarations.lines,
      createdAt: declarations.createdAt,
    })
    .from(declarations)
    .where(
      and(
        operator ? undefined : eq(declarations.companyId, member.companyId),
        options.orderId ? eq(declarations.orderId, options.orderId) : undefined,
      ),
    )
    .orderBy(desc(declarations.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    totalValue: String(r.totalValue),
    lineCount: r.lineCount.length,
    createdAt: r.createdAt.toISOString(),
  }));
};
