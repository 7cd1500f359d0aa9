import { readFile } from 'node:fs/promises';
import type { LivenessChallenge } from '../../main/contract/liveness';
import type { ChallengeResponse } from '../../main/contract/protocol';
import type { MovementFrames, ReportPayload } from '../../main/contract/report';
import type { FaceService } from '../../server/face/face-service';
import { ASTRONAUT, TurningHead } from './turning-head';

export { ASTRONAUT };

/** The astronaut portrait as a head that turns (or, `flat`, as a card), its landmarks read by the server's own workers. */
export async function astronautHead(
  faces: Pick<FaceService, 'landmarksOf'>,
  options: { flat?: boolean } = {},
) {
  const reading = await faces.landmarksOf(await readFile(ASTRONAUT));
  if (!reading.landmarks) throw new Error(`the astronaut portrait shows ${reading.faces} faces, not one`);
  return TurningHead.of(ASTRONAUT, reading.landmarks, options);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The camera step's evidence as an honest app sends it for `head`: three frontal match frames and
 * every movement the challenge asked for, answered; `alter` changes the movements sent.
 */
export function cameraEvidence(
  head: TurningHead,
  alter: (movements: MovementFrames[]) => MovementFrames[] = (m) => m,
): (challenge: ChallengeResponse) => Promise<Partial<ReportPayload>> {
  return async (challenge) => {
    const asked: readonly LivenessChallenge[] = challenge.evidence.movements ?? [];
    const movements = await Promise.all(asked.map((kind, i) => head.movement(kind, i * 2_000)));
    return {
      consent: { version: 'test', acceptedAt: new Date().toISOString(), biometric: true },
      input: { decision: 'local', score: 0.1, features: {}, humanCheckRequested: false },
      face: {
        camera: { label: 'Integrated Camera (04f2:b6ea)', id: 'cam-1' },
        backend: 'wasm',
        frames: [
          base64(await head.frontal(101)),
          base64(await head.frontal(102)),
          base64(await head.frontal(103)),
        ],
        match: null,
        humanCheckRequested: false,
      },
      liveness: {
        passed: true,
        challenges: asked.map((kind) => ({ kind, passed: true, ms: 900 })),
        trace: [],
        movements: alter(movements),
      },
    };
  };
}
