import type { Db } from '../db/client.js';
import { type Outbox, outboxFor } from '../jobs/outbox.js';
import type { CompanyKind, MemberRole } from '../modules/identity/schema.js';
import type { Clock } from './clock.js';

/** Who is acting. A member acts for one company (its active one) with one role. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string }
  | {
      kind: 'member' | 'api_key';
      /** The user, or for an API key the member who created it. */
      userId: string;
      companyId: string;
      companyKind: CompanyKind;
      role: MemberRole;
      apiKeyId?: string;
    };

export type CompanyActor = Extract<Actor, { companyId: string }>;

/** What every use case takes first: the transaction, who acts, the clock, the outbox. */
export type Ctx = {
  db: Db;
  actor: Actor;
  now: Clock;
  events: Outbox;
};

export const anonymous: Actor = { kind: 'anonymous' };

export const makeCtx = (db: Db, actor: Actor, now: Clock): Ctx => ({
  db,
  actor,
  now,
  events: outboxFor(db, now),
});

/** Runs `work` in one transaction: its writes and the events it emits commit together or not at all. */
export const inTransaction = <T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> =>
  ctx.db.transaction((tx) => work(makeCtx(tx as unknown as Db, ctx.actor, ctx.now)));

export const withActor = (ctx: Ctx, actor: Actor): Ctx => ({ ...ctx, actor });
