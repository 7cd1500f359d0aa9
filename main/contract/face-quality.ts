import { z } from 'zod';
import { faceYaw, type Point } from './face-pose';

/** What makes a photo or frame usable for matching; shared by the live camera and the server. */
export const faceQualityRules = {
  /** Face box width in source pixels; the descriptor network looks at 150×150, smaller faces blur. */
  minFaceWidth: 80,
  /** Another face at least this fraction of the largest one's width makes the photo ambiguous. */
  companionRatio: 0.5,
  /**
   * Beyond this |yaw| (see faceYaw) the view is too side-on. On the calibration faces the same
   * person's median distance is 0.41–0.43 up to 0.65, 0.48 at 0.65–0.8 and 0.61 beyond.
   */
  maxYaw: 0.65,
};
export type FaceQualityRules = typeof faceQualityRules;

/**
 * The server's gate before its recognizer (main/face/face-gate.ts). Its 112×112 crop puts the eyes
 * 35 px apart, about what a 90 px face box gives, so a 60 px face is enlarged 1.5× where face-api's
 * 150 px crop enlarged it 2.5×. On the dev photos the faces of 62–80 px that the 80 px floor refused
 * matched other photos of the same person at a median distance of 0.43 (0.33 for all LFW pairs); 60
 * is just under the smallest such face measured, not an extrapolation below it.
 */
export const serverFaceQualityRules: FaceQualityRules = { ...faceQualityRules, minFaceWidth: 60 };

/**
 * Grey border put round a photo before SSD detection, on each side, as a fraction of the longer
 * side: SSD misses faces that fill a tightly cropped image and finds nearly all of them with margin.
 * Node and browser pad alike, so their descriptors come from the same input.
 */
export const detectionBorderFraction = 0.25;

export const FaceRejection = z.enum(['no-face', 'several-faces', 'too-small', 'profile']);
export type FaceRejection = z.infer<typeof FaceRejection>;

export const FaceBox = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type FaceBox = z.infer<typeof FaceBox>;

export type FaceCandidate = { box: FaceBox; landmarks: readonly Point[] };

export type FaceJudgement<T extends FaceCandidate> =
  { usable: true; face: T; yaw: number } | { usable: false; reason: FaceRejection; detail: string };

const px = (n: number) => `${Math.round(n)} px`;

/** Picks the one face to match, or says why there is none: no face, several, too small, side-on. */
export function judgeFaces<T extends FaceCandidate>(
  faces: readonly T[],
  rules: FaceQualityRules = faceQualityRules,
): FaceJudgement<T> {
  const bySize = [...faces].sort((a, b) => b.box.width - a.box.width);
  const face = bySize[0];
  if (!face) return { usable: false, reason: 'no-face', detail: 'no face found' };
  const companions = bySize.filter((f) => f.box.width >= face.box.width * rules.companionRatio);
  if (companions.length > 1) {
    return {
      usable: false,
      reason: 'several-faces',
      detail: `${companions.length} faces of similar size (widths ${companions.map((f) => px(f.box.width)).join(', ')})`,
    };
  }
  if (face.box.width < rules.minFaceWidth) {
    return {
      usable: false,
      reason: 'too-small',
      detail: `face is ${px(face.box.width)} wide, needs at least ${px(rules.minFaceWidth)}`,
    };
  }
  const yaw = faceYaw(face.landmarks);
  if (Math.abs(yaw) > rules.maxYaw) {
    return {
      usable: false,
      reason: 'profile',
      detail: `head turned sideways (yaw ${yaw.toFixed(2)}, frontal needs within ±${rules.maxYaw})`,
    };
  }
  return { usable: true, face, yaw };
}
