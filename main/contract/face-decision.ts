import { z } from 'zod';
import type { FaceReading } from './face-reading';

/**
 * The one place the match thresholds live: below `match` the faces match, up to `review` a human
 * looks, beyond is no match. Calibrated by `npm run bench:face` on ../shared/fixtures/faces (single
 * photos, SSD MobileNet v1, grey-bordered canvas input in Node): `match` is the largest threshold
 * keeping false accepts ≤ 0.1% in every group of photos there, `review` ≤ 1%. The frontal portraits
 * and mugshots decide it: different people look alike far more often there than in LFW's news photos.
 */
export const faceMatchThresholds = { match: 0.45, review: 0.525 };
export type FaceMatchThresholds = typeof faceMatchThresholds;

export const FaceDecision = z.enum(['match', 'review', 'no-match', 'no-face']);
export type FaceDecision = z.infer<typeof FaceDecision>;

export const FaceComparison = z.object({
  distance: z.number().nullable(),
  threshold: z.number(),
  decision: FaceDecision,
  /** Why there is no distance (decision `no-face`). */
  reason: z.string().optional(),
});
export type FaceComparison = z.infer<typeof FaceComparison>;

/** Euclidean distance between two face descriptors. */
export function faceDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) {
    throw new Error(`face descriptors differ in length (${a.length} vs ${b.length})`);
  }
  return Math.sqrt(a.reduce((sum, value, i) => sum + (value - b[i]!) ** 2, 0));
}

export function decideFaceMatch(
  distance: number,
  thresholds: FaceMatchThresholds = faceMatchThresholds,
): FaceComparison {
  const decision =
    distance < thresholds.match ? 'match' : distance < thresholds.review ? 'review' : 'no-match';
  return { distance, threshold: thresholds.match, decision };
}

/** Compares the ID photo's reading with a probe's; a side without a usable face decides `no-face`. */
export function compareFaceReadings(
  id: FaceReading,
  probe: FaceReading,
  thresholds: FaceMatchThresholds = faceMatchThresholds,
): FaceComparison {
  const missing = [
    ...(id.usable ? [] : [`ID photo: ${id.detail}`]),
    ...(probe.usable ? [] : [`probe: ${probe.detail}`]),
  ];
  if (!id.usable || !probe.usable) {
    return { distance: null, threshold: thresholds.match, decision: 'no-face', reason: missing.join('; ') };
  }
  return decideFaceMatch(faceDistance(id.descriptor, probe.descriptor), thresholds);
}
