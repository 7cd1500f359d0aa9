import { describe, expect, it } from 'vitest';
import { compareFaceReadings, decideFaceMatch, faceMatchThresholds } from '../../main/contract/face-decision';
import type { FaceReading } from '../../main/contract/face-reading';
import { FaceModel, serverFaceModel, type FaceTemplate } from '../../main/contract/face-template';

/** A unit vector at `angle` radians in the first two of 512 dimensions: cosine distance 1 − cos(Δangle). */
const arcface = (angle: number): FaceTemplate => ({
  model: 'faceplugin-fr-feature@87aacdfe',
  vector: [Math.cos(angle), Math.sin(angle), ...Array<number>(510).fill(0)],
});
const reading = (template: FaceTemplate): FaceReading => ({
  usable: true,
  template,
  box: { x: 0, y: 0, width: 200, height: 240 },
  score: 0.99,
  yaw: 0,
  pass: 'ssd',
});
/** The angle whose cosine distance from angle 0 is `distance`. */
const at = (distance: number) => Math.acos(1 - distance);

describe('face decision', () => {
  it('matches below the threshold, asks a human in the band, refuses beyond', () => {
    const thresholds = { match: 0.2, review: 0.25 };
    expect(decideFaceMatch(0.199, thresholds).decision).toBe('match');
    expect(decideFaceMatch(0.2, thresholds).decision).toBe('review');
    expect(decideFaceMatch(0.249, thresholds).decision).toBe('review');
    expect(decideFaceMatch(0.3, thresholds)).toEqual({ distance: 0.3, threshold: 0.2, decision: 'no-match' });
  });

  it('keeps a review band above the match threshold for every model', () => {
    for (const model of FaceModel.options) {
      const { match, review } = faceMatchThresholds[model];
      expect(match).toBeGreaterThan(0);
      expect(review).toBeGreaterThan(match);
    }
  });

  it('compares two readings with the thresholds of the model that made them', () => {
    const { match, review } = faceMatchThresholds[serverFaceModel];
    const id = reading(arcface(0));
    expect(compareFaceReadings(id, reading(arcface(at(match - 0.01))))).toMatchObject({ decision: 'match' });
    expect(compareFaceReadings(id, reading(arcface(at((match + review) / 2))))).toMatchObject({
      decision: 'review',
      threshold: match,
    });
    expect(compareFaceReadings(id, reading(arcface(at(review + 0.01))))).toMatchObject({
      decision: 'no-match',
    });
  });

  it('refuses to compare templates of different models', () => {
    const old = reading({ model: 'face-api-descriptor@1.7.15', vector: Array<number>(128).fill(0.1) });
    expect(() => compareFaceReadings(old, reading(arcface(0)))).toThrow(/different models/);
  });

  it('gives no-face, saying which side and why, when a photo has no usable face', () => {
    const none: FaceReading = { usable: false, reason: 'several-faces', detail: '2 faces of similar size' };
    expect(compareFaceReadings(none, reading(arcface(0)))).toEqual({
      distance: null,
      threshold: faceMatchThresholds[serverFaceModel].match,
      decision: 'no-face',
      reason: 'ID photo: 2 faces of similar size',
    });
    expect(compareFaceReadings(none, none).reason).toBe(
      'ID photo: 2 faces of similar size; probe: 2 faces of similar size',
    );
  });
});
