import { isCurrency } from '../../core/money.js';
import { hsCodeList, provinceList } from '../catalog/index.js';
import { regionOf } from '../geo/index.js';
import { locationOf } from '../logistics/index.js';
import { incoterms } from '../sourcing/index.js';
import { statutoryUnits } from './reference.js';
import type { ExportTransportMode } from './schema.js';

/** A declaration line as the exporter enters it: weights in kg, the unit price in minor units. */
export type DeclarationLineInput = {
  hsCode: string;
  tariffCode?: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  netWeightKg: number;
  grossWeightKg: number;
  packages: number;
  originProvince: string;
};

export type DeclarationFields = {
  incoterm: string;
  currency: string;
  transportMode: ExportTransportMode;
  portOfLoading: string;
  destinationCountry: string;
  consignee: { country: string };
  lines: DeclarationLineInput[];
};

/** One broken rule, at the field it concerns (the wire path of the request body). */
export type Issue = { path: string; message: string };

/**
 * Customs values exports by the Incoterm's delivery point: E and F terms
 * end at the port of loading (FOB); C and D terms include freight and
 * insurance to the destination (CIF).
 */
export const valuationBasisOf = (incoterm: string): 'FOB' | 'CIF' => (/^[EF]/.test(incoterm) ? 'FOB' : 'CIF');

/** A line's value: quantity (to 3 decimals) × unit price, rounded half up to the minor unit. */
export const lineValue = (quantity: number, unitPrice: string): bigint => {
  const milli = BigInt(Math.round(quantity * 1000));
  return (milli * BigInt(unitPrice) + 500n) / 1000n;
};

const decimals = (value: number, places: number) =>
  Math.abs(value * 10 ** places - Math.round(value * 10 ** places)) < 1e-6;

const lineIssues = (line: DeclarationLineInput, i: number): Issue[] => {
  const issues: Issue[] = [];
  const at = (field: string, message: string) =>
    issues.push({ path: `body.lines.${i}.${field}`, message: `Line ${i + 1}: ${message}` });
  const hs = hsCodeList().byCode.get(line.hsCode);
  if (!/^\d{6}$/.test(line.hsCode)) at('hsCode', `${line.hsCode} is not a six-digit HS code`);
  else if (hs?.level !== 6) at('hsCode', `${line.hsCode} is not an HS 2022 subheading`);
  if (line.tariffCode) {
    if (!/^\d{10}$/.test(line.tariffCode))
      at('tariffCode', `${line.tariffCode} is not a ten-digit China tariff code`);
    else if (!line.tariffCode.startsWith(line.hsCode))
      at('tariffCode', `tariff code ${line.tariffCode} does not extend HS code ${line.hsCode}`);
  }
  if (!(statutoryUnits as readonly string[]).includes(line.unit))
    at('unit', `${line.unit} is not a statutory unit (${statutoryUnits.join(', ')})`);
  if (!decimals(line.quantity, 3)) at('quantity', 'give the quantity to at most 3 decimals');
  if (line.grossWeightKg < line.netWeightKg)
    at(
      'grossWeightKg',
      `gross weight ${line.grossWeightKg} kg is less than the net weight ${line.netWeightKg} kg`,
    );
  if (!decimals(line.netWeightKg, 3))
    at('netWeightKg', 'give the weight in kg to at most 3 decimals (grams)');
  if (!decimals(line.grossWeightKg, 3))
    at('grossWeightKg', 'give the weight in kg to at most 3 decimals (grams)');
  if (line.unit === 'kg' && Math.abs(line.quantity - line.netWeightKg) > 0.001)
    at('quantity', `a quantity in kg must equal the net weight (${line.netWeightKg} kg)`);
  if (!provinceList().byCode.has(line.originProvince))
    at('originProvince', `${line.originProvince} is not a GB/T 2260 province code`);
  if (BigInt(line.unitPrice) === 0n) at('unitPrice', 'a declared unit price cannot be zero');
  return issues;
};

/**
 * Every rule of an export declaration that can be checked without the
 * database, each at its field and line: HS 2022 subheadings, tariff codes
 * that extend them, statutory units, weights, origin provinces, a port of
 * loading in China that suits the transport mode, a real destination.
 */
export const declarationIssues = (input: DeclarationFields): Issue[] => {
  const issues: Issue[] = [];
  const at = (path: string, message: string) => issues.push({ path: `body.${path}`, message });
  if (!(incoterms as readonly string[]).includes(input.incoterm))
    at('incoterm', `${input.incoterm} is not an Incoterms 2020 rule`);
  if (!isCurrency(input.currency)) at('currency', `${input.currency} is not a supported currency`);
  if (!regionOf(input.destinationCountry))
    at('destinationCountry', `${input.destinationCountry} is not an ISO 3166 country or region`);
  else if (input.destinationCountry === 'CN')
    at('destinationCountry', 'An export leaves China: choose the destination');
  if (!regionOf(input.consignee.country))
    at('consignee.country', `${input.consignee.country} is not an ISO 3166 country`);
  const port = locationOf(input.portOfLoading);
  if (port?.country !== 'CN')
    at('portOfLoading', `${input.portOfLoading} is not a port or airport in China (UN/LOCODE or IATA)`);
  else if (input.transportMode === 'sea' && port.kind !== 'port')
    at('portOfLoading', `Sea freight loads at a seaport, not at ${port.name}`);
  else if ((input.transportMode === 'air' || input.transportMode === 'express') && port.kind !== 'airport')
    at('portOfLoading', `Air freight leaves from an airport, not from ${port.name}`);
  input.lines.forEach((line, i) => {
    issues.push(...lineIssues(line, i));
  });
  return issues;
};
