import type { TradeDocumentData } from '../document-data.js';

const transportModes: Record<TradeDocumentData['transportMode'], string> = {
  sea: 'Sea freight',
  air: 'Air freight',
  rail: 'Rail freight',
  road: 'Road freight',
  express: 'Express courier',
};

export const transportModeName = (mode: TradeDocumentData['transportMode']) => transportModes[mode];

// E- and F-rules name the place where the seller hands over (here the port of
// loading); C- and D-rules name the destination.
const namedAtLoading = new Set(['EXW', 'FCA', 'FAS', 'FOB']);

/** "FOB Ningbo, Incoterms 2020" or "CIF United States, Incoterms 2020". */
export const deliveryTerms = (data: TradeDocumentData) => {
  const place = namedAtLoading.has(data.incoterm) ? data.portOfLoading.name : data.destination.countryName;
  return `${data.incoterm} ${place}, Incoterms 2020`;
};

export const portName = (port: TradeDocumentData['portOfLoading']) => `${port.name} (${port.code})`;

/** The provinces the goods were made in, each once, in line order. */
export const originProvinces = (data: TradeDocumentData) => [
  ...new Set(data.lines.map((line) => line.originProvince.name)),
];
