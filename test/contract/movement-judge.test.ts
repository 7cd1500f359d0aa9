import { describe, expect, it } from 'vitest';
import type { Point } from '../../main/contract/face-pose';
import {
  judgeMovement,
  movementJudgeRules,
  type MovementFrameReading,
} from '../../main/contract/movement-judge';
import { frontalFace, jitter, movePhoto, turnHead } from './head-model';

/** The video's face (eyes ~27 px apart) at twice the size, as the report's 256 px crops show a face. */
const face = frontalFace.map((p) => ({ x: p.x * 2, y: p.y * 2 }));
const hire = Array.from({ length: 128 }, (_, i) => Math.sin(i) * 0.1);
const someoneElse = hire.map((v, i) => v + (i % 2 ? 0.08 : -0.08));

/** Frames 100 ms apart: three still frontal frames, then `motion`; each its own bytes unless `digest` says. */
const frames = (
  motion: Point[][],
  { descriptor = hire, digest }: { descriptor?: number[]; digest?: string } = {},
): MovementFrameReading[] =>
  [face, face, face, ...motion].map((landmarks, i) => ({
    t: i * 100,
    faces: 1,
    landmarks: jitter(landmarks, 0.01, i + 1),
    descriptor,
    digest: digest ?? `frame-${i}`,
  }));
const turn = [10, 20, 28, 28].map((yaw) => turnHead(face, { yaw }));

describe("the server's judgement of one movement's frames", () => {
  it('passes a head that turns the way asked, and refuses the other way', () => {
    expect(judgeMovement('turn-left', frames(turn), [hire])).toMatchObject({ passed: true });
    const other = judgeMovement('turn-right', frames(turn), [hire]);
    expect([other.passed, other.reason]).toEqual([
      false,
      expect.stringMatching(/turned the other way/) as unknown,
    ]);
  });

  it('refuses copies of one image, whatever their landmarks', () => {
    expect(judgeMovement('turn-left', frames(turn, { digest: 'same' }), [hire]).reason).toMatch(
      /copies of one image: no motion/,
    );
  });

  it('refuses a photo turned in front of the camera: no response before the frames end', () => {
    const card = [10, 20, 35, 35].map((tilt) => movePhoto(face, { tilt }));
    expect(judgeMovement('turn-left', frames(card), [hire]).reason).toMatch(/frames end before any response/);
  });

  it('refuses another face swapped in, and a face other than the matched one', () => {
    const swapped = frames(turn).map((f, i) => (i >= 4 ? { ...f, descriptor: someoneElse } : f));
    expect(judgeMovement('turn-left', swapped, [hire]).reason).toMatch(/the face changed between frames/);
    expect(judgeMovement('turn-left', frames(turn, { descriptor: someoneElse }), [hire]).reason).toMatch(
      /not the one in the frames matched to the ID photo/,
    );
  });

  it('refuses frames where the face is too small for the rules’ calibration', () => {
    const small = (points: readonly Point[]) => points.map((p) => ({ x: p.x / 3, y: p.y / 3 }));
    const tiny = frames(turn).map((f) => ({ ...f, landmarks: small(f.landmarks!) }));
    expect(judgeMovement('turn-left', tiny, [hire]).reason).toMatch(
      new RegExp(`too small to judge .* under ${movementJudgeRules.minEyeDistance}`),
    );
  });
});
