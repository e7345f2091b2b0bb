import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProduct } from './factories.js';
import { useHarness } from './harness.js';
import {
  callRoute,
  expectedCalls,
  expectedError,
  fillPath,
  readerOf,
  unknownIds,
} from './isolation/callers.js';
import { fingerprinter } from './isolation/fingerprint.js';
import { isolationRegistry } from './isolation/registry.js';
import type { RouteKey } from './isolation/types.js';
import { buildWorld, type World } from './isolation/world.js';

/**
 * The tenant-isolation matrix: every route of the OpenAPI document with an
 * id in its path is called on a record of company A by an anonymous caller,
 * by company B of the same kind and by a member of A without the role, and
 * must refuse each as its row declares (401, 404, 403; operator routes 403 to
 * every non-operator), in the standard error body, writing nothing anywhere.
 */

// Webhook endpoints may point at plain http in tests (none is ever delivered to here).
process.env.TRADELANE_WEBHOOKS_ALLOW_HTTP = '1';
const h = useHarness();

let world: World;
let fingerprint: () => Promise<Record<string, string>>;
/** Calls made: the matrix's own (refused, or public reads), and the control reads by whoever may read. */
let calls = 0;
let controls = 0;

beforeAll(async () => {
  world = await buildWorld(h);
  fingerprint = await fingerprinter(h);
});

afterAll(() => {
  const rows = isolationRegistry.reduce((n, m) => n + m.cases.length, 0);
  const routes = new Set(isolationRegistry.flatMap((m) => m.cases.map((c) => c.route))).size;
  console.info(
    `isolation matrix: ${routes} id routes in ${rows} rows, ${calls} matrix calls, ${controls} control reads`,
  );
});

const idRoutesOf = (doc: { paths: Record<string, Record<string, unknown>> }) =>
  Object.entries(doc.paths)
    .filter(([path]) => path.includes('{'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}` as RouteKey),
    );

it('has a row for every route of the OpenAPI document with an id in its path, and none for a route it lacks', async () => {
  await h.app.ready();
  const documented = idRoutesOf(h.app.swagger() as Parameters<typeof idRoutesOf>[0]);
  const covered = new Set(isolationRegistry.flatMap((m) => m.cases.map((c) => c.route)));
  expect(
    documented.filter((route) => !covered.has(route)),
    'id routes without a row in src/test/isolation',
  ).toEqual([]);
  expect(
    [...covered].filter((route) => !documented.includes(route)),
    'rows for routes the OpenAPI document does not list',
  ).toEqual([]);
  expect(documented.length).toBeGreaterThan(0);
});

for (const module of isolationRegistry) {
  describe(module.name, () => {
    let fixture: unknown;
    beforeAll(async () => {
      fixture = await module.setup(h, world);
      // What the setup set in motion is delivered now, not during a row.
      await h.drainOutbox();
    });

    for (const row of module.cases) {
      const name = `${row.route}${row.variant ? ` (${row.variant})` : ''}: ${row.access.kind}`;
      it(name, async () => {
        const params = row.params(fixture, world);
        const url = fillPath(row.route, params, row.query);
        const unknownUrl = fillPath(row.route, unknownIds(params), row.query);
        const body = row.body?.(fixture, world);
        const before = await fingerprint();
        for (const caller of expectedCalls(row.access, world)) {
          const response = await callRoute(h, {
            route: row.route,
            url: caller.unknownId ? unknownUrl : url,
            body,
            caller,
          });
          calls++;
          expect(response.statusCode, `${caller.who}: ${response.body.slice(0, 300)}`).toBe(caller.status);
          if (caller.status === 200) row.check?.(response, fixture, caller);
          else expect(response.json(), caller.who).toEqual(expectedError(caller.status));
        }
        expect(await fingerprint(), 'tables written by a refused or public call').toEqual(before);
        // The refusals were about the caller, not a broken id: whoever may read the record reads it.
        const reader = readerOf(row.route, row.access, world);
        if (reader) {
          const response = await callRoute(h, { route: row.route, url, caller: reader });
          controls++;
          expect(response.statusCode, `${reader.who}: ${response.body.slice(0, 300)}`).toBe(200);
        }
      });
    }
  });
}

describe('the fingerprint', () => {
  it('sees a write: the owner’s own change to a product is noticed', async () => {
    const product = await newProduct(h, world.a.supplier);
    const before = await fingerprint();
    const patched = await callRoute(h, {
      route: 'PATCH /api/products/{id}',
      url: `/api/products/${product.id}`,
      body: { title: { en: 'Cast iron water pump, 1.5 kW' } },
      caller: { who: 'owner', session: world.a.supplier },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await fingerprint();
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toContain('products');
  });
});
