import { AppError } from '../../core/errors.js';
import type { Cargo, FreightMode, RateBasis } from './schema.js';

/** IATA's volumetric factor: one cubic metre counts as 167 kg of chargeable weight. */
export const kgPerCbm = 167;
/** Sea LCL is charged per "revenue ton": a cubic metre or a tonne, whichever is more. */
const kgPerRevenueTon = 1000;

export const basisOf = (mode: FreightMode): RateBasis =>
  mode === 'sea_fcl' ? 'container' : mode === 'sea_lcl' ? 'cbm' : 'kg';

/**
 * How many units of the card's basis a cargo takes: containers for FCL (of
 * the card's type), revenue tons (whole cubic metres) for LCL, chargeable
 * kilograms for air. Refuses a cargo the mode cannot carry.
 */
export const unitsFor = (mode: FreightMode, containerType: string | null, cargo: Cargo): number => {
  if (mode === 'sea_fcl') {
    if (!('containers' in cargo))
      throw new AppError('VALIDATION_FAILED', 'Full-container offers need containers: a type and a count', {
        field: 'cargo',
      });
    if (cargo.containers.type !== containerType)
      throw new AppError(
        'VALIDATION_FAILED',
        `This offer is for ${containerType} containers, not ${cargo.containers.type}`,
        { field: 'cargo.containers.type' },
      );
    return cargo.containers.count;
  }
  if (!('weightKg' in cargo))
    throw new AppError('VALIDATION_FAILED', 'Loose cargo needs its weight (kg) and volume (m³)', {
      field: 'cargo',
    });
  if (mode === 'sea_lcl')
    return Math.max(1, Math.ceil(Math.max(cargo.volumeCbm, cargo.weightKg / kgPerRevenueTon)));
  return Math.max(1, Math.ceil(Math.max(cargo.weightKg, cargo.volumeCbm * kgPerCbm)));
};

/** Containers a booking counts for rollover compensation (loose cargo counts as one). */
export const containersOf = (cargo: Cargo) => ('containers' in cargo ? cargo.containers.count : 1);
