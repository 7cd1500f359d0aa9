import { z } from 'zod';
import { FaceBox, FaceRejection } from './face-quality';

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
