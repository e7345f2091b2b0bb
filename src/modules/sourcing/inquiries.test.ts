import { beforeAll, describe, expect, it } from 'vitest';
import { newBuyer, newMember, newProduct, newSupplier, type Session } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';
import { as } from '../../test/sourcing-factories.js';

const h = useHarness();
const hour = 60 * 60 * 1000;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

const upload = (session: Session, file: Buffer, filename: string) => {
  const boundary = '----tradelane';
  return h.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

describe('inquiries', () => {
  let buyer: Session;
  let supplier: Session;
  let productId: string;

  beforeAll(async () => {
    [buyer, supplier] = await Promise.all([newBuyer(h), newSupplier(h)]);
    productId = (await newProduct(h, supplier)).id;
  });

  it('opens a thread on a product, counts unread per side and records the first response', async () => {
    const opened = await as(h, buyer).post('/api/inquiries', {
      productId,
      message: 'Price for 2,000 pieces?',
      quantity: 2000,
      targetPrice: '3800',
      currency: 'USD',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const thread = opened.json();
    expect(thread).toMatchObject({
      supplier: { id: supplier.companyId },
      subject: 'Centrifugal water pump 1.5 kW',
    });
    expect(thread.messages[0]).toMatchObject({
      quantity: 2000,
      targetPrice: { amount: '3800', currency: 'USD' },
    });

    const inbox = (await as(h, supplier).get('/api/inquiries')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ id: thread.id, unread: 1, firstResponseAt: null });

    h.clock.advance(2 * hour);
    const reply = await as(h, supplier).post(`/api/inquiries/${thread.id}/messages`, {
      message: 'USD 39.00 FOB Ningbo.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    h.clock.advance(-2 * hour);
    expect(reply.json().firstResponseAt).not.toBeNull();
    expect((await as(h, supplier).get('/api/inquiries')).json().unread).toBe(0);
    expect((await as(h, buyer).get('/api/inquiries')).json().unread).toBe(1);
    await as(h, buyer).post(`/api/inquiries/${thread.id}/read`);
    expect((await as(h, buyer).get('/api/inquiries')).json().unread).toBe(0);
  });

  it('computes the Quick Response Rate over 30 days: answered within 24 h ÷ valid inquiries', async () => {
    const fresh = await newSupplier(h);
    const start = h.clock();
    const open = async () =>
      (
        await as(h, buyer).post('/api/inquiries', {
          supplierId: fresh.companyId,
          message: 'Catalogue please',
        })
      ).json().id as string;
    const answer = (id: string) =>
      as(h, fresh).post(`/api/inquiries/${id}/messages`, { message: 'Attached.' });
    try {
      const quick = await open();
      h.clock.advance(3 * hour);
      await answer(quick);
      const slow = await open();
      h.clock.advance(30 * hour);
      await answer(slow);
      await open(); // never answered, older than 24 h by the end: counts against
      h.clock.advance(25 * hour);
      await open(); // unanswered but only just arrived: not counted yet
      const card = (await as(h).get(`/api/companies/${fresh.companyId}/credibility`)).json();
      expect(card).toMatchObject({ inquiriesCounted: 3, answeredWithin: 1, windowHours: 24, periodDays: 30 });
      expect(card.responseRate).toBeCloseTo(1 / 3, 5);
      h.clock.advance(31 * 24 * hour);
      const later = (await as(h).get(`/api/companies/${fresh.companyId}/credibility`)).json();
      expect(later).toMatchObject({ inquiriesCounted: 0, responseRate: null });
    } finally {
      h.clock.set(start);
    }
  });

  it('serves attachments to both sides of the thread and to nobody else', async () => {
    const file = await upload(buyer, pdf, 'spec sheet.pdf');
    expect(file.statusCode, file.body).toBe(201);
    const renamed = await upload(buyer, Buffer.from('MZ…not a pdf'), 'invoice.pdf');
    expect(renamed.statusCode).toBe(415);
    const thread = (
      await as(h, buyer).post('/api/inquiries', {
        supplierId: supplier.companyId,
        message: 'See the spec',
        attachmentIds: [file.json().id],
      })
    ).json();
    const url = thread.messages[0].attachments[0].url as string;
    const seen = await as(h, supplier).get(url);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['content-type']).toBe('application/pdf');
    expect(seen.headers['content-disposition']).toContain('attachment');
    expect(Buffer.from(seen.rawPayload).equals(pdf)).toBe(true);
    expect((await as(h, await newSupplier(h)).get(url)).statusCode).toBe(404);
    expect((await as(h).get(url)).statusCode).toBe(401);
    // Another company cannot attach a file it did not upload.
    const stolen = await as(h, await newBuyer(h)).post('/api/inquiries', {
      supplierId: supplier.companyId,
      message: 'Mine now',
      attachmentIds: [file.json().id],
    });
    expect(stolen.statusCode).toBe(400);
  });

  it('refuses a supplier opening an inquiry, a buyer member without a sourcing role, and bad input', async () => {
    expect((await as(h, supplier).post('/api/inquiries', { productId, message: 'Hi' })).statusCode).toBe(403);
    const finance = await newMember(h, buyer, 'finance');
    expect((await as(h, finance).post('/api/inquiries', { productId, message: 'Hi' })).statusCode).toBe(403);
    const missing = await as(h, buyer).post('/api/inquiries', { message: 'To whom?' });
    expect(missing.statusCode).toBe(400);
    const noCurrency = await as(h, buyer).post('/api/inquiries', {
      productId,
      message: 'x',
      targetPrice: '100',
    });
    expect(noCurrency.statusCode).toBe(400);
    const unknown = await as(h, buyer).post('/api/inquiries', {
      supplierId: buyer.companyId,
      message: 'Me?',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
