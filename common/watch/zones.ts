// Karvonen zones: everything is a fraction of heart-rate reserve (HRR = max - resting).
import { Profile, maxHrOf } from "./profile";

/** Lower bounds of zones 1-5 as fractions of HRR (PRODUCT.md's zone table). */
export var ZONE_LOWER_FRACTIONS = [0.5, 0.6, 0.7, 0.8, 0.9];

export function heartRateReserve(p: Profile): number {
  return maxHrOf(p) - p.restingHr;
}

/** The recovery ceiling in bpm (not rounded): resting + fraction x HRR. 146 is over 145.55. */
export function ceilingOf(p: Profile): number {
  return p.restingHr + p.ceilingFraction * heartRateReserve(p);
}

/**
 * What the runner is shown as the ceiling: the highest whole bpm that is not over it (the guard's "over" is
 * bpm > ceiling). 145.55 -> 145 (146 is over); exactly 150 -> 150 (150 is not over 150). The watch face, the
 * verdict and the settings page all use this, so the same run never shows two different ceilings.
 */
export function ceilingDisplayBpm(ceilingBpm: number): number {
  return Math.floor(ceilingBpm);
}

export function fractionOfReserve(bpm: number, restingHr: number, maxHr: number): number {
  return (bpm - restingHr) / (maxHr - restingHr);
}

/** 0 = below zone 1, 1-5 = zones 1-5. */
export function zoneOf(bpm: number, restingHr: number, maxHr: number): number {
  var f = fractionOfReserve(bpm, restingHr, maxHr);
  var zone = 0;
  for (var i = 0; i < ZONE_LOWER_FRACTIONS.length; i++) if (f >= ZONE_LOWER_FRACTIONS[i]) zone = i + 1;
  return zone;
}

/** The bpm where each zone starts, for tables: [zone1, ..., zone5, max]. */
export function zoneBoundsBpm(p: Profile): number[] {
  var max = maxHrOf(p);
  var out: number[] = [];
  for (var i = 0; i < ZONE_LOWER_FRACTIONS.length; i++) out.push(p.restingHr + ZONE_LOWER_FRACTIONS[i] * (max - p.restingHr));
  out.push(max);
  return out;
}
