import type { Random } from '../src/demo/random.js';
import type { FreightSearch } from '../src/modules/logistics/search-freight.js';
import { containerMix, type Lanes, pickLane } from './freight-generate.js';

export type FreightQuery = { kind: string; input: FreightSearch };

const addDays = (day: string, n: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The search mix, seeded: lanes drawn with the same popularity as the cards
 * (so busy lanes are searched most, as shippers do), cargo by kind — FCL of
 * 40' high cubes, of 20' and 40' dry boxes, of the rarer types; LCL; air —,
 * ready dates from today to six weeks out, and the three sorts.
 */
export const freightQueryMix = (random: Random, lanes: Lanes, today: string, count: number): FreightQuery[] =>
  Array.from({ length: count }, () => {
    const kind = random.weighted([
      ['fcl-40HQ', 30],
      ['fcl-dry', 25],
      ['fcl-other', 10],
      ['lcl', 15],
      ['air', 20],
    ] as const);
    const common = {
      readyDate: addDays(today, random.int(0, 42)),
      sort: random.weighted([
        ['price', 60],
        ['transit', 25],
        ['reliability', 15],
      ] as const),
    };
    if (kind === 'air') {
      const lane = pickLane(random, lanes, 'air');
      return {
        kind,
        input: {
          ...lane,
          ...common,
          cargo: { weightKg: random.int(40, 2_500), volumeCbm: random.int(1, 80) / 10 },
        },
      };
    }
    const lane = pickLane(random, lanes, kind === 'lcl' ? 'sea_lcl' : 'sea_fcl');
    if (kind === 'lcl')
      return {
        kind,
        input: {
          ...lane,
          ...common,
          cargo: { weightKg: random.int(300, 9_000), volumeCbm: random.int(1, 25) },
        },
      };
    const type =
      kind === 'fcl-40HQ'
        ? '40HQ'
        : kind === 'fcl-dry'
          ? random.pick(['20GP', '40GP'])
          : random.weighted(containerMix.filter(([t]) => !['40HQ', '20GP', '40GP'].includes(t)));
    return {
      kind,
      input: {
        ...lane,
        ...common,
        cargo: {
          containers: {
            type,
            count: random.weighted([
              [1, 50],
              [2, 30],
              [4, 15],
              [8, 5],
            ] as const),
          },
        },
      },
    };
  });
