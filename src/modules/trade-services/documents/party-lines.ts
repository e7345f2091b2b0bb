import type { DocumentParty } from '../document-data.js';

/** A party as printed in its box: name, Chinese name, address, country and tax id, each on a line. */
export const partyLines = (party: DocumentParty): string[] => {
  const taxId =
    party.taxId === null
      ? null
      : party.country === 'CN'
        ? `Unified social credit code ${party.taxId}`
        : `Tax ID ${party.taxId}`;
  return [party.name, party.localName, party.address, party.countryName, taxId].filter(
    (line): line is string => Boolean(line),
  );
};
