import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { hsCodeList } from '../../catalog/index.js';
import { suggestHsCodes } from './index.js';

const headings = (query: string) => suggestHsCodes(query).map((s) => s.heading);

describe('suggestHsCodes', () => {
  it.each(['LED灯泡', 'bombilla LED', 'LED light bulb'])(
    'puts LED lamps (8539) in the top 5 for %s',
    (query) => {
      expect(headings(query)).toContain('8539');
    },
  );

  it.each(['LED灯泡', 'bombilla LED', 'LED light bulb'])('ranks 8539 first for %s', (query) => {
    expect(suggestHsCodes(query)[0]).toMatchObject({ heading: '8539', code: '853952' });
  });

  it('suggests a steel household article (7323) or an electro-thermic appliance (8516) for 不锈钢水壶', () => {
    const found = headings('不锈钢水壶');
    expect(found.some((h) => h === '7323' || h === '8516')).toBe(true);
    // Both readings of a kettle: an electric one, and a steel household article.
    expect(found).toEqual(expect.arrayContaining(['7323', '8516']));
  });

  it.each([
    ['cotton t-shirt', ['6109']],
    ['camiseta de algodón', ['6109']],
    ['纯棉T恤 男士短袖', ['6109']],
    ['phone case', ['4202', '3926']],
    ['手机壳', ['4202', '3926']],
    ['funda de silicona para teléfono', ['4202', '3926']],
    ['silla de oficina', ['9401']],
    ['办公椅', ['9401']],
    ['ergonomic office chair', ['9401']],
    ['solar panel', ['8541']],
    ['太阳能电池板', ['8541']],
    ['panel solar', ['8541']],
    ['air fryer', ['8516']],
    ['空气炸锅', ['8516']],
    ['bluetooth headphones', ['8518']],
    ['蓝牙耳机', ['8518']],
    ['green tea', ['0902']],
    ['té verde', ['0902']],
    ['neumático', ['4011']],
    ['雨伞', ['6601']],
    ['lithium battery', ['8507']],
    ['Stainless Steel Electric Kettle 1.7L with Auto Shut-off', ['8516']],
  ])('ranks a plausible heading first for %s', (query, expected) => {
    expect(expected).toContain(headings(query)[0]);
  });

  it('prefers the subheading a title matches over one that excludes it', () => {
    const codes = suggestHsCodes('cotton t-shirt').map((s) => s.code);
    expect(codes[0]).toBe('610910');
    // 6109.90 is "of textile materials (other than cotton)".
    const other = codes.indexOf('610990');
    if (other >= 0) expect(other).toBeGreaterThan(0);
  });

  it.each(['', '   ', '12345', '!!! ??? ...', 'asdfgh qwerty', '的了吗'])(
    'returns nothing for %j',
    (query) => {
      expect(suggestHsCodes(query)).toEqual([]);
    },
  );

  it('returns suggestions sorted by confidence, within the limit, confidences in [0, 1]', () => {
    for (const query of ['LED灯泡', 'hervidor de acero inoxidable', 'wooden dining table', '玩具车']) {
      for (const limit of [1, 3, 5, 8]) {
        const suggestions = suggestHsCodes(query, { limit });
        expect(suggestions.length).toBeGreaterThan(0);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        const confidences = suggestions.map((s) => s.confidence);
        expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
        for (const s of suggestions) {
          expect(s.confidence).toBeGreaterThanOrEqual(0);
          expect(s.confidence).toBeLessThanOrEqual(s.headingConfidence);
          expect(s.headingConfidence).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('suggests real level-6 codes of HS 2022 with their heading and descriptions', () => {
    const { byCode } = hsCodeList();
    for (const query of ['LED light bulb', '不锈钢水壶', 'silla de oficina', 'frozen shrimp']) {
      for (const s of suggestHsCodes(query, { limit: 10 })) {
        expect(s.code).toMatch(/^\d{6}$/);
        expect(byCode.get(s.code)).toMatchObject({ level: 6, parent: s.heading, description: s.description });
        expect(byCode.get(s.heading)).toMatchObject({ level: 4, description: s.headingDescription });
      }
    }
  });

  it('shows at most two subheadings of one heading', () => {
    const counts = new Map<string, number>();
    for (const s of suggestHsCodes('women dress', { limit: 10 })) {
      counts.set(s.heading, (counts.get(s.heading) ?? 0) + 1);
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });

  it('names its evidence: the translation, the taxonomy node and the HS words matched', () => {
    const [top] = suggestHsCodes('LED灯泡');
    expect(top!.via).toEqual(expect.arrayContaining(['glossary', 'taxonomy', 'hs-text']));
    expect(top!.reasons).toEqual(
      expect.arrayContaining([
        'glossary: LED灯泡 → led bulb',
        'taxonomy: LED Bulbs (lighting/led-bulbs-tubes/led-bulbs) → 8539',
        'HS wording: bulb → lamp',
      ]),
    );
    const [kettle] = suggestHsCodes('不锈钢水壶').filter((s) => s.heading === '7323');
    expect(kettle!.reasons).toEqual(
      expect.arrayContaining(['synonym: 水壶 → kettle', 'glossary: 不锈钢 → stainless steel']),
    );
  });

  it('reads the title in the language it is given', () => {
    // "panel" alone reads as English; told it is Spanish, "bombilla" is a bulb.
    expect(headings('bombilla')).toContain('8539');
    expect(suggestHsCodes('bombilla', { lang: 'en' })).toEqual([]);
    expect(suggestHsCodes('bombilla', { lang: 'es' })[0]?.heading).toBe('8539');
  });

  it('is less confident when part of the title cannot be read', () => {
    const plain = suggestHsCodes('纯棉T恤')[0]!;
    const noisy = suggestHsCodes('纯棉T恤 短袖')[0]!;
    expect(noisy.code).toBe(plain.code);
    expect(noisy.confidence).toBeLessThan(plain.confidence);
  });

  it('rejects a limit outside 1 to 20', () => {
    for (const limit of [0, 21, 2.5, Number.NaN]) {
      try {
        suggestHsCodes('LED bulb', { limit });
        expect.unreachable();
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
      }
    }
  });
});
