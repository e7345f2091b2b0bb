import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Harness } from '../harness.js';
import type { Access, Caller, FileUpload, RouteKey } from './types.js';
import type { World } from './world.js';

/** A caller and what the route must answer them; `unknownId` calls it on ids that do not exist instead. */
export type Expected = Caller & { status: 200 | 401 | 403 | 404; unknownId?: true };

const anonymous: Caller = { who: 'anonymous', session: undefined };

/** The callers the matrix plays against one row, from the row's declared access. */
export const expectedCalls = (access: Access, world: World): Expected[] => {
  switch (access.kind) {
    case 'tenant': {
      const calls: Expected[] = [{ ...anonymous, status: 401 }];
      if (!('none' in (access.stranger ?? {})))
        calls.push(
          { who: `company B (${access.party})`, session: world.b[access.party], status: 404 },
          // As for an id that does not exist: B learns nothing of A's record.
          {
            who: `company B (${access.party}), on an unknown id`,
            session: world.b[access.party],
            status: 404,
            unknownId: true,
          },
        );
      if (typeof access.lacking === 'string')
        calls.push({ who: `A's ${access.lacking}`, session: world.members[access.lacking], status: 403 });
      return calls;
    }
    case 'operator':
      // Every non-operator, A's own owners and members included: the role is checked before the id.
      return [
        { ...anonymous, status: 401 },
        ...(['supplier', 'buyer', 'forwarder'] as const).flatMap((party): Expected[] => [
          { who: `A's ${party} owner`, session: world.a[party], status: 403 },
          { who: `B's ${party} owner`, session: world.b[party], status: 403 },
        ]),
        { who: "A's supplier:purchasing", session: world.members['supplier:purchasing'], status: 403 },
        { who: 'an operator purchasing member', session: world.operatorPurchasing, status: 403 },
        // The same answer on an id that does not exist: the refusal reveals nothing about A's record.
        {
          who: "B's supplier owner, on an unknown id",
          session: world.b.supplier,
          status: 403,
          unknownId: true,
        },
      ];
    case 'public':
      return [
        { ...anonymous, status: 200 },
        { who: 'company B (supplier)', session: world.b.supplier, status: 200 },
        { who: 'company B (buyer)', session: world.b.buyer, status: 200 },
      ];
    case 'hidden':
      return [
        { ...anonymous, status: 404 },
        { who: `company B (${access.party})`, session: world.b[access.party], status: 404 },
      ];
  }
};

const errorCodes = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' } as const;

/** The standard error body (src/http/errors.ts) for a refusal's status. */
export const expectedError = (status: 401 | 403 | 404) => ({
  error: { code: errorCodes[status], message: expect.any(String), details: expect.any(Object) },
});

const isUpload = (body: object): body is FileUpload =>
  'file' in body && Buffer.isBuffer((body as FileUpload).file?.data);

/** Calls `route` at `url` as the caller, JSON or multipart, with a fresh Idempotency-Key on writes. */
export const callRoute = (
  h: Harness,
  { route, url, body, caller }: { route: RouteKey; url: string; body?: object; caller: Caller },
) => {
  const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const headers: Record<string, string> = caller.session ? { cookie: caller.session.cookie } : {};
  if (method !== 'GET') headers['idempotency-key'] = `matrix-${randomUUID()}`;
  if (!body) return h.app.inject({ method, url, headers });
  if (!isUpload(body)) return h.app.inject({ method, url, headers, payload: body });
  const boundary = '----tradelane-isolation-matrix';
  return h.app.inject({
    method,
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${body.file.name}"\r\nContent-Type: ${body.file.type}\r\n\r\n`,
      ),
      body.file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

/** The route's path with A's record in it: `/api/orders/{id}` → `/api/orders/ord_…`. */
export const fillPath = (route: RouteKey, params: Record<string, string>, query?: string) => {
  const path = route.split(' ')[1]!.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return query ? `${path}?${query}` : path;
};

/** Who may read the record of a GET row (A's party, or the operator), for the control call; none for writes. */
export const readerOf = (route: RouteKey, access: Access, world: World): Caller | undefined => {
  if (!route.startsWith('GET ')) return undefined;
  switch (access.kind) {
    case 'tenant':
    case 'hidden':
      return { who: `A's ${access.party} owner`, session: world.a[access.party] };
    case 'operator':
      return { who: 'the operator', session: world.operator };
    case 'public':
      return undefined;
  }
};

/**
 * The same path parameters naming records that do not exist, shaped like the
 * real ones (routes check an id's prefix and form): `ord_01m6…vng` →
 * `ord_01m6…000000`. A value that is not an id (a document kind) is kept.
 */
export const unknownIds = (params: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      /^[a-z]+_[0-9a-z]{7,}$/.test(value)
        ? `${value.slice(0, -6)}000000`
        : name === 'id'
          ? 'nonexistent'
          : value,
    ]),
  );
