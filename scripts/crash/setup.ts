import { randomBytes } from 'node:crypto';
import { Client } from './http-client.js';

/** The parties of a crash run: several buyers (one per client), one supplier, one forwarder. */
export type Cast = {
  buyers: Client[];
  /** The supplier's session, shared by the clients (it confirms, ships and refunds). */
  supplier: Client;
  productId: string;
  departures: { id: string; capacity: number }[];
};

const expectStatus = (what: string, reply: { status: number; body: unknown }, status: number) => {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as { id: string; departures?: { id: string }[] };
};

/** A new user who registers a company of `kind` and owns it, over HTTP as the web app does. */
const newCompany = async (baseUrl: string, kind: 'buyer' | 'supplier' | 'forwarder'): Promise<Client> => {
  const client = new Client(baseUrl);
  const email = `crash-${randomBytes(5).toString('hex')}@test.tradelane.dev`;
  expectStatus(
    'sign-up',
    await client.sendUntilAnswered('POST', '/api/auth/sign-up/email', {
      name: `Crash ${kind}`,
      email,
      password: 'correct-horse-battery',
    }),
    200,
  );
  const country = kind === 'buyer' ? 'ES' : 'CN';
  const company = expectStatus(
    'company',
    await client.sendUntilAnswered('POST', '/api/companies', {
      name: `Crash ${kind} ${randomBytes(3).toString('hex')}`,
      kind,
      country,
      ...(country === 'CN' ? { province: kind === 'forwarder' ? '310000' : '440000' } : {}),
      yearEstablished: 2010,
    }),
    201,
  );
  client.companyId = company.id;
  return client;
};

const isoDay = (daysFromNow: number) =>
  new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** Seeds the parties, a product and a rate card whose departures have little space (so bookings contend). */
export const setUpCast = async (
  baseUrl: string,
  options: { clients: number; capacityPerDeparture: number },
): Promise<Cast> => {
  const supplier = await newCompany(baseUrl, 'supplier');
  const buyers: Client[] = [];
  for (let i = 0; i < options.clients; i++) buyers.push(await newCompany(baseUrl, 'buyer'));
  const product = expectStatus(
    'product',
    await supplier.sendUntilAnswered('POST', '/api/products', {
      categoryCode: 'machinery/pumps/water-pumps',
      hsCode: '841370',
      title: { en: 'Centrifugal water pump 1.5 kW' },
      description: { en: 'Cast iron body, copper winding.' },
      attributes: [{ name: 'power', value: '1.5 kW' }],
      certifications: ['CE'],
      originProvince: '330000',
      moq: 10,
      unit: 'piece',
      currency: 'USD',
      priceTiers: [{ minQuantity: 10, maxQuantity: null, unitPrice: '4500' }],
      leadTimeTiers: [{ maxQuantity: 1000, days: 15 }],
      customizationOptions: [],
    }),
    201,
  );
  const forwarder = await newCompany(baseUrl, 'forwarder');
  const card = expectStatus(
    'rate card',
    await forwarder.sendUntilAnswered('POST', '/api/freight/rate-cards', {
      origin: 'CNSHA',
      destination: 'USLAX',
      mode: 'sea_fcl',
      containerType: '40HQ',
      currency: 'USD',
      basePrice: '250000',
      surcharges: [{ code: 'DOC', name: 'Documentation', amount: '7500', per: 'shipment' }],
      guaranteedPremium: '30000',
      rolloverTerms: { perContainer: '20000', perDay: '5000' },
      transitDays: 14,
      validFrom: isoDay(0),
      validTo: isoDay(90),
      schedule: { dates: [isoDay(20), isoDay(27), isoDay(34), isoDay(41)] },
      capacityPerDeparture: options.capacityPerDeparture,
      carrier: 'COSCO Shipping',
      service: 'AAC',
    }),
    201,
  );
  return {
    buyers,
    supplier,
    productId: product.id,
    departures: (card.departures ?? []).map((d) => ({
      id: d.id,
      capacity: options.capacityPerDeparture,
    })),
  };
};
