import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../modules/ledger/index.js';
import { newDeclaration } from '../test/declaration-factories.js';
import { newBuyer, newOperator, newProduct, newSupplier, type Session } from '../test/factories.js';
import { newForwarder, publishCard } from '../test/freight-factories.js';
import { type FuzzOperation, fuzzOperations, type OpenApiPaths } from '../test/fuzz/openapi-operations.js';
import { type Caller, type FuzzRequest, requestArbitrary } from '../test/fuzz/request-arbitrary.js';
import { useHarness } from '../test/harness.js';
import { placeOrder } from '../test/order-factories.js';
import { as, newQuote, newRfq } from '../test/sourcing-factories.js';
import { statusOf } from './errors.js';

/**
 * Every route of the OpenAPI document, called with requests generated from
 * its own schemas (valid ones that reach the use cases, and hostile ones):
 * never a 500, and every refusal in the standard error format.
 *
 * `npm test` runs FUZZ_RUNS (default 25) cases per route; `npm run fuzz`
 * runs 1,000. FUZZ_SEED reproduces a run (the seed is printed); FUZZ_SHARD=i/n
 * takes every n-th route from the i-th (0-based), to split a long run over processes.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const [shard, shards] = (process.env.FUZZ_SHARD ?? '0/1').split('/').map(Number) as [number, number];
/** FUZZ_ROUTE=regex fuzzes only the routes (`METHOD /path`) it matches. */
const only = new RegExp(process.env.FUZZ_ROUTE ?? '');

const h = useHarness();

type Failure = { request: FuzzRequest; status: number; body: string; problem: string };

/** Why `response` breaks the contract, or undefined when it keeps it. */
const contractProblem = (status: number, contentType: string | undefined, body: string) => {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return undefined;
  if (!contentType?.startsWith('application/json')) return `error answered as ${contentType}`;
  let parsed: { error?: { code?: unknown; message?: unknown; details?: unknown } };
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'error body is not JSON';
  }
  const error = parsed.error;
  if (!error || typeof error.code !== 'string' || !(error.code in statusOf)) return 'no known error code';
  if (statusOf[error.code as keyof typeof statusOf] !== status)
    return `code ${error.code} with status ${status}`;
  if (typeof error.message !== 'string' || error.message === '') return 'no error message';
  if (typeof error.details !== 'object' || error.details === null || Array.isArray(error.details)) {
    return 'details is not an object';
  }
  return undefined;
};

const describeFailure = (f: Failure) => ({
  problem: f.problem,
  caller: f.request.caller,
  request: `${f.request.method} ${f.request.url.slice(0, 300)}`,
  headers: f.request.headers['content-type'],
  payload: String(f.request.payload ?? '').slice(0, 300),
  status: f.status,
  body: f.body.slice(0, 300),
});

/** Members of every company kind, the operator and an anonymous caller; the real ids they can see. */
const seedWorld = async () => {
  const supplier = await newSupplier(h);
  const buyer = await newBuyer(h);
  const forwarder = await newForwarder(h);
  const operator = await newOperator(h);
  const product = await newProduct(h, supplier);
  const rfq = await newRfq(h, buyer);
  const quote = await newQuote(h, supplier, rfq.id);
  const order = await placeOrder(h, { buyer, supplier });
  const inquiry = await as(h, buyer).post('/api/inquiries', {
    supplierId: supplier.companyId,
    message: 'Catalogue and prices for 500 pieces, please.',
  });
  expect(inquiry.statusCode, inquiry.body).toBe(201);
  const card = await publishCard(h, forwarder);
  const declaration = await newDeclaration(h, supplier);
  const webhook = await as(h, supplier).post('/api/webhooks', {
    url: 'https://hooks.example.com/tradelane',
    events: ['order.*'],
  });
  expect(webhook.statusCode, webhook.body).toBe(201);
  const programs = (await as(h, supplier).get('/api/programs')).json() as { items?: { id: string }[] };
  const sessions: [string, Session][] = [
    ['supplier', supplier],
    ['buyer', buyer],
    ['forwarder', forwarder],
    ['operator', operator],
  ];
  const callers: Caller[] = [
    ...sessions.map(([name, s]) => ({ name, headers: { cookie: s.cookie } })),
    { name: 'anonymous', headers: {} },
  ];
  const ids = [
    ...sessions.flatMap(([, s]) => [s.companyId, s.userId]),
    product.id,
    rfq.id,
    quote.id,
    order.id,
    inquiry.json().id as string,
    card.card.id,
    ...card.departures.slice(0, 1).map((d) => d.id),
    declaration.id,
    webhook.json().id as string,
    ...(programs.items ?? []).map((p) => p.id),
  ];
  return { callers, ids };
};

/** Destructive commands last, so the others still find the seeded records. */
const byDestructiveness = (a: FuzzOperation, b: FuzzOperation) =>
  Number(a.method === 'DELETE') - Number(b.method === 'DELETE');

describe('fuzzing every route from its schema', () => {
  let world: Awaited<ReturnType<typeof seedWorld>>;
  let operations: FuzzOperation[];
  beforeAll(async () => {
    world = await seedWorld();
    operations = fuzzOperations(h.app.swagger() as unknown as OpenApiPaths)
      .filter((op, i) => i % shards === shard && only.test(`${op.method} ${op.path}`))
      .sort(byDestructiveness);
  });

  it(
    `answers ${runs} generated requests per route without a server error, refusals in the error format`,
    async () => {
      console.log(
        `fuzz: seed ${seed}, ${runs} runs per route, ${operations.length} routes (FUZZ_SEED to replay)`,
      );
      const failures: Failure[] = [];
      const counts: string[] = [];
      let total = 0;
      for (const op of operations) {
        const statuses = new Map<number, number>();
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op, world.callers, world.ids), async (request) => {
            const response = await h.app.inject({
              method: request.method,
              url: request.url,
              headers: request.headers,
              ...(request.payload !== undefined ? { payload: request.payload } : {}),
            });
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            const problem = contractProblem(
              response.statusCode,
              response.headers['content-type'] as string | undefined,
              response.body,
            );
            if (problem)
              failures.push({ request, status: response.statusCode, body: response.body, problem });
          }),
          { numRuns: runs, seed },
        );
        const cases = [...statuses.values()].reduce((a, b) => a + b, 0);
        total += cases;
        const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
        counts.push(
          `${op.method} ${op.path}: ${cases} (${byStatus.join(' ')}) in ${Math.round(performance.now() - started)} ms`,
        );
        if (process.env.FUZZ_PROGRESS === '1') console.log(counts.at(-1));
      }
      const serverErrors = failures.filter((f) => f.status >= 500).length;
      console.log(
        `${counts.join('\n')}\nfuzz: ${total} cases, ${serverErrors} server errors, ${failures.length} contract failures`,
      );
      expect(failures.slice(0, 10).map(describeFailure)).toEqual([]);
      // Whatever the fuzz did or was refused, the money it touched still balances.
      expect((await verifyLedger(h.database.db)).violations).toEqual([]);
    },
    Math.max(60_000, runs * 150 * 400),
  );
});
