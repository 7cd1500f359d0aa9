import { z } from 'zod';
import type { Point } from './face-pose';
import { FaceBox, FaceRejection, judgeFaces } from './face-quality';

/** What one photo or frame yields: the face's descriptor, or why it has no usable face. */
export const FaceReading = z.discriminatedUnion('usable', [
  z.object({
    usable: z.literal(true),
    /** face-api's 128-number face descriptor (SSD MobileNet v1 detector, 68 landmarks). */
    descriptor: z.array(z.number()).length(128),
    box: FaceBox,
    score: z.number(),
    yaw: z.number(),
  }),
  z.object({ usable: z.literal(false), reason: FaceRejection, detail: z.string() }),
]);
export type FaceReading = z.infer<typeof FaceReading>;

/** SSD's detection threshold, the same in the app and on the server so both judge the same faces. */
export const ssdMinConfidence = 0.5;

/** One face as face-api's `detectAllFaces(…).withFaceLandmarks().withFaceDescriptors()` gives it, in either build. */
export interface DetectedFace {
  detection: { box: FaceBox; score: number };
  landmarks: { positions: readonly Point[] };
  descriptor: Float32Array;
}

/**
 * The reading of a photo that was detected inside a `border` of grey (see detectionBorderFraction):
 * boxes and landmarks moved back onto the photo, then the shared judgement (one face, large
 * enough, not side-on). Used by the server's Node pipeline and the app's browser pipeline alike.
 */
export function faceReadingOf(found: readonly DetectedFace[], border: number): FaceReading {
  const judged = judgeFaces(
    found.map((f) => ({
      box: {
        x: f.detection.box.x - border,
        y: f.detection.box.y - border,
        width: f.detection.box.width,
        height: f.detection.box.height,
      },
      landmarks: f.landmarks.positions.map((p) => ({ x: p.x - border, y: p.y - border })),
      score: f.detection.score,
      descriptor: f.descriptor,
    })),
  );
  if (!judged.usable) return { usable: false, reason: judged.reason, detail: judged.detail };
  const { face, yaw } = judged;
  return { usable: true, descriptor: Array.from(face.descriptor), box: face.box, score: face.score, yaw };
}
