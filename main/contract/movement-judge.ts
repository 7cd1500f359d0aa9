import { templateDistance } from './face-template';
import { faceGeometry } from './face-geometry';
import type { Point } from './face-pose';
import {
  LivenessSession,
  livenessRules,
  type ChallengeResult,
  type LivenessChallenge,
  type LivenessRules,
} from './liveness';

/** Distance between face-api descriptors: the continuity measure, not the recognizer's match. */
const faceDistance = (a: readonly number[], b: readonly number[]) =>
  templateDistance(
    { model: 'face-api-descriptor@1.7.15', vector: [...a] },
    { model: 'face-api-descriptor@1.7.15', vector: [...b] },
  );

/**
 * How the server re-judges the frames a report carries for one movement. The liveness rules are in
 * eye distances, so they hold at any frame size; what changes with size is landmark jitter, so the
 * frames must show the face at least as large as the camera step's, where the rules were calibrated
 * (640 × 480 frames: eyes 45–90 px apart). The frames are consecutive camera frames of one head, so
 * face-api's descriptor moves little between them; 0.6, face-api's own same-person bound, leaves room
 * for the turn while a swap to another person's face lands beyond it.
 */
export const movementJudgeRules = {
  /** The eyes at least this many pixels apart in every frame with a face. */
  minEyeDistance: 30,
  /** Descriptor distance allowed between consecutive frames, and to the frames matched to the ID photo. */
  continuity: 0.6,
};

/** One frame of a movement as the server's face worker read it. */
export interface MovementFrameReading {
  t: number;
  faces: number;
  landmarks: readonly Point[] | null;
  descriptor: readonly number[] | null;
  /** A digest of the frame's bytes: a movement of copies of one image shows no motion. */
  digest: string;
}

/**
 * Re-judges one movement with the same liveness session the app runs live: the frontal frames set
 * the baseline, the rest must answer the prompt. Before that, the frames must be distinct images,
 * of one face throughout, that face the one the match frames show (the `anchors`: descriptors of
 * the report's frontal frames, which the recognizer matched to the ID photo), and large enough.
 */
export function judgeMovement(
  kind: LivenessChallenge,
  frames: readonly MovementFrameReading[],
  anchors: readonly (readonly number[])[],
  rules: LivenessRules = livenessRules,
  judgeRules = movementJudgeRules,
): ChallengeResult {
  const refused = (reason: string): ChallengeResult => ({ kind, passed: false, ms: 0, reason });
  if (new Set(frames.map((f) => f.digest)).size < 2)
    return refused(`the ${frames.length} frame(s) are copies of one image: no motion`);
  const faces = frames.filter((f) => f.landmarks && f.descriptor);
  for (let i = 1; i < faces.length; i++) {
    const distance = faceDistance(faces[i - 1]!.descriptor!, faces[i]!.descriptor!);
    if (distance > judgeRules.continuity)
      return refused(`the face changed between frames (descriptor distance ${distance.toFixed(2)})`);
  }
  const first = faces[0];
  if (!first) return refused('no frame shows a single face');
  if (anchors.length > 0) {
    const nearest = Math.min(...anchors.map((a) => faceDistance(a, first.descriptor!)));
    if (nearest > judgeRules.continuity)
      return refused(
        `the face is not the one in the frames matched to the ID photo (descriptor distance ${nearest.toFixed(2)})`,
      );
  }
  const small = faces.find((f) => faceGeometry(f.landmarks!).eyeDistance < judgeRules.minEyeDistance);
  if (small)
    return refused(
      `the face is too small to judge (eyes ${faceGeometry(small.landmarks!).eyeDistance.toFixed(0)} px apart, under ${judgeRules.minEyeDistance})`,
    );
  const session = new LivenessSession([kind], rules);
  for (const frame of frames) {
    const state = session.observe({ t: frame.t, faces: frame.faces, landmarks: frame.landmarks });
    if (state.phase === 'done') return state.results[0]!;
  }
  return refused('the frames end before any response to the prompt');
}
