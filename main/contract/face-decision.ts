import { z } from 'zod';
import type { FaceReading } from './face-reading';
import { serverFaceModel, templateDistance, type FaceModel } from './face-template';

/**
 * The one place the match thresholds live, per face model: below `match` the faces match, up to
 * `review` a human looks, beyond is no match. Calibrated by `npm run bench:face` on
 * ../shared/fixtures/faces only (single photos, grey-bordered canvas input in Node), split by
 * identity into 4 folds: each fold's `match` keeps false accepts ≤ 0.1% and `review` ≤ 1% in every
 * group of photos of the other folds; the configured values are the strictest fold's, and the bench
 * reports false accepts and rejects on the held-out folds. For the server's model the folds gave
 * 0.575–0.65 and 0.675–0.725; the closest impostor pair among the frontal photos is at 0.596.
 */
export const faceMatchThresholds: Record<FaceModel, FaceMatchThresholds> = {
  'faceplugin-fr-feature@87aacdfe': { match: 0.575, review: 0.675 },
  'face-api-descriptor@1.7.15': { match: 0.45, review: 0.525 },
};
export type FaceMatchThresholds = { match: number; review: number };

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

export function decideFaceMatch(distance: number, thresholds: FaceMatchThresholds): FaceComparison {
  const decision =
    distance < thresholds.match ? 'match' : distance < thresholds.review ? 'review' : 'no-match';
  return { distance, threshold: thresholds.match, decision };
}

/**
 * Compares the ID photo's reading with a probe's, with the thresholds of the model both templates
 * come from; a side without a usable face decides `no-face`.
 */
export function compareFaceReadings(
  id: FaceReading,
  probe: FaceReading,
  thresholds: Record<FaceModel, FaceMatchThresholds> = faceMatchThresholds,
): FaceComparison {
  const missing = [
    ...(id.usable ? [] : [`ID photo: ${id.detail}`]),
    ...(probe.usable ? [] : [`probe: ${probe.detail}`]),
  ];
  if (!id.usable || !probe.usable) {
    const model = id.usable ? id.template.model : probe.usable ? probe.template.model : serverFaceModel;
    return {
      distance: null,
      threshold: thresholds[model].match,
      decision: 'no-face',
      reason: missing.join('; '),
    };
  }
  return decideFaceMatch(templateDistance(id.template, probe.template), thresholds[id.template.model]);
}

/**
 * Same face, different hires (1:N, README "Farm signals"): each hire's ID-photo template against
 * every other hire's, from the server's model only. At the match threshold, zero false matches in
 * about 85,000 impostor pairs of the dev fixtures bound the per-pair false-match rate near 3.5e-5
 * (rule of three, 95%); a company of N hires holds N(N−1)/2 pairs, so up to `backedUpTo` hires at
 * most one false link is expected company-wide. Beyond that no measurement backs any threshold: the
 * search tightens to `beyond` (near the same-person median distances, 0.27–0.33, well inside the
 * closest impostor pair at 0.596), trading missed links for fewer false ones.
 */
export const FACE_PAIR_FALSE_MATCH_BOUND = 3.5e-5;
export const faceOneToMany = {
  model: serverFaceModel,
  backedUpTo: Math.floor((1 + Math.sqrt(1 + 8 / FACE_PAIR_FALSE_MATCH_BOUND)) / 2),
  beyond: 0.4,
} as const;

/** The 1:N threshold for a company of `hires` hires with a template, and whether measurement backs it. */
export function oneToManyThreshold(hires: number): { threshold: number; backed: boolean } {
  const backed = hires <= faceOneToMany.backedUpTo;
  return {
    threshold: backed ? faceMatchThresholds[faceOneToMany.model].match : faceOneToMany.beyond,
    backed,
  };
}
