import { describe, expect, it } from 'vitest';
import { formatAmount } from './format.js';
import { renderTradeDocument, tradeDocumentKinds } from './index.js';
import { extractPdfInfo, extractPdfText } from './pdf-text.js';
import { sampleTradeDocument } from './sample-trade-document.js';

const data = sampleTradeDocument(4);

/** All pages as one string, wrapped lines joined again, so a description reads as it was written. */
const flatText = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

/** `value` as a whole token, so "600.00" is not found inside the weight "1,600.000". */
const hasToken = (text: string, value: string) =>
  new RegExp(`(^|\\s)${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(text);

describe('export documents', () => {
  it('prints the commercial invoice: parties, every line, the total and the Chinese name as text', async () => {
    const pdf = await renderTradeDocument('invoice', data);
    const pages = await extractPdfText(pdf);
    const text = flatText(pages);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await extractPdfInfo(pdf)).toEqual({
      title: 'Commercial invoice TL-EX-2026-000123',
      author: 'Tradelane',
      pageCount: 1,
    });
    expect(text).toContain('COMMERCIAL INVOICE');
    expect(text).toContain('TL-EX-2026-000123');
    expect(text).toContain('Harbor Home Goods LLC');
    // The exporter's registered name comes out character for character: every
    // glyph is in the shipped font (a missing one would extract as U+0000).
    expect(pages[0]!.split('\n')).toContain('义乌市星辰日用品有限公司');
    expect(text).not.toContain('\u0000');
    for (const line of data.lines) {
      expect(text).toContain(line.description);
      expect(hasToken(text, line.hsCode)).toBe(true);
      expect(hasToken(text, formatAmount(line.value, 'USD'))).toBe(true);
    }
    expect(text).toContain('USD 2,476.70');
    expect(text).toContain('SAY US DOLLARS TWO THOUSAND FOUR HUNDRED SEVENTY-SIX AND 70/100 ONLY');
    expect(text).toContain('FOB Ningbo, Incoterms 2020');
    expect(text).toContain('Made in China · Zhejiang, Guangdong, Fujian');
  });

  it('prints the packing list with packages and weights, and no price anywhere', async () => {
    const pdf = await renderTradeDocument('packing-list', data);
    const text = flatText(await extractPdfText(pdf));

    expect(text).toContain('PACKING LIST');
    expect(text).toContain('义乌市星辰日用品有限公司');
    expect(text).toContain('Total packages 18');
    expect(text).toContain('Total net weight 248.340 kg');
    expect(text).toContain('Total gross weight 270.840 kg');
    expect(text).toContain('Total 18 248.340 270.840');
    for (const line of data.lines) {
      expect(text).toContain(line.description);
      expect(hasToken(text, line.netWeightKg.toFixed(3))).toBe(true);
      expect(hasToken(text, formatAmount(line.unitPrice, 'USD'))).toBe(false);
      expect(hasToken(text, formatAmount(line.value, 'USD'))).toBe(false);
    }
    expect(text).not.toMatch(/USD|price|amount|value|FOB/i);
  });

  it('prints the declaration data sheet with its bilingual labels and the tariff codes', async () => {
    const pdf = await renderTradeDocument('declaration', data);
    const pages = await extractPdfText(pdf);
    const text = flatText(pages);

    expect(text).not.toContain('\u0000');
    expect(pages[0]!.split('\n')[0]).toBe('出口报关单数据表');
    for (const label of [
      '申报单位 Declarant',
      '报关方式 Declared by',
      '境内发货人 Domestic consignor',
      '境外收货人 Overseas consignee',
      '运输方式 Mode of transport',
      '离境口岸 Port of loading',
      '运抵国（地区） Country of destination',
      '成交方式 Valuation basis',
      '币制 Currency',
      '状态 Status',
      '商品编号',
      '境内货源地',
    ])
      expect(text).toContain(label);
    expect(text).toContain('代理报关（外贸综合服务）');
    expect(text).toContain('商路外贸综合服务（上海）有限公司');
    expect(text).toContain('水路运输 Waterway');
    expect(text).toContain('美国 United States (US)');
    expect(text).toContain('USD 美元');
    expect(text).toContain('USD 2,476.70');
    expect(text).toContain('72 个 pcs');
    for (const line of data.lines) {
      expect(text).toContain(`HS ${line.hsCode}`);
      if (line.tariffCode) expect(hasToken(text, line.tariffCode)).toBe(true);
      expect(text).toContain(`${line.originProvince.name} ${line.originProvince.code}`);
    }
  });

  it('renders the same data to the same bytes', async () => {
    for (const kind of tradeDocumentKinds)
      expect(
        (await renderTradeDocument(kind, data)).equals(await renderTradeDocument(kind, data)),
        kind,
      ).toBe(true);
  });

  it('breaks 60 lines over pages, repeating the header row, and leaves none out', async () => {
    const long = sampleTradeDocument(60);
    const headers = {
      invoice: 'Description of goods',
      'packing-list': 'Description of goods',
      declaration: '商品名称及规格',
    };
    for (const kind of tradeDocumentKinds) {
      const pages = await extractPdfText(await renderTradeDocument(kind, long));
      expect(pages.length, kind).toBeGreaterThan(1);
      const pagesWithLines = pages.filter((page) =>
        long.lines.some((line) => flatText([page]).includes(line.description)),
      );
      expect(pagesWithLines.length, kind).toBeGreaterThan(1);
      for (const page of pagesWithLines) expect(page, kind).toContain(headers[kind]);
      const text = flatText(pages);
      for (const line of long.lines) expect(text, `${kind} line ${line.lineNo}`).toContain(line.description);
    }
  });
});
