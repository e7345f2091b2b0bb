import type { DeclarationFields } from './declaration-rules.js';
import { countryName, licencesFor, restrictions } from './reference.js';
import type { ComplianceFinding } from './schema.js';

/**
 * Plausible declared value per kilogram of net weight, in US cents: outside
 * it customs asks questions (undervaluation, or a wrong weight). Wide on
 * purpose: a warning, never a refusal.
 */
const plausibleUsdCentsPerKg = { low: 10, high: 1_000_000 };
/** Chapters where a high value per kg is normal: jewellery and precious metals, watches, precision instruments. */
const valuableChapters = new Set(['71', '90', '91']);

/**
 * The checks before declaring: an embargoed destination is refused (with
 * the reason); arms to a restricted destination are refused; goods under
 * export licence are flagged with the licence they need; value and weight
 * that look implausible are warnings. `usdValueOf` converts a line's value
 * (minor units of the declaration currency) to US cents.
 */
export const complianceFindings = (
  input: DeclarationFields,
  lineValues: bigint[],
  usdValueOf: (value: bigint) => bigint,
): ComplianceFinding[] => {
  const findings: ComplianceFinding[] = [];
  const restriction = restrictions().get(input.destinationCountry);
  if (restriction?.level === 'embargo')
    findings.push({
      level: 'refusal',
      code: 'EMBARGOED_DESTINATION',
      message: `Exports to ${countryName(input.destinationCountry)} are refused: ${restriction.reason}`,
      field: 'destinationCountry',
    });
  else if (restriction)
    findings.push({
      level: 'warning',
      code: 'RESTRICTED_DESTINATION',
      message: `${countryName(input.destinationCountry)}: ${restriction.reason}`,
      field: 'destinationCountry',
    });
  input.lines.forEach((line, i) => {
    const lineNo = i + 1;
    const field = `lines.${i}.hsCode`;
    for (const licence of licencesFor(line.hsCode)) {
      const refused = licence.licence === 'military' && restriction !== undefined;
      findings.push({
        level: refused ? 'refusal' : 'licence',
        code: refused ? 'ARMS_TO_RESTRICTED_DESTINATION' : `LICENCE_${licence.licence.toUpperCase()}`,
        message: refused
          ? `Line ${lineNo}: arms cannot be exported to ${countryName(input.destinationCountry)} (${licence.reason})`
          : `Line ${lineNo}: ${licence.reason}`,
        field,
        lineNo,
      });
    }
    const usdCents = usdValueOf(lineValues[i]!);
    const perKg = Number(usdCents) / Math.max(line.netWeightKg, 0.001);
    if (perKg < plausibleUsdCentsPerKg.low)
      findings.push({
        level: 'warning',
        code: 'VALUE_TOO_LOW',
        message: `Line ${lineNo}: ${(perKg / 100).toFixed(3)} USD per kg is unusually low for declared goods; check the price and the net weight`,
        field: `lines.${i}.unitPrice`,
        lineNo,
      });
    if (perKg > plausibleUsdCentsPerKg.high && !valuableChapters.has(line.hsCode.slice(0, 2)))
      findings.push({
        level: 'warning',
        code: 'VALUE_TOO_HIGH',
        message: `Line ${lineNo}: ${Math.round(perKg / 100).toLocaleString('en')} USD per kg is unusually high; check the price and the net weight`,
        field: `lines.${i}.unitPrice`,
        lineNo,
      });
    if (line.grossWeightKg > line.netWeightKg * 3 + 50)
      findings.push({
        level: 'warning',
        code: 'PACKAGING_HEAVY',
        message: `Line ${lineNo}: gross weight ${line.grossWeightKg} kg is more than three times the net weight; check the packing`,
        field: `lines.${i}.grossWeightKg`,
        lineNo,
      });
  });
  return findings;
};
