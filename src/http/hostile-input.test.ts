import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/raw-sql.js';
import { newBuyer, newProduct, newSupplier, productInput, type Session } from '../test/factories.js';
import { useHarness } from '../test/harness.js';
import { as } from '../test/sourcing-factories.js';
import { statusOf } from './errors.js';

const h = useHarness();

let supplier: Session;
let buyer: Session;
let productId: string;

beforeAll(async () => {
  supplier = await newSupplier(h);
  buyer = await newBuyer(h);
  productId = (await newProduct(h, supplier)).id;
});

/** The standard error format, with the status its code maps to. */
const expectError = (response: LightMyRequestResponse, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const { error } = response.json();
  expect(error).toMatchObject({ code, message: expect.any(String), details: expect.any(Object) });
  expect(statusOf[code as keyof typeof statusOf]).toBe(status);
  return error as { message: string; details: Record<string, unknown> };
};

/** The supplier's products and their texts: a refused request must leave them exactly as they were. */
const productsOf = (companyId: string) =>
  queryRows<{ id: string; title_en: string; description_en: string; moq: number }>(
    h.database.db,
    sql`select id, title_en, description_en, moq from products where company_id = ${companyId} order by id`,
  );

const postProductRaw = (payload: string | Buffer, contentType = 'application/json') =>
  h.app.inject({
    method: 'POST',
    url: '/api/products',
    headers: { cookie: supplier.cookie, 'content-type': contentType },
    payload,
  });

const multipart = (session: Session, url: string, file: { name: string; type: string; data: Buffer }) => {
  const boundary = '----tradelane-hostile';
  return h.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(64, 7)]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('malformed requests are refused in the error format, and change nothing', () => {
  it('refuses broken JSON with 400', async () => {
    const before = await productsOf(supplier.companyId);
    for (const body of ['{', '{"title":', '{"a":1,}', "{'a':1}", '']) {
      expectError(await postProductRaw(body), 400, 'VALIDATION_FAILED');
    }
    expect(await productsOf(supplier.companyId)).toEqual(before);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const valid = JSON.stringify(productInput());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html']) {
      const error = expectError(await postProductRaw(valid, type), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(error.message).toMatch(/JSON/);
    }
  });

  it('refuses a body over the 1 MiB limit with 413', async () => {
    const huge = JSON.stringify(productInput({ description: { en: 'x'.repeat(1024 * 1024) } }));
    expectError(await postProductRaw(huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses deeply nested JSON without exhausting the stack', async () => {
    const before = await productsOf(supplier.companyId);
    const arrays = `{"title":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const objects = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const body of [arrays, objects]) {
      const response = await postProductRaw(body);
      expectError(response, 400, 'VALIDATION_FAILED');
    }
    expect(await productsOf(supplier.companyId)).toEqual(before);
  });

  it('refuses prototype-polluting keys, and pollutes nothing', async () => {
    const polluted = JSON.stringify(productInput()).replace(/^\{/, '{"__proto__":{"admin":true},');
    expectError(await postProductRaw(polluted), 400, 'VALIDATION_FAILED');
    const viaConstructor = JSON.stringify({ ...productInput(), constructor: { prototype: { admin: true } } });
    expectError(await postProductRaw(viaConstructor), 400, 'VALIDATION_FAILED');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('reads invalid UTF-8 as replacement characters, never as a server error', async () => {
    // 0xff 0xfe are never UTF-8; 0xc3 0x28 is a broken two-byte sequence.
    const input = JSON.stringify(productInput({ title: { en: 'PUMP_TITLE' } }));
    const [head, tail] = input.split('PUMP_TITLE') as [string, string];
    const body = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0x50, 0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from(tail),
    ]);
    const created = await postProductRaw(body);
    expect(created.statusCode, created.body).toBe(201);
    const view = await as(h, buyer).get(`/api/products/${created.json().id}`);
    expect(view.json().title.en).toBe('P\uFFFD\uFFFD\uFFFD(');
    // Bytes that break the JSON itself are a 400, and bad percent-escapes in the URL too.
    expectError(await postProductRaw(Buffer.from([0x7b, 0xff, 0x7d])), 400, 'VALIDATION_FAILED');
    for (const url of ['/api/products/%ff%fe', '/api/products/%c3%28', '/api/products/%zz']) {
      const response = await as(h, buyer).get(url);
      expectError(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('refuses a request with one bad field whole: nothing of it is written', async () => {
    const before = await productsOf(supplier.companyId);
    const response = await h.app.inject({
      method: 'PATCH',
      url: `/api/products/${productId}`,
      headers: { cookie: supplier.cookie },
      payload: { title: { en: 'Renamed pump' }, moq: -5 },
    });
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(await productsOf(supplier.companyId)).toEqual(before);
  });
});

describe('uploads and downloads', () => {
  it('stores an upload under its own id whatever its file name says, and sends a tame name back', async () => {
    const evilName = '../../../../tmp/tradelane-escape.pdf';
    const uploaded = await multipart(supplier, '/api/attachments', {
      name: evilName,
      type: 'application/pdf',
      data: pdf,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json() as { id: string; fileName: string };
    expect(attachment.fileName).not.toMatch(/[/\\]/);
    expect(existsSync('/tmp/tradelane-escape.pdf')).toBe(false);
    const stored = readdirSync(join(h.dataDir, 'uploads', supplier.companyId, 'attachments'));
    expect(stored).toContain(`${attachment.id}.pdf`);

    const thread = await as(h, buyer).post('/api/inquiries', {
      supplierId: supplier.companyId,
      message: 'What is your MOQ?',
    });
    expect(thread.statusCode, thread.body).toBe(201);
    const threadId = thread.json().id as string;
    const reply = await as(h, supplier).post(`/api/inquiries/${threadId}/messages`, {
      message: 'Catalogue attached.',
      attachmentIds: [attachment.id],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const download = await as(h, buyer).get(`/api/inquiries/${threadId}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    // The multipart parser keeps only the last segment of a name; the header allows only [\w.-] besides.
    expect(download.headers['content-disposition']).toBe('attachment; filename="tradelane-escape.pdf"');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // A traversal in the download path names no record: refused before any file is read.
    for (const bad of ['..%2F..%2F..%2Fetc%2Fpasswd', '..', `${attachment.id}%00.pdf`, '%2e%2e%2f']) {
      const response = await as(h, buyer).get(`/api/inquiries/${threadId}/attachments/${bad}`);
      expect([400, 404], `${bad}: ${response.body}`).toContain(response.statusCode);
      expect(response.json().error.code).toMatch(/VALIDATION_FAILED|NOT_FOUND/);
    }
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '%2e%2e']) {
      const response = await as(h, buyer).get(`/api/images/${bad}`);
      expect([400, 404], `${bad}: ${response.body}`).toContain(response.statusCode);
    }
  });

  it('refuses a file over 5 MB with 413, one whose bytes are not the type it claims with 415, and JSON with 415', async () => {
    const url = `/api/products/${productId}/images`;
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 1)]);
    expectError(
      await multipart(supplier, url, { name: 'big.png', type: 'image/png', data: big }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const script = Buffer.from('<svg onload="alert(1)"></svg>');
    expectError(
      await multipart(supplier, url, { name: 'pump.png', type: 'image/png', data: script }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await multipart(supplier, '/api/attachments', { name: 'a.pdf', type: 'application/pdf', data: script }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await as(h, supplier).post(url, { file: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    // A body that only claims to be multipart.
    for (const payload of [
      '{}',
      '--fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc',
    ]) {
      const broken = await h.app.inject({
        method: 'POST',
        url,
        headers: { cookie: supplier.cookie, 'content-type': 'multipart/form-data; boundary=fuzz' },
        payload,
      });
      expectError(broken, 400, 'VALIDATION_FAILED');
    }
    const images = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from product_images where company_id = ${supplier.companyId}`,
    );
    expect(images[0]!.n).toBe(0);
    const ok = await multipart(supplier, url, { name: '../../pump.png', type: 'text/plain', data: png });
    expect(ok.statusCode, ok.body).toBe(201);
    const image = await as(h, buyer).get(ok.json().url);
    // Served as the type its bytes are, whatever the upload claimed.
    expect(image.headers['content-type']).toBe('image/png');
  });
});

describe('script in texts is kept as text and answered as JSON', () => {
  const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';

  it('stores product texts and messages verbatim and never serves them as HTML', async () => {
    const product = await newProduct(h, supplier, {
      title: { en: script },
      description: { en: `${script} & "quotes"` },
      attributes: [{ name: '<b>power</b>', value: script }],
    });
    const view = await as(h, buyer).get(`/api/products/${product.id}`);
    expect(view.headers['content-type']).toMatch(/^application\/json/);
    expect(view.headers['x-content-type-options']).toBe('nosniff');
    expect(view.json().title.en).toBe(script);
    expect(view.json().description.en).toBe(`${script} & "quotes"`);

    const thread = await as(h, buyer).post('/api/inquiries', {
      supplierId: supplier.companyId,
      message: script,
    });
    expect(thread.statusCode, thread.body).toBe(201);
    const read = await as(h, supplier).get(`/api/inquiries/${thread.json().id}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().messages.map((m: { body: string }) => m.body)).toContain(script);
    // The page that renders them forbids inline script: an injected tag could not run.
    const csp = String(view.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' script");
  });
});

describe('search', () => {
  it('answers a query of 10,000 characters, and refuses a longer one with a clear message', async () => {
    for (const q of [
      'x'.repeat(10_000),
      'pump '.repeat(2_000),
      '泵'.repeat(10_000),
      '<script>'.repeat(1_250),
    ]) {
      const response = await as(h, buyer).get(`/api/search/products?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.json().items).toEqual(expect.any(Array));
    }
    const tooLong = await as(h, buyer).get(`/api/search/products?q=${'x'.repeat(10_001)}`);
    const error = expectError(tooLong, 400, 'VALIDATION_FAILED');
    expect(error.message).toMatch(/querystring\.q/);
    expect(error.message).toMatch(/10000/);
  });
});
