import { and, eq, ne } from 'drizzle-orm';
import type { Actor, Ctx } from '../core/context.js';
import { makeCtx } from '../core/context.js';
import type { Db } from '../db/client.js';
import { products } from '../modules/catalog/index.js';
import { companies } from '../modules/identity/index.js';
import {
  acceptQuote,
  type CreateRfqInput,
  counterQuote,
  createRfq,
  getRfqMatches,
  openInquiry,
  postInquiryMessage,
  publishRfq,
  type QuoteOfferInput,
  respondToQuote,
  reviseQuote,
  submitQuote,
} from '../modules/sourcing/index.js';
import { memberActor, userOf } from './demo-actors.js';
import type { Random } from './random.js';

const day = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Template = {
  title: string;
  description: string;
  language?: 'en' | 'zh' | 'es';
  categoryCode: string;
  quantity: number;
  unit: string;
  /** Target unit price in major units of USD. */
  target: number;
  destinationPort: string;
  incoterm: CreateRfqInput['incoterm'];
};

/** Requests buyers really post, in the three languages; each lands in a category the demo catalog covers. */
const templates: Template[] = [
  {
    title: 'Bombas de agua sumergibles 1,5 kW para riego',
    description: 'Cuerpo de acero inoxidable, certificación CE, cable de 20 m.',
    language: 'es',
    categoryCode: 'machinery/pumps/water-pumps',
    quantity: 400,
    unit: 'piece',
    target: 42,
    destinationPort: 'ESVLC',
    incoterm: 'FOB',
  },
  {
    title: 'Stainless steel bolts and nuts M8–M16, A2-70',
    description: 'Mixed sizes, bulk packed in cartons, mill certificates required.',
    language: 'en',
    categoryCode: 'tools-hardware/fasteners/bolts-nuts',
    quantity: 50_000,
    unit: 'piece',
    target: 0.12,
    destinationPort: 'ESBCN',
    incoterm: 'CIF',
  },
  {
    title: '榨汁机 家用 300W',
    description: '需要CE和GS认证，彩盒包装，西班牙语说明书。',
    language: 'zh',
    categoryCode: 'home-appliances/kitchen-small-appliances/blenders-juicers',
    quantity: 2_000,
    unit: 'piece',
    target: 11.5,
    destinationPort: 'ESALG',
    incoterm: 'FOB',
  },
  {
    title: 'Adjustable dumbbells 2–24 kg, private label',
    description: 'Home gym line for retail chains, carton drop test required.',
    language: 'en',
    categoryCode: 'sports-entertainment/fitness-body-building/dumbbells-kettlebells',
    quantity: 600,
    unit: 'pair',
    target: 38,
    destinationPort: 'USLAX',
    incoterm: 'FOB',
  },
  {
    title: 'Christmas tree ornaments, shatterproof, 8 cm',
    description: 'Mixed colours, 24 pieces per box, EN71 tested.',
    language: 'en',
    categoryCode: 'gifts-crafts/festive-party-supplies/christmas-decorations',
    quantity: 10_000,
    unit: 'box',
    target: 2.2,
    destinationPort: 'DEHAM',
    incoterm: 'FOB',
  },
  {
    title: 'Filtros de aceite para motor, referencias surtidas',
    description: 'Para distribuidor de recambios en México, embalaje individual.',
    language: 'es',
    categoryCode: 'auto-parts/engine-parts/filters',
    quantity: 8_000,
    unit: 'piece',
    target: 1.6,
    destinationPort: 'MXZLO',
    incoterm: 'CFR',
  },
];

const offerFor = (template: Template, random: Random, now: Date): QuoteOfferInput => {
  const unitCents = Math.max(1, Math.round(template.target * 100 * (0.9 + random.next() * 0.3)));
  const moq = Math.max(1, Math.round(template.quantity / (2 + random.int(0, 3))));
  return {
    currency: 'USD',
    lines: [
      {
        description: template.title,
        quantity: template.quantity,
        unit: template.unit,
        priceTiers: [
          { minQuantity: moq, maxQuantity: template.quantity * 2 - 1, unitPrice: String(unitCents) },
          {
            minQuantity: template.quantity * 2,
            maxQuantity: null,
            unitPrice: String(Math.round(unitCents * 0.94)),
          },
        ],
      },
    ],
    moq,
    leadTimeDays: 20 + random.int(0, 25),
    incoterm: template.incoterm,
    port: random.pick(['CNNGB', 'CNSHA', 'CNSZX', 'CNQIN']),
    validUntil: isoDay(new Date(now.getTime() + 30 * day)),
    sample: { available: true, price: String(unitCents * 2), days: 7 },
    message: 'Factory price, inspection report available on request.',
  };
};

/**
 * Open RFQs with quotes in several states, through the real use cases: the
 * demo buyer's own RFQs (one countered and revised, one shortlisted, one
 * awarded, one draft), other buyers' RFQs in the demo supplier's feed, and
 * an inquiry thread. Deterministic for a given seed and clock.
 */
export const loadDemoSourcing = async (db: Db, random: Random, now: Date) => {
  const clock = () => new Date(now);
  const ctxAs = (actor: Actor): Ctx => makeCtx(db, actor, clock);
  const buyer = await userOf(db, 'buyer@demo.tradelane.dev');
  const supplier = await userOf(db, 'supplier@demo.tradelane.dev');
  const otherBuyers = await db
    .select({ id: companies.id, country: companies.country })
    .from(companies)
    .where(and(eq(companies.kind, 'buyer'), ne(companies.id, buyer.companyId)))
    .orderBy(companies.id)
    .limit(templates.length);

  const post = async (
    template: Template,
    by: { companyId: string; userId: string; country: string },
    publish = true,
  ) => {
    const ctx = ctxAs(memberActor(by.companyId, 'buyer', by.userId));
    const rfq = await createRfq(ctx, {
      title: template.title,
      description: template.description,
      language: template.language,
      categoryCode: template.categoryCode,
      quantity: template.quantity,
      unit: template.unit,
      targetUnitPrice: String(Math.round(template.target * 100)),
      currency: 'USD',
      destinationCountry: by.country,
      destinationPort: template.destinationPort.startsWith(by.country) ? template.destinationPort : null,
      transportMode: 'sea',
      incoterm: template.incoterm,
      deadline: new Date(now.getTime() + (10 + random.int(0, 20)) * day).toISOString(),
      visibility: 'invited',
      inviteLimit: 20,
      attachmentIds: [],
    });
    return publish ? publishRfq(ctx, { rfqId: rfq.id }) : rfq;
  };

  const quoteFromMatches = async (owner: Ctx, rfqId: string, template: Template, count: number) => {
    const matches = (await getRfqMatches(owner, { rfqId })).items.slice(0, count);
    const quotes = [];
    for (const m of matches) {
      const by = m.supplier.id === supplier.companyId ? supplier.userId : 'usr_demo';
      const ctx = ctxAs(memberActor(m.supplier.id, 'supplier', by));
      quotes.push(await submitQuote(ctx, { rfqId, offer: offerFor(template, random, now) }));
    }
    return quotes;
  };

  const buyerCtx = ctxAs(memberActor(buyer.companyId, 'buyer', buyer.userId));
  const me = { ...buyer, country: 'ES' };

  // 1. Open, three quotes: one countered and revised, one shortlisted, one waiting.
  const pumps = await post(templates[0]!, me);
  const pumpQuotes = await quoteFromMatches(buyerCtx, pumps.id, templates[0]!, 3);
  if (pumpQuotes[0]) {
    await counterQuote(buyerCtx, {
      quoteId: pumpQuotes[0].id,
      counter: {
        targetUnitPrice: '3900',
        quantity: null,
        leadTimeDays: null,
        message: '¿Pueden llegar a 39 USD por unidad?',
      },
    });
    const supplierCtx = ctxAs(memberActor(pumpQuotes[0].supplier.id, 'supplier', 'usr_demo'));
    await reviseQuote(supplierCtx, {
      quoteId: pumpQuotes[0].id,
      offer: {
        ...offerFor(templates[0]!, random, now),
        message: 'Revised offer: this is the best price we can do.',
      },
    });
  }
  if (pumpQuotes[1]) await respondToQuote(buyerCtx, { quoteId: pumpQuotes[1].id, action: 'shortlist' });

  // 2. Awarded: two quotes, one accepted (the other declined by the award).
  const bolts = await post(templates[1]!, me);
  const boltQuotes = await quoteFromMatches(buyerCtx, bolts.id, templates[1]!, 2);
  if (boltQuotes[0]) await acceptQuote(buyerCtx, { quoteId: boltQuotes[0].id });

  // 3. Open with one quote, and 4. a draft not yet published.
  const juicers = await post(templates[2]!, me);
  await quoteFromMatches(buyerCtx, juicers.id, templates[2]!, 1);
  await post(templates[3]!, me, false);

  // Other buyers' open RFQs: what fills suppliers' feeds (the first is for pumps, so the demo supplier sees it).
  for (const [i, other] of otherBuyers.slice(0, 3).entries()) {
    const template = templates[[0, 4, 5][i]!]!;
    const by = { companyId: other.id, userId: 'usr_demo', country: other.country };
    const rfq = await post(template, by);
    if (i > 0) await quoteFromMatches(ctxAs(memberActor(other.id, 'buyer', by.userId)), rfq.id, template, 1);
  }

  // An inquiry thread the demo supplier has answered, and one still waiting.
  const [pumpProduct] = await db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.companyId, supplier.companyId))
    .orderBy(products.id)
    .limit(1);
  if (pumpProduct) {
    const thread = await openInquiry(buyerCtx, {
      productId: pumpProduct.id,
      message: 'Hola, ¿cuál es el precio para 1.000 unidades con nuestro logotipo?',
      quantity: 1000,
      attachmentIds: [],
    });
    await postInquiryMessage(ctxAs(memberActor(supplier.companyId, 'supplier', supplier.userId)), {
      inquiryId: thread.id,
      message: { message: 'USD 41.20 FOB Ningbo with your logo; sample in 7 days.', attachmentIds: [] },
    });
  }
  await openInquiry(buyerCtx, {
    supplierId: supplier.companyId,
    message: 'Do you make solar surface pumps as well?',
    attachmentIds: [],
  });
};
