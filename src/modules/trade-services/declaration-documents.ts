import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { provinceList } from '../catalog/index.js';
import { companies, findCompany, requireCompanyActor } from '../identity/index.js';
import { locationOf } from '../logistics/index.js';
import { findOrderRow } from '../orders/index.js';
import { type DeclarationRow, findDeclaration, linesInKg } from './declaration-store.js';
import type { DocumentParty, TradeDocumentData } from './document-data.js';
import { renderTradeDocument, type TradeDocumentKind } from './documents/index.js';
import { declarationPolicy } from './policy.js';
import { countryName } from './reference.js';

/** The platform as declarant: the operator company's name, as registered. */
const platformParty = async (ctx: Ctx): Promise<DocumentParty> => {
  const [operator] = await ctx.db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.kind, 'operator'))
    .limit(1);
  return {
    name: operator?.name ?? 'Tradelane',
    localName: null,
    address: '',
    country: 'CN',
    countryName: countryName('CN'),
    taxId: null,
  };
};

/** What the three documents print for a declaration, names resolved. */
export const documentDataOf = async (ctx: Ctx, d: DeclarationRow): Promise<TradeDocumentData> => {
  const company = await findCompany(ctx.db, d.companyId);
  const exporter: DocumentParty = {
    name: company?.name ?? d.companyId,
    localName: d.exporter.localName,
    address: d.exporter.address,
    country: company?.country ?? 'CN',
    countryName: countryName(company?.country ?? 'CN'),
    taxId: d.exporter.taxId,
  };
  const declarant =
    d.declarantRole === 'platform'
      ? { ...(await platformParty(ctx)), role: 'platform' as const }
      : { ...exporter, role: 'exporter' as const };
  const lines = linesInKg(d.lines).map((l) => ({
    ...l,
    originProvince: {
      code: l.originProvince,
      name: provinceList().byCode.get(l.originProvince)?.name.en ?? l.originProvince,
    },
  }));
  const grams = (pick: (l: DeclarationRow['lines'][number]) => number) =>
    d.lines.reduce((sum, l) => sum + pick(l), 0) / 1000;
  return {
    declarationId: d.id,
    number: d.number,
    issuedOn: d.createdAt.toISOString().slice(0, 10),
    status: d.status,
    exporter,
    consignee: {
      name: d.consignee.name,
      localName: null,
      address: d.consignee.address,
      country: d.consignee.country,
      countryName: countryName(d.consignee.country),
      taxId: d.consignee.taxId,
    },
    declarant,
    orderId: d.orderId,
    incoterm: d.incoterm,
    valuationBasis: d.valuationBasis,
    currency: d.currency,
    transportMode: d.transportMode,
    portOfLoading: { code: d.portOfLoading, name: locationOf(d.portOfLoading)?.name ?? d.portOfLoading },
    destination: { country: d.destinationCountry, countryName: countryName(d.destinationCountry) },
    lines,
    totals: {
      value: String(d.totalValue),
      netWeightKg: grams((l) => l.netWeightG),
      grossWeightKg: grams((l) => l.grossWeightG),
      packages: d.lines.reduce((sum, l) => sum + l.packages, 0),
    },
  };
};

/**
 * One of the declaration's documents as PDF. The exporter and the operator
 * get all three; the buyer of the declared order gets the commercial
 * invoice and the packing list it needs to import the goods.
 */
export const declarationDocument = async (ctx: Ctx, id: string, kind: TradeDocumentKind) => {
  const member = requireCompanyActor(ctx.actor);
  const d = await findDeclaration(ctx.db, id);
  const order = d?.orderId ? await findOrderRow(ctx.db, d.orderId) : undefined;
  const isBuyer = order !== undefined && order.buyerId === member.companyId;
  if (isBuyer) {
    if (kind === 'declaration') throw notFound('Declaration', id);
  } else {
    declarationPolicy.assertCanRead(member, d, id);
  }
  const pdf = await renderTradeDocument(kind, await documentDataOf(ctx, d!));
  return { pdf, fileName: `${d!.number}-${kind}.pdf` };
};
