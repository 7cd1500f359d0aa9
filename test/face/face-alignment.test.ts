import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Point } from '../../main/contract/face-pose';
import { alignedFace } from '../../main/face/arcface-recognizer';
import {
  alignedFaceSize,
  alignmentOf,
  applySimilarity,
  arcfaceTemplate,
  fivePointsOf,
  recognizerInput,
  similarityTransform,
} from '../../main/face/face-alignment';
import { syntheticLandmarks } from '../contract/face-landmarks';

/** 68 landmarks whose five alignment points are exactly `five` (eye rings centred on the eye points). */
function landmarksWithFivePoints(five: readonly Point[]): Point[] {
  const points = syntheticLandmarks();
  const [leftEye, rightEye, nose, mouthLeft, mouthRight] = five as [Point, Point, Point, Point, Point];
  const ring = (first: number, centre: Point) => {
    for (let k = 0; k < 6; k++) {
      const angle = (2 * Math.PI * k) / 6;
      points[first + k] = { x: centre.x + 6 * Math.cos(angle), y: centre.y + 2 * Math.sin(angle) };
    }
  };
  ring(36, leftEye);
  ring(42, rightEye);
  points[30] = nose;
  points[48] = mouthLeft;
  points[54] = mouthRight;
  return points;
}

describe('five-point alignment onto the ArcFace template', () => {
  it('takes the eye centres, the nose tip and the mouth corners from the 68 landmarks', () => {
    const five = [
      { x: 100, y: 120 },
      { x: 160, y: 118 },
      { x: 131, y: 150 },
      { x: 108, y: 180 },
      { x: 152, y: 179 },
    ];
    const found = fivePointsOf(landmarksWithFivePoints(five));
    found.forEach((p, i) => {
      expect(p.x).toBeCloseTo(five[i]!.x, 9);
      expect(p.y).toBeCloseTo(five[i]!.y, 9);
    });
    expect(() => fivePointsOf(five)).toThrow(/68 face landmarks/);
  });

  it('recovers a rotation, scale and shift exactly from points it moved', () => {
    const truth = { a: 2 * Math.cos(0.3), b: 2 * Math.sin(0.3), tx: -40, ty: 17 };
    const moved = arcfaceTemplate.map((p) => applySimilarity(truth, p));
    const found = similarityTransform(arcfaceTemplate, moved);
    for (const key of ['a', 'b', 'tx', 'ty'] as const) expect(found[key]).toBeCloseTo(truth[key], 9);
  });

  it('is the least-squares fit when the points disagree, never a shear or a mirror', () => {
    // A mirrored face: the best similarity cannot flip it, so it leaves a residual rather than mirroring.
    const mirrored = arcfaceTemplate.map((p) => ({ x: 112 - p.x, y: p.y }));
    const t = similarityTransform(arcfaceTemplate, mirrored);
    const residual = arcfaceTemplate.reduce((sum, p, i) => {
      const q = applySimilarity(t, p);
      return sum + (q.x - mirrored[i]!.x) ** 2 + (q.y - mirrored[i]!.y) ** 2;
    }, 0);
    expect(residual).toBeGreaterThan(100);
  });

  it('draws a tilted, scaled face so its five points land on the template in the 112×112 crop', () => {
    // A photo with a bright dot at each of the five points of a face tilted 20° and 3× template size.
    const roll = (20 * Math.PI) / 180;
    const placed = { a: 3 * Math.cos(roll), b: 3 * Math.sin(roll), tx: 150, ty: 40 };
    const five = arcfaceTemplate.map((p) => applySimilarity(placed, { x: p.x + 0.5, y: p.y + 0.5 }));
    const photo = createCanvas(600, 600);
    const context = photo.getContext('2d');
    context.fillStyle = 'black';
    context.fillRect(0, 0, 600, 600);
    context.fillStyle = 'white';
    for (const p of five) {
      context.beginPath();
      context.arc(p.x, p.y, 6, 0, 2 * Math.PI);
      context.fill();
    }
    const landmarks = landmarksWithFivePoints(five);
    const t = alignmentOf(landmarks);
    expect(Math.hypot(t.a, t.b)).toBeCloseTo(1 / 3, 6);
    expect(Math.atan2(t.b, t.a)).toBeCloseTo(-roll, 6);

    const crop = alignedFace(photo, landmarks);
    // The brightest-weighted centre of each dot's neighbourhood in the crop sits on the template.
    for (const target of arcfaceTemplate) {
      let [sum, sx, sy] = [0, 0, 0];
      for (let y = Math.floor(target.y) - 4; y <= Math.ceil(target.y) + 4; y++) {
        for (let x = Math.floor(target.x) - 4; x <= Math.ceil(target.x) + 4; x++) {
          const v = crop[(y * alignedFaceSize + x) * 4]!;
          [sum, sx, sy] = [sum + v, sx + v * x, sy + v * y];
        }
      }
      expect(sum).toBeGreaterThan(0);
      expect(Math.hypot(sx / sum - target.x, sy / sum - target.y)).toBeLessThan(0.5);
    }
  });

  it('feeds the network RGB, channels last, as (v − 127) / 128', () => {
    const rgba = new Uint8ClampedArray(alignedFaceSize * alignedFaceSize * 4);
    rgba.set([255, 127, 0, 255], 0);
    const input = recognizerInput(rgba);
    expect(input).toHaveLength(alignedFaceSize * alignedFaceSize * 3);
    expect(Array.from(input.slice(0, 3))).toEqual([1, 0, -127 / 128]);
    expect(() => recognizerInput(new Uint8ClampedArray(16))).toThrow(/112×112 RGBA/);
  });
});
