import type { TradeDocumentData } from '../document-data.js';
import { amountInWords } from './amount-in-words.js';
import { formatAmount, formatMoney, formatQuantity, formatWeight } from './format.js';
import { createSheet } from './pdf-sheet.js';
import { originProvinces } from './shipment-terms.js';
import { drawTradeHeader } from './trade-header.js';

/** The seller's bill to the buyer, which customs and the buyer's bank check the goods and value against. */
export const renderCommercialInvoice = (data: TradeDocumentData): Promise<Buffer> => {
  const { currency, exporter } = data;
  const sheet = createSheet({
    title: `Commercial invoice ${data.number}`,
    subject: `Commercial invoice from ${exporter.name} to ${data.consignee.name}`,
    lang: 'en',
    footer: `Commercial invoice ${data.number}`,
    issuedOn: data.issuedOn,
  });
  drawTradeHeader(sheet, data, {
    title: 'COMMERCIAL INVOICE',
    withTerms: true,
    reference: [
      { label: 'Invoice No.', value: data.number },
      { label: 'Date', value: data.issuedOn },
      { label: 'Order ref.', value: data.orderId ?? '—' },
      { label: 'Currency', value: currency },
    ],
  });

  sheet.table(
    [
      { header: 'No.', width: 24, align: 'center' },
      { header: 'HS code', width: 48 },
      { header: 'Description of goods' },
      { header: 'Quantity', width: 70, align: 'right' },
      { header: `Unit price (${currency})`, width: 70, align: 'right' },
      { header: `Amount (${currency})`, width: 84, align: 'right' },
    ],
    data.lines.map((line) => [
      String(line.lineNo),
      line.hsCode,
      line.description,
      `${formatQuantity(line.quantity)} ${line.unit}`,
      formatAmount(line.unitPrice, currency),
      formatAmount(line.value, currency),
    ]),
    { totals: ['', '', 'Total', '', '', formatAmount(data.totals.value, currency)] },
  );

  sheet.fieldRow([
    { label: 'Total packages', value: formatQuantity(data.totals.packages) },
    { label: 'Total net weight', value: `${formatWeight(data.totals.netWeightKg)} kg` },
    { label: 'Total gross weight', value: `${formatWeight(data.totals.grossWeightKg)} kg` },
    { label: 'Total value', value: formatMoney(data.totals.value, currency), weight: 1.4 },
  ]);
  sheet.fieldRow([{ label: 'Amount in words', value: amountInWords(data.totals.value, currency) }]);
  sheet.fieldRow([
    {
      label: 'Country of origin',
      value: `Made in China · ${originProvinces(data).join(', ')}`,
    },
  ]);
  sheet.gap(8);
  sheet.paragraph(
    'We hereby certify that this invoice is true and correct, that the goods described above are of ' +
      'Chinese origin, and that the value stated is the price actually paid or payable.',
  );
  sheet.signature({
    heading: 'For and on behalf of',
    names: [exporter.name, exporter.localName ?? ''],
    caption: `Authorised signature and company stamp · ${data.issuedOn}`,
  });
  return sheet.finish();
};
