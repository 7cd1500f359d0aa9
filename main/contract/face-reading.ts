import { z } from 'zod';
import type { Point } from './face-pose';
import {
  FaceBox,
  faceQualityRules,
  FaceRejection,
  judgeFaces,
  type FaceJudgement,
  type FaceQualityRules,
} from './face-quality';
import { FaceTemplate } from './face-template';

/**
 * Which detector pass found the face: `ssd` the first (SSD MobileNet v1, as the app reads a photo);
 * `tiny` the server's second pass (Tiny Face Detector), run only when SSD found no face at all.
 */
export const FaceGatePass = z.enum(['ssd', 'tiny']);
export type FaceGatePass = z.infer<typeof FaceGatePass>;

/** What one photo or frame yields: the face's template, or why it has no usable face. */
export const FaceReading = z.discriminatedUnion('usable', [
  z.object({
    usable: z.literal(true),
    template: FaceTemplate,
    box: FaceBox,
    score: z.number(),
    yaw: z.number(),
    pass: FaceGatePass,
  }),
  z.object({ usable: z.literal(false), reason: FaceRejection, detail: z.string() }),
]);
export type FaceReading = z.infer<typeof FaceReading>;

/** SSD's detection threshold, the same in the app and on the server so both judge the same faces. */
export const ssdMinConfidence = 0.5;

/** One face as face-api's `detectAllFaces(…).withFaceLandmarks()` gives it, in either build. */
export interface LandmarkedFace {
  detection: { box: FaceBox; score: number };
  landmarks: { positions: readonly Point[] };
}
/** The same with face-api's descriptor (`.withFaceDescriptors()`). */
export interface DetectedFace extends LandmarkedFace {
  descriptor: Float32Array;
}

export type PhotoFace<T extends LandmarkedFace> = {
  box: FaceBox;
  landmarks: Point[];
  score: number;
  found: T;
};

/**
 * Faces detected inside a `border` of grey (see detectionBorderFraction), with boxes and landmarks
 * moved back onto the photo, then the shared judgement (one face, large enough, not side-on).
 */
export function judgeDetectedFaces<T extends LandmarkedFace>(
  found: readonly T[],
  border: number,
  rules: FaceQualityRules = faceQualityRules,
): FaceJudgement<PhotoFace<T>> {
  return judgeFaces(
    found.map((f) => ({
      box: {
        x: f.detection.box.x - border,
        y: f.detection.box.y - border,
        width: f.detection.box.width,
        height: f.detection.box.height,
      },
      landmarks: f.landmarks.positions.map((p) => ({ x: p.x - border, y: p.y - border })),
      score: f.detection.score,
      found: f,
    })),
    rules,
  );
}

/**
 * The reading of a photo with face-api's own descriptor as its template, as the app's browser
 * pipeline reads it (the server matches with its own recognizer: main/face/recognizer.ts).
 */
export function faceReadingOf(found: readonly DetectedFace[], border: number): FaceReading {
  const judged = judgeDetectedFaces(found, border);
  if (!judged.usable) return { usable: false, reason: judged.reason, detail: judged.detail };
  const { face, yaw } = judged;
  return {
    usable: true,
    template: { model: 'face-api-descriptor@1.7.15', vector: Array.from(face.found.descriptor) },
    box: face.box,
    score: face.score,
    yaw,
    pass: 'ssd',
  };
}
