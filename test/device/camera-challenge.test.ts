import { describe, expect, it } from 'vitest';
import type { SubmitRequest } from '../../main/contract/ipc';
import { defaultPolicy } from '../../main/contract/policy';
import type { ChallengeResponse } from '../../main/contract/protocol';
import {
  answersCameraStep,
  CHALLENGE_SEND_MARGIN_MS,
  challengeToAnswer,
} from '../../main/device/camera-challenge';

const issued = new Date('2026-03-02T09:00:00Z');
const held: ChallengeResponse = {
  nonce: 'n'.repeat(43),
  expiresAt: new Date(issued.getTime() + 5 * 60_000).toISOString(),
  kind: 'onboarding',
  evidence: { face: true, liveness: true, input: true, movements: ['smile', 'turn-left', 'look-up'] },
  policy: defaultPolicy,
};
const answer = (kinds: string[]): SubmitRequest =>
  ({
    input: null,
    face: {
      camera: { label: 'c', id: 'c' },
      backend: 'wasm',
      frames: ['/9j/'],
      match: null,
      humanCheckRequested: false,
    },
    liveness: {
      passed: true,
      challenges: [],
      trace: [],
      movements: kinds.map((kind) => ({ kind, frames: [{ t: 0, jpeg: '/9j/' }] })),
    },
  }) as SubmitRequest;
const at = (ms: number) => new Date(issued.getTime() + ms);

describe('the challenge a camera step answers', () => {
  it('is the one it began with, while it has time to reach the server', () => {
    expect(challengeToAnswer(held, answer(['smile', 'turn-left', 'look-up']), at(60_000))).toBe(held);
  });

  it('is refused once too close to its expiry, so the hire redoes the step', () => {
    const late = at(5 * 60_000 - CHALLENGE_SEND_MARGIN_MS);
    const sent = () => challengeToAnswer(held, answer(['smile', 'turn-left', 'look-up']), late);
    expect(sent).toThrow(expect.objectContaining({ code: 'camera.expired' }));
    expect(sent).toThrow(/do the camera check again/);
  });

  it('is refused when the movements differ from the ones asked for, or none was begun', () => {
    expect(() => challengeToAnswer(held, answer(['turn-left', 'smile', 'look-up']), at(0))).toThrow(
      expect.objectContaining({ code: 'camera.movements-mismatch' }),
    );
    expect(() => challengeToAnswer(null, answer(['smile']), at(0))).toThrow(
      expect.objectContaining({ code: 'camera.not-begun' }),
    );
  });

  it('is not needed for the human path: no frames and no movements answer no camera challenge', () => {
    expect(answersCameraStep({ ...answer([]), face: { ...answer([]).face!, frames: [] } })).toBe(false);
    expect(answersCameraStep(answer(['smile']))).toBe(true);
  });
});
