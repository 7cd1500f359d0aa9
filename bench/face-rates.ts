import type { FaceModel } from '../main/contract/face-template';

/** Error rates of a distance threshold over genuine (same person) and impostor (different people) pairs. */

/** A pair's distance, or null when one of its photos had no usable face. */
export type PairDistance = number | null;

/** Rates are over pairs where both photos have a usable face: the others never reach a decision. */
export type ThresholdRates = {
  threshold: number;
  /** Impostor and genuine pairs with a distance. */
  impostorPairs: number;
  genuinePairs: number;
  falseAccepts: number;
  falseAcceptRate: number;
  /** Genuine pairs at or beyond the threshold, among those with a distance. */
  falseRejects: number;
  falseRejectRate: number;
  /** The same counting genuine pairs without a usable face as rejected. */
  falseRejectRateWithNoFace: number;
};

export function thresholdRates(
  genuine: PairDistance[],
  impostor: PairDistance[],
  threshold: number,
): ThresholdRates {
  const measured = genuine.filter((d): d is number => d !== null);
  const measuredImpostors = impostor.filter((d): d is number => d !== null);
  const falseAccepts = measuredImpostors.filter((d) => d < threshold).length;
  const falseRejects = measured.filter((d) => d >= threshold).length;
  const noFace = genuine.length - measured.length;
  return {
    threshold,
    impostorPairs: measuredImpostors.length,
    genuinePairs: measured.length,
    falseAccepts,
    falseAcceptRate: falseAccepts / measuredImpostors.length,
    falseRejects,
    falseRejectRate: falseRejects / measured.length,
    falseRejectRateWithNoFace: (falseRejects + noFace) / genuine.length,
  };
}

/** Thresholds from `from` to `to` in steps of 0.025. */
function grid(from: number, to: number): number[] {
  return Array.from(
    { length: Math.round((to - from) / 0.025) + 1 },
    (_, i) => Math.round((from + i * 0.025) * 1000) / 1000,
  );
}

/** The thresholds worth considering for each model: face-api's Euclidean 0.35–0.60, the ArcFace-type cosine 0.30–0.90. */
export const thresholdGrids: Record<FaceModel, number[]> = {
  'face-api-descriptor@1.7.15': grid(0.35, 0.6),
  'faceplugin-fr-feature@87aacdfe': grid(0.3, 0.9),
};

/**
 * The largest threshold on the grid whose false-accept rate stays within the target in every table
 * (one per group of photos, all on the same grid), if any.
 */
export function largestThresholdWithin(
  tables: ThresholdRates[][],
  maxFalseAcceptRate: number,
): number | undefined {
  const grid = tables[0]?.map((row) => row.threshold) ?? [];
  return grid
    .filter((_, i) => tables.every((table) => table[i]!.falseAcceptRate <= maxFalseAcceptRate))
    .at(-1);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))))]!;
}
