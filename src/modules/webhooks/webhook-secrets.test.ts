import { describe, expect, it } from 'vitest';
import { newSupplier } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

type Operation = { responses?: unknown };
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

const operations = async () => {
  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods
      .filter((m) => item[m])
      .map((m) => ({ route: `${m.toUpperCase()} ${path}`, path, method: m, op: item[m]! })),
  );
};

/** The two answers that show a signing secret, once each. */
const showsSecret = ['POST /api/webhooks', 'POST /api/webhooks/{id}/rotate-secret'];

describe('webhook signing secrets', () => {
  it('appear in the response schema of creation and rotation only, across the whole API', async () => {
    const withSecret = (await operations())
      .filter(({ op }) => /"secret":\{/.test(JSON.stringify(op.responses ?? {})))
      .map((o) => o.route);
    expect(withSecret.sort()).toEqual([...showsSecret].sort());
  });

  it('are never in the answer of any other webhook route', async () => {
    const owner = await newSupplier(h);
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie: owner.cookie },
      payload: { url: 'https://hooks.example.com/erp', events: ['order.*'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json() as { id: string; secret: string };

    const routes = (await operations()).filter(
      (o) => o.path.startsWith('/api/webhooks') && !showsSecret.includes(o.route),
    );
    expect(routes.length).toBeGreaterThanOrEqual(5);
    // Reads first, the deactivation last, so every read sees a live endpoint.
    routes.sort((x, y) => Number(x.method === 'delete') - Number(y.method === 'delete'));
    for (const { route, path, method } of routes) {
      const response = await h.app.inject({
        method: method.toUpperCase() as 'GET',
        url: path.replace('{id}', path.includes('/deliveries/') ? 'whd_unknown' : id),
        headers: { cookie: owner.cookie },
        ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
      });
      expect(response.statusCode, route).toBeLessThan(500);
      expect(response.body, route).not.toContain(secret);
      expect(response.body, route).not.toContain('whsec_');
    }
  });
});
