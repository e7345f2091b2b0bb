import { describe, expect, it } from 'vitest';
import { newProduct, newSupplier, signUp } from '../test/factories.js';
import { useHarness } from '../test/harness.js';

const h = useHarness();

describe('the HTTP edge', () => {
  it('reports health with the database engine', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { ok: true, engine: expect.stringMatching(/pglite|postgres/) },
    });
  });

  it('tags every response with a request id and secure headers', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/taxonomy' });
    expect(response.headers['x-request-id']).toMatch(/^req_/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('publishes OpenAPI 3.1 with every catalog route, and the docs UI', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/search/products',
      '/api/products/{id}',
      '/api/products',
      '/api/companies/{id}',
      '/api/taxonomy',
      '/api/hs/{code}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });

  it('answers malformed JSON, wrong content types, huge bodies and unknown routes in the standard format', async () => {
    const supplier = await newSupplier(h);
    const cases = [
      {
        payload: '{"title":',
        headers: { 'content-type': 'application/json' },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        payload: 'title=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        payload: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
    ];
    for (const c of cases) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/products',
        payload: c.payload,
        headers: { ...c.headers, cookie: supplier.cookie },
      });
      expect(response.statusCode, c.code).toBe(c.status);
      expect(response.json().error.code).toBe(c.code);
    }
    const unknown = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
  });

  it('serves taxonomy names in three languages and HS codes with their children', async () => {
    const taxonomy = (await h.app.inject({ method: 'GET', url: '/api/taxonomy' })).json().nodes as {
      code: string;
      name: Record<string, string>;
    }[];
    const heaters = taxonomy.find((n) => n.code === 'home-appliances/water-heaters');
    expect(heaters?.name).toEqual({
      en: expect.any(String),
      zh: expect.stringMatching(/热水器/),
      es: expect.any(String),
    });
    const hs = await h.app.inject({ method: 'GET', url: '/api/hs/8413' });
    expect(hs.json()).toMatchObject({ code: '8413', level: 4 });
    expect(hs.json().children.map((c: { code: string }) => c.code)).toContain('841370');
    expect((await h.app.inject({ method: 'GET', url: '/api/hs/841399' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/hs/abc' })).statusCode).toBe(400);
  });
});

describe('pricing over HTTP', () => {
  it('quotes tier prices and refuses below the MOQ with 422', async () => {
    const supplier = await newSupplier(h);
    const product = await newProduct(h, supplier);
    const quote = await h.app.inject({
      method: 'GET',
      url: `/api/products/${product.id}/price?quantity=100`,
    });
    expect(quote.json()).toEqual({
      quantity: 100,
      unitPrice: { amount: '4500', currency: 'USD' },
      total: { amount: '450000', currency: 'USD' },
      listUnitPrice: { amount: '4500', currency: 'USD' },
      tier: { minQuantity: 100, maxQuantity: 499 },
      promotion: null,
    });
    const below = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}/price?quantity=9` });
    expect(below.statusCode).toBe(422);
    expect(below.json().error).toMatchObject({ code: 'BELOW_MOQ', details: { moq: 10 } });
  });

  it('never takes a price from the client: tiers are validated before anything is written', async () => {
    const supplier = await newSupplier(h);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: { cookie: supplier.cookie },
      payload: {
        categoryCode: 'machinery/pumps/water-pumps',
        hsCode: '841370',
        title: { en: 'Overlapping tiers pump' },
        moq: 10,
        unit: 'piece',
        currency: 'USD',
        priceTiers: [
          { minQuantity: 10, maxQuantity: 100, unitPrice: '5000' },
          { minQuantity: 50, maxQuantity: null, unitPrice: '4000' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('priceTiers[1]');
    const showroom = await h.app.inject({
      method: 'GET',
      url: `/api/companies/${supplier.companyId}/products`,
    });
    expect(showroom.json().total).toBe(0);
  });
});

describe('product images', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const upload = (productId: string, cookie: string, file: Buffer, filename: string) => {
    const boundary = '----tradelane';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return h.app.inject({
      method: 'POST',
      url: `/api/products/${productId}/images`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };

  it('stores an image by id whatever its file name says, and serves it', async () => {
    const supplier = await newSupplier(h);
    const product = await newProduct(h, supplier);
    const response = await upload(product.id, supplier.cookie, png, '../../../etc/passwd.png');
    expect(response.statusCode, response.body).toBe(201);
    const image = await h.app.inject({ method: 'GET', url: response.json().url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.from(image.rawPayload).equals(png)).toBe(true);
    const view = await h.app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(view.json().images).toEqual([{ id: response.json().id, url: response.json().url }]);
  });

  it('shows the image on the product’s card in lists, with its price range', async () => {
    const supplier = await newSupplier(h);
    const product = await newProduct(h, supplier);
    const image = await upload(product.id, supplier.cookie, png, 'front.png');
    const showroom = await h.app.inject({
      method: 'GET',
      url: `/api/companies/${supplier.companyId}/products`,
    });
    const [card] = showroom.json().items;
    expect(card.id).toBe(product.id);
    expect(card.imageUrl).toBe(image.json().url);
    expect(card.price.min.amount).not.toBe('0');
  });

  it('refuses a file that is not an image (415) and another supplier’s product (404)', async () => {
    const supplier = await newSupplier(h);
    const product = await newProduct(h, supplier);
    const script = await upload(
      product.id,
      supplier.cookie,
      Buffer.from('<script>alert(1)</script>'),
      'x.png',
    );
    expect(script.statusCode).toBe(415);
    const other = await newSupplier(h);
    const foreign = await upload(product.id, other.cookie, png, 'x.png');
    expect(foreign.statusCode).toBe(404);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `/api/products/${product.id}/images`,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per client', async () => {
    const user = await signUp(h);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: user.email, password: 'wrong-password-1' },
        remoteAddress: '203.0.113.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
  });
});
