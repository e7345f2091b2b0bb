import type { TransportMode } from './schema.js';

/** The eleven Incoterms® 2020 rules. */
export const incoterms = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;
export type Incoterm = (typeof incoterms)[number];

/** The four rules written for sea and inland waterway transport only. */
export const seaOnlyIncoterms: readonly Incoterm[] = ['FAS', 'FOB', 'CFR', 'CIF'];

/** Why an Incoterm cannot be used with a transport mode, or null when it can. */
export const incotermProblem = (incoterm: Incoterm, mode: TransportMode): string | null =>
  seaOnlyIncoterms.includes(incoterm) && mode !== 'sea'
    ? `${incoterm} is for sea transport only; use ${incoterm === 'FOB' || incoterm === 'FAS' ? 'FCA' : incoterm === 'CFR' ? 'CPT' : 'CIP'} for ${mode}`
    : null;
