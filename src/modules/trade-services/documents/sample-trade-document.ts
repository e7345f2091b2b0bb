import type { DocumentLine, TradeDocumentData } from '../document-data.js';

// A Yiwu exporter's shipment to a US importer, for tests and for looking at
// the documents. Lines repeat the goods below as many times as asked.

const goods = [
  {
    hsCode: '961700',
    tariffCode: '9617001100',
    description:
      'Stainless steel vacuum flask 500 ml, double wall, powder coated, with tea infuser and gift box',
    unit: 'pcs',
    unitPrice: 385n,
    perPackage: 24,
    netKg: 0.32,
    province: { code: '330000', name: 'Zhejiang' },
  },
  {
    hsCode: '392410',
    tariffCode: '3924100000',
    description: 'Plastic food storage box set (3 sizes), PP, BPA free',
    unit: 'set',
    unitPrice: 1250n,
    perPackage: 12,
    netKg: 0.85,
    province: { code: '330000', name: 'Zhejiang' },
  },
  {
    hsCode: '630260',
    tariffCode: '6302600090',
    description: 'Cotton terry bath towel 70 × 140 cm',
    unit: 'pcs',
    unitPrice: 299n,
    perPackage: 50,
    netKg: 0.45,
    province: { code: '440000', name: 'Guangdong' },
  },
  {
    hsCode: '940542',
    tariffCode: null,
    description: 'LED string lights, 10 m, 100 bulbs, warm white, USB powered',
    unit: 'pcs',
    unitPrice: 142n,
    perPackage: 100,
    netKg: 0.12,
    province: { code: '350000', name: 'Fujian' },
  },
];

const sampleLine = (lineNo: number): DocumentLine => {
  const item = goods[(lineNo - 1) % goods.length]!;
  const packages = 2 + (lineNo % 7);
  const quantity = packages * item.perPackage;
  const netWeightKg = Math.round(quantity * item.netKg * 1000) / 1000;
  return {
    lineNo,
    hsCode: item.hsCode,
    tariffCode: item.tariffCode,
    description: lineNo <= goods.length ? item.description : `${item.description} (lot ${lineNo})`,
    quantity,
    unit: item.unit,
    unitPrice: item.unitPrice.toString(),
    value: (item.unitPrice * BigInt(quantity)).toString(),
    netWeightKg,
    grossWeightKg: Math.round((netWeightKg + packages * 1.25) * 1000) / 1000,
    packages,
    originProvince: item.province,
  };
};

const sumKg = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1000) / 1000;

/** A whole declaration's document data with `lineCount` lines and totals that add up. */
export const sampleTradeDocument = (lineCount = 4): TradeDocumentData => {
  const lines = Array.from({ length: lineCount }, (_, i) => sampleLine(i + 1));
  const exporter = {
    name: 'Yiwu Xingchen Daily Necessities Co., Ltd.',
    localName: '义乌市星辰日用品有限公司',
    address: 'No. 88 Chouzhou North Road, Yiwu, Zhejiang 322000',
    country: 'CN',
    countryName: 'China',
    taxId: '91330782MA2HXXXX1K',
  };
  return {
    declarationId: 'dcl_01JQ7Z5X9S8K2M4N6P0R3T5V7W',
    number: 'TL-EX-2026-000123',
    issuedOn: '2026-03-02',
    status: 'declared',
    exporter,
    consignee: {
      name: 'Harbor Home Goods LLC',
      localName: null,
      address: '1200 Harbor Blvd, Suite 300, Long Beach, CA 90802',
      country: 'US',
      countryName: 'United States',
      taxId: '95-1234567',
    },
    declarant: {
      name: 'Tradelane Trade Services (Shanghai) Co., Ltd.',
      localName: '商路外贸综合服务（上海）有限公司',
      address: 'Room 1201, 500 Century Avenue, Pudong, Shanghai 200120',
      country: 'CN',
      countryName: 'China',
      taxId: '91310115MA1KXXXX3B',
      role: 'platform',
    },
    orderId: 'ord_01JQ7YW3C5D7F9H1K3M5P7R9T1',
    incoterm: 'FOB',
    valuationBasis: 'FOB',
    currency: 'USD',
    transportMode: 'sea',
    portOfLoading: { code: 'CNNGB', name: 'Ningbo' },
    destination: { country: 'US', countryName: 'United States' },
    lines,
    totals: {
      value: lines.reduce((sum, line) => sum + BigInt(line.value), 0n).toString(),
      netWeightKg: sumKg(lines.map((line) => line.netWeightKg)),
      grossWeightKg: sumKg(lines.map((line) => line.grossWeightKg)),
      packages: lines.reduce((sum, line) => sum + line.packages, 0),
    },
  };
};
