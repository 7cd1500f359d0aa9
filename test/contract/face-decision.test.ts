import { describe, expect, it } from 'vitest';
import {
  compareFaceReadings,
  decideFaceMatch,
  faceDistance,
  faceMatchThresholds,
} from '../../main/contract/face-decision';
import type { FaceReading } from '../../main/contract/face-reading';

const reading = (first: number): FaceReading => ({
  usable: true,
  descriptor: [first, ...Array<number>(127).fill(0)],
  box: { x: 0, y: 0, width: 200, height: 240 },
  score: 0.99,
  yaw: 0,
});

describe('face decision', () => {
  it('measures Euclidean distance between descriptors', () => {
    expect(faceDistance([0, 3], [4, 0])).toBe(5);
    expect(() => faceDistance([1, 2], [1])).toThrow(/differ in length \(2 vs 1\)/);
  });

  it('matches below the threshold, asks a human in the band, refuses beyond', () => {
    const { match, review } = faceMatchThresholds;
    expect(match).toBeLessThan(review);
    expect(decideFaceMatch(match - 0.001).decision).toBe('match');
    expect(decideFaceMatch(match).decision).toBe('review');
    expect(decideFaceMatch(review - 0.001).decision).toBe('review');
    expect(decideFaceMatch(review).decision).toBe('no-match');
    expect(decideFaceMatch(0.3, { match: 0.2, review: 0.25 })).toEqual({
      distance: 0.3,
      threshold: 0.2,
      decision: 'no-match',
    });
  });

  it('stays far stricter than the usual 0.6', () => {
    expect(faceMatchThresholds.match).toBeLessThanOrEqual(0.55);
  });

  it('compares two readings', () => {
    expect(compareFaceReadings(reading(0), reading(0.1))).toMatchObject({ decision: 'match' });
    expect(compareFaceReadings(reading(0), reading(0.9))).toMatchObject({ decision: 'no-match' });
  });

  it('gives no-face, saying which side and why, when a photo has no usable face', () => {
    const none: FaceReading = { usable: false, reason: 'several-faces', detail: '2 faces of similar size' };
    expect(compareFaceReadings(none, reading(0))).toEqual({
      distance: null,
      threshold: faceMatchThresholds.match,
      decision: 'no-face',
      reason: 'ID photo: 2 faces of similar size',
    });
    expect(compareFaceReadings(none, none).reason).toBe(
      'ID photo: 2 faces of similar size; probe: 2 faces of similar size',
    );
  });
});
