import type { LightMyRequestResponse } from 'fastify';
import type { Session } from '../factories.js';
import type { Harness } from '../harness.js';
import type { World } from './world.js';

/** The HTTP method and OpenAPI path of a route, as the document spells it: `POST /api/orders/{id}/ship`. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

/** The company kinds a tenant record can belong to; company B is always of the same kind as A's party. */
export type Party = 'supplier' | 'buyer' | 'forwarder';

/**
 * The members of A's companies the matrix signs in, by the role they hold:
 * one without each role some route needs (sign-ups are limited to 30 a
 * minute per address, so only these).
 */
export const memberRefs = [
  'supplier:sales',
  'supplier:purchasing',
  'supplier:logistics',
  'buyer:sales',
  'buyer:finance',
  'forwarder:finance',
] as const;
export type MemberRef = (typeof memberRefs)[number];

/** A caller the matrix plays, named for the failure message. */
export type Caller = { who: string; session: Session | undefined };

/** A multipart upload of one file, for routes that take a file rather than JSON. */
export type FileUpload = { file: { name: string; type: string; data: Buffer } };

/**
 * Who may call the route, and so what each caller of the matrix must get.
 *
 * - `tenant`: A's record of `party`: anonymous 401, the same kind of company B
 *   404 (exactly as for an id that does not exist), and `lacking`, a member of
 *   A whose role may not do this, 403. `lacking` is a written reason instead
 *   when every member of A may call it (reads, mostly); `stranger` likewise
 *   when no company B can be a stranger to the id (a public program).
 * - `operator`: a privileged operator route: anonymous 401, and 403 to every
 *   non-operator (A's owners and members, B's owners) and to an operator
 *   member whose role is not enough, before any lookup.
 * - `public`: readable by anyone (the reason says why); every caller gets 200
 *   and the row's `check` proves what a non-member must not see is absent.
 * - `hidden`: a record of A that is not public (an archived product): anonymous
 *   and B get 404, as for an unknown id.
 */
export type Access =
  | {
      kind: 'tenant';
      party: Party;
      lacking: MemberRef | { everyMemberMay: string };
      stranger?: { none: string };
    }
  | { kind: 'operator' }
  | { kind: 'public'; reason: string }
  | { kind: 'hidden'; party: Party; reason: string };

/** One row of the matrix: a route, the record of company A it is called on, and who may call it. */
export type IsolationCase<F> = {
  route: RouteKey;
  /** Told apart from other rows of the same route (`archived product`). */
  variant?: string;
  /** The path parameters naming A's record. */
  params: (fixture: F, world: World) => Record<string, string>;
  query?: string;
  /** A body the route would accept from an authorised caller: refusals must not depend on a bad body. */
  body?: (fixture: F, world: World) => object | FileUpload;
  access: Access;
  /** For public rows: what every caller's answer must (not) hold. */
  check?: (response: LightMyRequestResponse, fixture: F, caller: Caller) => void;
};

/** A module's rows with the records they need, made once (through the real routes) before its rows run. */
export type IsolationModule<F> = {
  name: string;
  setup: (h: Harness, world: World) => Promise<F>;
  cases: IsolationCase<F>[];
};

/** Keeps each module's fixture type checked inside its file, and erases it for the registry's list. */
export const isolationModule = <F>(module: IsolationModule<F>) =>
  module as unknown as IsolationModule<unknown>;

/** Shorthands for the common rows. */
export const guarded = (party: Party, lacking: MemberRef): Access => ({ kind: 'tenant', party, lacking });
export const membersRead = (party: Party, reason = 'every member of the company may read it'): Access => ({
  kind: 'tenant',
  party,
  lacking: { everyMemberMay: reason },
});
export const operatorOnly: Access = { kind: 'operator' };
export const publicRead = (reason: string): Access => ({ kind: 'public', reason });
