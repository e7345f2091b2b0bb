import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { companies } from './schema.js';

/** What anyone may see of a company: its public credibility card. */
export type CompanyCard = {
  id: string;
  name: string;
  kind: (typeof companies.$inferSelect)['kind'];
  country: string;
  province: string | null;
  yearEstablished: number | null;
  verificationLevel: (typeof companies.$inferSelect)['verificationLevel'];
  auditorName: string | null;
  memberSince: string;
};

export const toCompanyCard = (row: typeof companies.$inferSelect): CompanyCard => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  country: row.country,
  province: row.province,
  yearEstablished: row.yearEstablished,
  verificationLevel: row.verificationLevel,
  auditorName: row.auditorName,
  memberSince: row.createdAt.toISOString().slice(0, 10),
});

export const findCompany = async (db: Db, id: string) =>
  (await db.select().from(companies).where(eq(companies.id, id)).limit(1))[0];

export const findCompanyCards = async (db: Db, ids: readonly string[]): Promise<Map<string, CompanyCard>> => {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(companies)
    .where(inArray(companies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, toCompanyCard(r)]));
};

/**
 * A 0..1 quality signal from what the platform knows of a supplier today:
 * verification and years in business. Response rate, on-time shipment and
 * disputes join it as the sourcing and orders modules land.
 */
export const supplierQuality = (
  company: Pick<CompanyCard, 'verificationLevel' | 'yearEstablished'>,
  now: Date,
) => {
  const verification = { unverified: 0, licence_checked: 0.6, onsite_audited: 1 }[company.verificationLevel];
  const years = company.yearEstablished
    ? Math.min(20, Math.max(0, now.getUTCFullYear() - company.yearEstablished))
    : 0;
  return Math.round((0.7 * verification + 0.3 * (years / 20)) * 1000) / 1000;
};
