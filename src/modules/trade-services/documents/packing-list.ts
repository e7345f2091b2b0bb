import type { TradeDocumentData } from '../document-data.js';
import { formatQuantity, formatWeight } from './format.js';
import { createSheet } from './pdf-sheet.js';
import { drawTradeHeader } from './trade-header.js';

/**
 * What is in the packages and what they weigh, for the forwarder, customs
 * and the consignee's warehouse. It carries no prices: it travels with the
 * goods, where the buyer may not want the value seen.
 */
export const renderPackingList = (data: TradeDocumentData): Promise<Buffer> => {
  const { exporter } = data;
  const sheet = createSheet({
    title: `Packing list ${data.number}`,
    subject: `Packing list from ${exporter.name} to ${data.consignee.name}`,
    lang: 'en',
    footer: `Packing list ${data.number}`,
    issuedOn: data.issuedOn,
  });
  drawTradeHeader(sheet, data, {
    title: 'PACKING LIST',
    withTerms: false,
    reference: [
      { label: 'Packing list No.', value: data.number },
      { label: 'Date', value: data.issuedOn },
      { label: 'Invoice No.', value: data.number },
      { label: 'Order ref.', value: data.orderId ?? '—' },
    ],
  });

  const { totals } = data;
  sheet.table(
    [
      { header: 'No.', width: 24, align: 'center' },
      { header: 'HS code', width: 48 },
      { header: 'Description of goods' },
      { header: 'Packages', width: 52, align: 'right' },
      { header: 'Quantity', width: 70, align: 'right' },
      { header: 'Net weight (kg)', width: 68, align: 'right' },
      { header: 'Gross weight (kg)', width: 68, align: 'right' },
    ],
    data.lines.map((line) => [
      String(line.lineNo),
      line.hsCode,
      line.description,
      formatQuantity(line.packages),
      `${formatQuantity(line.quantity)} ${line.unit}`,
      formatWeight(line.netWeightKg),
      formatWeight(line.grossWeightKg),
    ]),
    {
      totals: [
        '',
        '',
        'Total',
        formatQuantity(totals.packages),
        '',
        formatWeight(totals.netWeightKg),
        formatWeight(totals.grossWeightKg),
      ],
    },
  );

  sheet.fieldRow([
    { label: 'Total packages', value: formatQuantity(totals.packages) },
    { label: 'Total net weight', value: `${formatWeight(totals.netWeightKg)} kg` },
    { label: 'Total gross weight', value: `${formatWeight(totals.grossWeightKg)} kg` },
  ]);
  sheet.gap(8);
  sheet.paragraph('We hereby certify that the goods above are packed and marked as stated.');
  sheet.signature({
    heading: 'For and on behalf of',
    names: [exporter.name, exporter.localName ?? ''],
    caption: `Authorised signature and company stamp · ${data.issuedOn}`,
  });
  return sheet.finish();
};
