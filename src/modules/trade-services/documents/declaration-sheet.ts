import type { TradeDocumentData } from '../document-data.js';
import { formatAmount, formatMoney, formatQuantity, formatWeight } from './format.js';
import { partyLines } from './party-lines.js';
import { createSheet } from './pdf-sheet.js';
import { portName } from './shipment-terms.js';

// Labels follow the customs export declaration form (出口货物报关单), Chinese
// first as the broker keys them in, English after for the exporter.

const transportModes: Record<TradeDocumentData['transportMode'], string> = {
  sea: '水路运输 Waterway',
  air: '航空运输 Air',
  rail: '铁路运输 Railway',
  road: '公路运输 Road',
  express: '快件 Express courier',
};

const declarantRoles: Record<TradeDocumentData['declarant']['role'], string> = {
  exporter: '自理报关 The exporter declares itself',
  platform: '代理报关（外贸综合服务） The platform declares as agent',
};

/** China customs' names of the statutory units of quantity (法定计量单位). */
const unitNames: Record<string, string> = {
  pcs: '个',
  set: '套',
  pair: '双',
  unit: '台',
  dozen: '打',
  sheet: '张',
  roll: '卷',
  kg: '千克',
  g: '克',
  t: '吨',
  m: '米',
  m2: '平方米',
  m3: '立方米',
  l: '升',
};

const chineseRegions = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
const chineseCurrencies = new Intl.DisplayNames(['zh-CN'], { type: 'currency' });

const country = (code: string, englishName: string) =>
  `${chineseRegions.of(code) ?? ''} ${englishName} (${code})`.trim();

const quantity = (value: number, unit: string) =>
  `${formatQuantity(value)} ${unitNames[unit] ? `${unitNames[unit]} ${unit}` : unit}`;

/**
 * Every field of the export declaration on one sheet, for the exporter and
 * the platform to check before (and after) it is lodged. It lists the data;
 * it is not the customs form itself.
 */
export const renderDeclarationSheet = (data: TradeDocumentData): Promise<Buffer> => {
  const { currency, totals, declarant } = data;
  const sheet = createSheet({
    title: `出口报关单数据表 Export declaration data sheet ${data.number}`,
    subject: `Export declaration of ${data.exporter.name}`,
    lang: 'zh-CN',
    footer: `出口报关单数据表 Export declaration data sheet ${data.number}`,
    issuedOn: data.issuedOn,
  });
  sheet.title('出口报关单数据表', 'EXPORT DECLARATION DATA SHEET');

  sheet.fieldRow([
    { label: '单据编号 Document no.', value: data.number },
    { label: '申报日期 Date of declaration', value: data.issuedOn },
    { label: '状态 Status', value: data.status.replaceAll('_', ' ') },
    { label: '订单号 Order no.', value: data.orderId ?? '—', weight: 1.5 },
  ]);
  sheet.fieldRow([
    { label: '申报单位 Declarant', value: partyLines(declarant), weight: 2 },
    [
      { label: '报关方式 Declared by', value: declarantRoles[declarant.role] },
      { label: '系统编号 Record id', value: data.declarationId },
    ],
  ]);
  sheet.fieldRow([
    { label: '境内发货人 Domestic consignor', value: partyLines(data.exporter) },
    { label: '境外收货人 Overseas consignee', value: partyLines(data.consignee) },
  ]);
  sheet.fieldRow([
    { label: '运输方式 Mode of transport', value: transportModes[data.transportMode] },
    { label: '离境口岸 Port of loading', value: portName(data.portOfLoading) },
    {
      label: '运抵国（地区） Country of destination',
      value: country(data.destination.country, data.destination.countryName),
    },
    {
      label: '贸易国（地区） Trading country',
      value: country(data.consignee.country, data.consignee.countryName),
    },
  ]);
  sheet.fieldRow([
    { label: '成交方式 Valuation basis', value: data.valuationBasis },
    { label: '贸易术语 Incoterm', value: `${data.incoterm} (Incoterms 2020)` },
    { label: '币制 Currency', value: `${currency} ${chineseCurrencies.of(currency) ?? ''}`.trim() },
    { label: '原产国（地区） Country of origin', value: '中国 China (CN)' },
  ]);
  sheet.fieldRow([
    { label: '件数 Packages', value: formatQuantity(totals.packages) },
    { label: '净重（千克） Net weight (kg)', value: formatWeight(totals.netWeightKg) },
    { label: '毛重（千克） Gross weight (kg)', value: formatWeight(totals.grossWeightKg) },
    { label: '总价 Total value', value: formatMoney(totals.value, currency) },
  ]);
  sheet.gap(10);

  sheet.heading('商品明细 Goods');
  sheet.table(
    [
      { header: '项号\nNo.', width: 28, align: 'center' },
      { header: '商品编号\nTariff code / HS', width: 62 },
      { header: '商品名称及规格\nDescription' },
      { header: '数量及单位\nQuantity', width: 62, align: 'right' },
      { header: '件数\nPkgs', width: 32, align: 'right' },
      { header: '净重 / 毛重\nNet / gross kg', width: 60, align: 'right' },
      { header: `单价 / 总价\nPrice / value ${currency}`, width: 68, align: 'right' },
      { header: '境内货源地\nOrigin', width: 58 },
    ],
    data.lines.map((line) => [
      String(line.lineNo),
      `${line.tariffCode ?? '—'}\nHS ${line.hsCode}`,
      line.description,
      quantity(line.quantity, line.unit),
      formatQuantity(line.packages),
      `${formatWeight(line.netWeightKg)}\n${formatWeight(line.grossWeightKg)}`,
      `${formatAmount(line.unitPrice, currency)}\n${formatAmount(line.value, currency)}`,
      `${line.originProvince.name}\n${line.originProvince.code}`,
    ]),
    {
      size: 7.5,
      totals: [
        '',
        '',
        '合计 Total',
        '',
        formatQuantity(totals.packages),
        `${formatWeight(totals.netWeightKg)}\n${formatWeight(totals.grossWeightKg)}`,
        // On the second line, level with the lines' values under their unit prices.
        `\n${formatAmount(totals.value, currency)}`,
        '',
      ],
    },
  );

  sheet.paragraph(
    '本表列出出口报关单的申报数据，供核对之用，不作为海关单证。 ' +
      'This sheet lists the data of the export declaration for checking; it is not a customs document.',
    { size: 7.5 },
  );
  sheet.signature({
    heading: '申报单位（签章） Declarant, signature and stamp',
    names: [declarant.name, declarant.localName ?? ''],
    caption: `申报日期 Date ${data.issuedOn}`,
  });
  return sheet.finish();
};
