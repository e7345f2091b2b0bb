import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { newId } from '../core/ids.js';
import type { Database, Db } from '../db/client.js';
import { insertProducts } from '../modules/catalog/index.js';
import { companies, createAuth, members, users } from '../modules/identity/index.js';
import {
  type DemoAccount,
  demoAccounts,
  demoCompanies,
  demoPassword,
  demoSecondSupplierAccount,
} from './accounts.js';
import { loadDemoAds } from './demo-ads.js';
import { loadDemoDeclarations } from './demo-declarations.js';
import { loadDemoFreight } from './demo-freight.js';
import { loadDemoOrders } from './demo-orders.js';
import { loadDemoSourcing } from './demo-sourcing.js';
import { loadDemoTiers } from './demo-tiers.js';
import { type DemoCompany, generateBuyers, generateProduct, generateSuppliers } from './generate.js';
import { seededRandom } from './random.js';
import { loadTradeHistory } from './trade-history.js';

export const demoSize = { suppliers: 64, buyers: 45, productsPerSupplier: 50 } as const;

const insertCompany = async (db: Db, company: DemoCompany) => {
  const id = newId('co', company.joinedAt);
  await db.insert(companies).values({
    id,
    name: company.name,
    slug: `${company.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${id.slice(-6)}`,
    kind: company.kind,
    country: company.country,
    province: company.province,
    yearEstablished: company.yearEstablished,
    verificationLevel: company.verificationLevel,
    auditorName: company.auditorName,
    verifiedAt: company.verificationLevel === 'unverified' ? null : company.joinedAt,
    createdAt: company.joinedAt,
  });
  return id;
};

const demoAuth = (database: Database) =>
  createAuth({
    db: database.db,
    secret: randomBytes(32).toString('base64'),
    baseURL: 'http://localhost',
  });

/** A sign-in through better-auth, so its password is hashed as any user's is, and its membership. */
const addDemoMember = async (
  database: Database,
  auth: ReturnType<typeof demoAuth>,
  account: { email: string; name: string; role: DemoAccount['role'] },
  companyId: string,
) => {
  const { user } = await auth.api.signUpEmail({
    body: { name: account.name, email: account.email, password: demoPassword },
  });
  await database.db.insert(members).values({
    id: newId('mem'),
    organizationId: companyId,
    userId: user.id,
    role: account.role,
  });
};

/** The documented sign-ins and their companies. */
const createDemoAccounts = async (database: Database, demoSupplier: DemoCompany) => {
  const auth = demoAuth(database);
  const companyIds = new Map<string, string>();
  for (const [key, c] of Object.entries(demoCompanies)) {
    const details: DemoCompany =
      key === 'supplier'
        ? { ...demoSupplier, verificationLevel: 'onsite_audited', auditorName: 'SGS' }
        : {
            ...c,
            verificationLevel: key === 'operator' ? 'unverified' : 'licence_checked',
            auditorName: null,
            joinedAt: new Date(Date.UTC(c.yearEstablished + 4, 2, 1)),
            industries: [],
          };
    companyIds.set(key, await insertCompany(database.db, details));
  }
  for (const account of demoAccounts) {
    await addDemoMember(database, auth, account, companyIds.get(account.company)!);
  }
  return companyIds.get('supplier')!;
};

/**
 * Loads the demo data set: the documented accounts, 65 suppliers across 15
 * provinces, 46 buyers across 27 countries and 3,250 products, about 40 %
 * of them titled in Chinese and Spanish too. Deterministic (seeded) and
 * idempotent: it does nothing when the demo accounts already exist.
 */
export const loadDemo = async (
  database: Database,
  { onlyIfEmpty, log }: { onlyIfEmpty: boolean; log: (line: string) => void },
): Promise<void> => {
  const db = database.db;
  const [existing] = await db.select({ n: count() }).from(companies);
  if (onlyIfEmpty && (existing?.n ?? 0) > 0) return;
  const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts[0]!.email));
  if (demo) {
    log('The demo data set is already loaded.');
    return;
  }
  log('Loading the demo data set…');
  const random = seededRandom(20210709);
  const suppliers = generateSuppliers(random, demoSize.suppliers);
  const buyers = generateBuyers(random, demoSize.buyers);
  const demoSupplier: DemoCompany = {
    ...suppliers[0]!,
    ...demoCompanies.supplier,
    industries: ['machinery', 'home-appliances'],
  };
  const demoSupplierId = await createDemoAccounts(database, demoSupplier);

  let products = 0;
  const supplierIds: [string, DemoCompany][] = [[demoSupplierId, demoSupplier]];
  for (const supplier of suppliers) supplierIds.push([await insertCompany(db, supplier), supplier]);
  for (const buyer of buyers) await insertCompany(db, buyer);
  let secondSupplierId: string | undefined;
  for (const [companyId, supplier] of supplierIds) {
    const inputs = Array.from({ length: demoSize.productsPerSupplier }, () =>
      generateProduct(random, supplier, random.chance(0.4)),
    );
    await db.transaction(async (tx) => {
      await insertProducts(tx as unknown as Db, companyId, inputs, new Date());
    });
    products += inputs.length;
    const listsIn = inputs.some((p) => p.categoryCode === demoSecondSupplierAccount.listsIn);
    if (!secondSupplierId && companyId !== demoSupplierId && listsIn) secondSupplierId = companyId;
  }
  // The seed decides the catalogue; a seed without such a supplier must fail loudly, not quietly drop the sign-in.
  if (!secondSupplierId) throw new Error(`No generated supplier lists ${demoSecondSupplierAccount.listsIn}`);
  await addDemoMember(database, demoAuth(database), demoSecondSupplierAccount, secondSupplierId);
  await loadDemoSourcing(db, random, new Date());
  await loadDemoOrders(db, new Date());
  await loadDemoAds(db, new Date());
  await loadDemoTiers(database, new Date(), log);
  await loadDemoDeclarations(db, new Date());
  await loadDemoFreight(db, new Date(), log);
  await loadTradeHistory(db, { log });
  log(
    `Demo loaded: ${supplierIds.length} suppliers, ${buyers.length + 1} buyers, ${products} products, RFQs with quotes, orders in every state.`,
  );
  const emails = [...demoAccounts, demoSecondSupplierAccount].map((a) => a.email);
  log(`Sign in as ${emails.join(', ')} with password "${demoPassword}".`);
};
