import type { SubmitRequest } from '../contract/ipc';
import type { ChallengeResponse } from '../contract/protocol';
import { DeviceError } from './device-error';

/**
 * Time a report needs between signing and reaching the HR service before its challenge expires:
 * closer to the end than this, the camera step is done again rather than sent to be refused.
 */
export const CHALLENGE_SEND_MARGIN_MS = 30_000;

/** Whether the hire's evidence answers a camera challenge (frames or movements), not the human path. */
export const answersCameraStep = (request: SubmitRequest): boolean =>
  (request.face?.frames.length ?? 0) > 0 || (request.liveness?.movements?.length ?? 0) > 0;

/**
 * The challenge the camera step began with, if the report may still answer it: taken by this app,
 * not about to expire, and answered movement for movement in its order. Otherwise a refusal that
 * tells the hire to do the camera step again: a mismatched report would only go to review.
 */
export function challengeToAnswer(
  held: ChallengeResponse | null,
  request: SubmitRequest,
  now: Date,
): ChallengeResponse {
  if (!held)
    throw new DeviceError(
      'camera.not-begun',
      'These camera pictures answer no camera check this app began. Please do the camera check again.',
    );
  const endsAt = Date.parse(held.expiresAt);
  if (now.getTime() + CHALLENGE_SEND_MARGIN_MS >= endsAt)
    throw new DeviceError(
      'camera.expired',
      `Your employer’s HireProof service takes the camera check’s answer only until ${new Date(endsAt).toLocaleTimeString()}, ` +
        'and that time has passed. Please do the camera check again: it takes a minute.',
    );
  const asked = held.evidence.movements ?? [];
  const answered = request.liveness?.movements?.map((m) => m.kind) ?? [];
  if (answered.join(',') !== asked.join(','))
    throw new DeviceError(
      'camera.movements-mismatch',
      `The camera check asked for ${asked.join(', ')}; the pictures answer ${answered.join(', ') || 'nothing'}. ` +
        'Please do the camera check again.',
    );
  return held;
}
