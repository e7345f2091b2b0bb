import type { TradeDocumentData } from '../document-data.js';
import { partyLines } from './party-lines.js';
import type { Sheet, SheetField } from './pdf-sheet.js';
import { deliveryTerms, portName, transportModeName } from './shipment-terms.js';

/**
 * The top of the commercial invoice and the packing list, alike so the two
 * are read side by side: the exporter's letterhead, the title, the parties
 * and the shipment.
 */
export const drawTradeHeader = (
  sheet: Sheet,
  data: TradeDocumentData,
  options: { title: string; reference: SheetField[]; withTerms: boolean },
) => {
  const { exporter, consignee } = data;
  sheet.letterhead(exporter.name, [exporter.localName ?? '', `${exporter.address}, ${exporter.countryName}`]);
  sheet.title(options.title);
  sheet.fieldRow([
    { label: 'Exporter / Seller', value: partyLines(exporter), weight: 1.4 },
    options.reference,
  ]);
  const shipment: SheetField[] = [
    { label: 'Port of loading', value: portName(data.portOfLoading) },
    { label: 'Destination', value: `${data.destination.countryName} (${data.destination.country})` },
    { label: 'Transport', value: transportModeName(data.transportMode) },
  ];
  if (options.withTerms) shipment.unshift({ label: 'Terms of delivery', value: deliveryTerms(data) });
  sheet.fieldRow([{ label: 'Consignee / Buyer', value: partyLines(consignee), weight: 1.4 }, shipment]);
  sheet.gap(10);
};
