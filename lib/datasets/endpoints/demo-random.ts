import { DATASET_START, toEpochDay } from '../../utc-day';

/**
 * The deterministic randomness behind the demo generators (lib/datasets/endpoints/<operation>/demo.ts): the same
 * day always draws the same figures, whichever days were asked before it.
 */

/** The upstream has no data before this day; earlier days count as zero. */
export const DATA_START_DAY = toEpochDay(DATASET_START);
export const TWO_PI = 2 * Math.PI;

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One mulberry32 draw keyed by (seed, day), so a day's noise never depends on which days were computed before it. */
export function dayNoise(seed: number, day: number): number {
  return mulberry32(seed ^ Math.imul(day, 0x9e3779b1))();
}

export function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday; 0 is Sunday.
  return (((day + 4) % 7) + 7) % 7;
}

export function yearsSinceStart(day: number): number {
  return Math.max(0, day - DATA_START_DAY) / 365;
}

export function compareBigIntDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

