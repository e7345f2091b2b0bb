import type { Request as CannonRequest } from 'autocannon';
import { demoPassword } from '../src/demo/accounts.js';
import { seededRandom } from '../src/demo/random.js';
import { searchQueryMix } from './search-queries.js';

/** What one request of the mix stands for, to read latencies and failures per kind. */
export type RequestKind =
  | 'search'
  | 'product'
  | 'product-price'
  | 'order'
  | 'order-list'
  | 'rfq-draft'
  | 'rfq-publish';

/**
 * One visit: what a browsing buyer, a signed-in buyer and a supplier do,
 * 20 requests with search 35 %, product pages 40 %, order reads 15 %, and one
 * RFQ posted (drafted, then published: matched and sent to suppliers).
 */
const visit: RequestKind[] = [
  'search',
  'product',
  'product-price',
  'search',
  'product',
  'order',
  'search',
  'order-list',
  'product',
  'search',
  'rfq-draft',
  'rfq-publish',
  'search',
  'product',
  'order',
  'search',
  'product-price',
  'product',
  'product',
  'search',
];

export type Sessions = { buyer: string; supplier: string };
export type DemoIds = { products: { id: string; moq: number }[]; buyerOrderIds: string[] };

/** Signs a demo user in once; the cookie is reused for the whole run (sign-in is rate limited). */
const signIn = async (baseUrl: string, email: string) => {
  // better-auth checks the Origin against the server's base URL, which `tradelane start` names localhost.
  const origin = `http://localhost:${new URL(baseUrl).port}`;
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
};

export const signInDemoUsers = async (baseUrl: string): Promise<Sessions> => ({
  buyer: await signIn(baseUrl, 'buyer@demo.tradelane.dev'),
  supplier: await signIn(baseUrl, 'supplier@demo.tradelane.dev'),
});

const getJson = async <T>(url: string, cookie?: string): Promise<T> => {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** Real ids from the demo data, read through the API as the mix will read them. */
export const collectDemoIds = async (baseUrl: string, sessions: Sessions): Promise<DemoIds> => {
  const products: DemoIds['products'] = [];
  for (let page = 1; page <= 5; page++) {
    const { items } = await getJson<{ items: { id: string; moq: number }[] }>(
      `${baseUrl}/api/search/products?pageSize=100&page=${page}`,
    );
    products.push(...items.map((p) => ({ id: p.id, moq: p.moq })));
    if (items.length < 100) break;
  }
  const { items: orders } = await getJson<{ items: { id: string }[] }>(
    `${baseUrl}/api/orders?side=buyer&limit=100`,
    sessions.buyer,
  );
  if (products.length === 0 || orders.length === 0)
    throw new Error('the demo data has no products or no buyer orders: is this a fresh data dir?');
  return { products, buyerOrderIds: orders.map((o) => o.id) };
};

const rfqTemplates = [
  { title: 'Submersible water pumps 1.5 kW for irrigation', categoryCode: 'machinery/pumps/water-pumps' },
  {
    title: 'Stainless steel bolts and nuts M8–M16, A2-70',
    categoryCode: 'tools-hardware/fasteners/bolts-nuts',
  },
  { title: '榨汁机 家用 300W', categoryCode: 'home-appliances/kitchen-small-appliances/blenders-juicers' },
];

const rfqBody = (random: ReturnType<typeof seededRandom>) => {
  const template = random.pick(rfqTemplates);
  return JSON.stringify({
    ...template,
    description: 'Posted by the load benchmark.',
    quantity: random.int(100, 5000),
    unit: 'piece',
    targetUnitPrice: String(random.int(100, 9000)),
    currency: 'USD',
    destinationCountry: 'ES',
    destinationPort: 'ESVLC',
    transportMode: 'sea',
    incoterm: 'FOB',
    deadline: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
  });
};

const queryString = (input: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();

export type MixStats = {
  /** Set by each response just before autocannon reports its latency (both run synchronously). */
  lastKind: RequestKind | null;
  latencies: Map<RequestKind, number[]>;
  failures: Map<string, { count: number; sample: string }>;
};

export const newMixStats = (): MixStats => ({ lastKind: null, latencies: new Map(), failures: new Map() });

type Context = { client?: string; rfqId?: string };

/**
 * The autocannon request list for one visit. Each visit comes from the next
 * of `clients` addresses (RFC 2544's benchmark range) in X-Forwarded-For, as
 * a trusted proxy would send them: the per-address rate limits then count
 * per simulated client, as they would for real visitors.
 */
export const visitRequests = (options: {
  ids: DemoIds;
  sessions: Sessions;
  clients: number;
  stats: MixStats;
  seed: number;
}): CannonRequest[] => {
  const { ids, sessions, stats } = options;
  const random = seededRandom(options.seed);
  const searches = searchQueryMix(options.seed, 400).map(
    (q) => `/api/search/products?${queryString(q.input)}`,
  );
  let visits = 0;
  const nextClient = () => {
    const n = visits++ % options.clients;
    return `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  };
  const json = { 'content-type': 'application/json' };

  const request = (kind: RequestKind, first: boolean, build: (ctx: Context) => CannonRequest | null) => ({
    setupRequest: (req: CannonRequest, context: Context) => {
      if (first) context.client = nextClient();
      const built = build(context);
      if (!built) return null as unknown as CannonRequest;
      return {
        ...req,
        ...built,
        headers: { ...req.headers, ...built.headers, 'x-forwarded-for': context.client ?? nextClient() },
      };
    },
    onResponse: (status: number, body: string, context: Context) => {
      stats.lastKind = kind;
      if (kind === 'rfq-draft' && status === 201) context.rfqId = (JSON.parse(body) as { id: string }).id;
      if (status >= 200 && status < 300) return;
      const key = `${kind} ${status}`;
      const seen = stats.failures.get(key);
      if (seen) seen.count++;
      else stats.failures.set(key, { count: 1, sample: body.slice(0, 300) });
    },
  });

  const builders: Record<RequestKind, (ctx: Context) => CannonRequest | null> = {
    search: () => ({ method: 'GET', path: random.pick(searches) }),
    product: () => ({ method: 'GET', path: `/api/products/${random.pick(ids.products).id}` }),
    // A quantity the buyer may order: from the MOQ up (below it is a 422, as it should be).
    'product-price': () => {
      const product = random.pick(ids.products);
      return {
        method: 'GET',
        path: `/api/products/${product.id}/price?quantity=${product.moq * random.int(1, 5)}`,
      };
    },
    order: () => ({
      method: 'GET',
      path: `/api/orders/${random.pick(ids.buyerOrderIds)}`,
      headers: { cookie: sessions.buyer },
    }),
    'order-list': () => ({
      method: 'GET',
      path: '/api/orders?side=supplier&limit=20',
      headers: { cookie: sessions.supplier },
    }),
    'rfq-draft': () => ({
      method: 'POST',
      path: '/api/rfqs',
      headers: { ...json, cookie: sessions.buyer },
      body: rfqBody(random),
    }),
    // Without a draft (its POST failed, already counted) the visit ends here.
    'rfq-publish': (ctx) =>
      ctx.rfqId
        ? { method: 'POST', path: `/api/rfqs/${ctx.rfqId}/publish`, headers: { cookie: sessions.buyer } }
        : null,
  };
  return visit.map((kind, i) => request(kind, i === 0, builders[kind]));
};
