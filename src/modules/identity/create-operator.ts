import { newId } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { type CompanyCard, toCompanyCard } from './company-card.js';
import { companies, members } from './schema.js';

/**
 * Makes the platform operator's company with `ownerUserId` as its owner.
 * Not reachable over HTTP: operators are made by whoever runs the platform
 * (the demo loader, an installation script), never by self sign-up.
 */
export const createOperatorCompany = async (
  db: Db,
  input: { name: string; country: string; ownerUserId: string; now: Date },
): Promise<CompanyCard> => {
  const id = newId('co', input.now);
  const [company] = await db
    .insert(companies)
    .values({
      id,
      name: input.name,
      slug: `operator-${id.slice(-8)}`,
      kind: 'operator',
      country: input.country,
      createdAt: input.now,
    })
    .returning();
  await db.insert(members).values({
    id: newId('mem', input.now),
    organizationId: id,
    userId: input.ownerUserId,
    role: 'owner',
    createdAt: input.now,
  });
  return toCompanyCard(company!);
};
