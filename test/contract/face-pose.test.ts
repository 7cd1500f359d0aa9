import { describe, expect, it } from 'vitest';
import { faceYaw } from '../../main/contract/face-pose';
import { syntheticLandmarks } from './face-landmarks';

describe('faceYaw', () => {
  it('is 0 for a frontal face', () => {
    expect(faceYaw(syntheticLandmarks())).toBeCloseTo(0, 6);
  });

  it('has the sign of the turn and grows with it', () => {
    const slight = faceYaw(syntheticLandmarks({ turn: 0.2 }));
    const strong = faceYaw(syntheticLandmarks({ turn: 0.7 }));
    expect(slight).toBeGreaterThan(0.1);
    expect(strong).toBeGreaterThan(slight);
    expect(faceYaw(syntheticLandmarks({ turn: -0.7 }))).toBeCloseTo(-strong, 6);
  });

  it('ignores a tilt of the head in the image plane', () => {
    for (const roll of [-40, -15, 25, 60]) {
      expect(faceYaw(syntheticLandmarks({ turn: 0.4, roll }))).toBeCloseTo(
        faceYaw(syntheticLandmarks({ turn: 0.4 })),
        6,
      );
    }
  });

  it('calls a nose beyond the jaw a full profile', () => {
    expect(faceYaw(syntheticLandmarks({ turn: 1.5 }))).toBe(1);
    expect(faceYaw(syntheticLandmarks({ turn: -1.5 }))).toBe(-1);
  });

  it('needs all 68 landmarks', () => {
    expect(() => faceYaw(syntheticLandmarks().slice(0, 5))).toThrow(/68 face landmarks, got 5/);
  });
});
