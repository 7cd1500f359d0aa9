import { z } from 'zod';
import { LivenessChallenge } from '../../main/contract/liveness';
import { FaceEvidence, LivenessEvidence, movementFrameLimits } from '../../main/contract/report';

/**
 * The messages between the app's page and the camera step's frame (`/face/index.html`, the only
 * document whose CSP lets the WASM face backend compile). Both sides parse what they receive: the
 * frame runs third-party model code, so the page trusts nothing it says beyond this shape.
 */
/** Start the check with the movements the HR service asked for, in its order. */
export const PageToFrame = z.object({
  type: z.literal('start'),
  movements: z.array(LivenessChallenge).min(1).max(movementFrameLimits.movements),
});
export type PageToFrame = z.infer<typeof PageToFrame>;

export const FrameToPage = z.discriminatedUnion('type', [
  /** The frame listens: the page may send `start`. */
  z.object({ type: z.literal('ready') }),
  /** The content's height in CSS pixels, so the page sizes the frame without a scrollbar. */
  z.object({ type: z.literal('size'), height: z.number().nonnegative().max(10_000) }),
  /** The hire finished the check (passed or not) or asked for a person instead. */
  z.object({
    type: z.literal('result'),
    outcome: z.enum(['checked', 'human-check']),
    face: FaceEvidence,
    liveness: LivenessEvidence,
  }),
  z.object({ type: z.literal('no-camera'), reason: z.string().max(500) }),
  z.object({ type: z.literal('failed'), message: z.string().max(500) }),
]);
export type FrameToPage = z.infer<typeof FrameToPage>;
