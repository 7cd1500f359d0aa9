import { describe, expect, it } from 'vitest';
import { faceGeometry } from '../../main/contract/face-geometry';
import { nonPlanarMotion } from '../../main/contract/planar-motion';
import { closeEyes, frontalFace, movePhoto, smile, turnHead } from './head-model';

describe('faceGeometry', () => {
  it('does not change when the face is moved, scaled or tilted in the image plane', () => {
    const base = faceGeometry(frontalFace);
    for (const roll of [-35, 20, 60]) {
      const moved = movePhoto(frontalFace, { roll, shift: { x: 80, y: -40 }, distance: 1e9 });
      const geometry = faceGeometry(moved);
      for (const key of ['yaw', 'pitch', 'eyeOpening', 'mouthWidth', 'aspect'] as const) {
        expect(geometry[key]).toBeCloseTo(base[key], 6);
      }
    }
  });

  it('moves each measure with its own movement', () => {
    const base = faceGeometry(frontalFace);
    expect(faceGeometry(turnHead(frontalFace, { yaw: 25 })).yaw).toBeGreaterThan(base.yaw + 0.25);
    expect(faceGeometry(turnHead(frontalFace, { pitch: 20 })).pitch).toBeLessThan(base.pitch * 0.85);
    expect(faceGeometry(closeEyes(frontalFace, 1)).eyeOpening).toBeLessThan(base.eyeOpening * 0.2);
    expect(faceGeometry(smile(frontalFace, 1.2)).mouthWidth).toBeCloseTo(base.mouthWidth * 1.2, 2);
  });

  it('names a landmark set of the wrong size', () => {
    expect(() => faceGeometry(frontalFace.slice(0, 5))).toThrow(/68 face landmarks, got 5/);
    expect(() => nonPlanarMotion(frontalFace, [])).toThrow(/68 face landmarks/);
  });
});

describe('nonPlanarMotion', () => {
  it('is zero for anything a flat picture can do, large for a head turn', () => {
    const flat = movePhoto(frontalFace, {
      tilt: 50,
      distance: 3,
      roll: 25,
      shift: { x: 30, y: 10 },
      squeeze: 0.8,
    });
    expect(nonPlanarMotion(frontalFace, flat)).toBeLessThan(1e-6);
    expect(nonPlanarMotion(frontalFace, turnHead(frontalFace, { yaw: 25 }))).toBeGreaterThan(0.1);
    expect(nonPlanarMotion(frontalFace, turnHead(frontalFace, { pitch: 20 }))).toBeGreaterThan(0.1);
  });
});
