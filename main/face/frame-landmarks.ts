import { z } from 'zod';
import type { DetectedFace } from '../contract/face-reading';

/**
 * What the liveness judge needs of one camera frame, as the server re-reads it: how many faces the
 * detector found, and for a single face its 68 landmarks and face-api's descriptor (to follow the
 * same face from frame to frame). Not a match against the ID photo: that is the recognizer's.
 */
export const FrameLandmarks = z.object({
  faces: z.number().int().nonnegative(),
  landmarks: z
    .array(z.object({ x: z.number(), y: z.number() }))
    .length(68)
    .nullable(),
  descriptor: z.array(z.number()).length(128).nullable(),
});
export type FrameLandmarks = z.infer<typeof FrameLandmarks>;

/** The reading of a frame detected inside a `border` of grey (see paddedImage), moved back onto the frame. */
export function frameLandmarksOf(found: readonly DetectedFace[], border: number): FrameLandmarks {
  const single = found.length === 1 ? found[0]! : null;
  return {
    faces: found.length,
    landmarks: single ? single.landmarks.positions.map((p) => ({ x: p.x - border, y: p.y - border })) : null,
    descriptor: single ? Array.from(single.descriptor) : null,
  };
}
