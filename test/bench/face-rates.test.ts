import { describe, expect, it } from 'vitest';
import { largestThresholdWithin, thresholdGrids, thresholdRates } from '../../bench/face-rates';

const thresholdGrid = thresholdGrids['face-api-descriptor@1.7.15'];

describe('face calibration rates', () => {
  const genuine = [0.3, 0.4, 0.5, null];
  const impostor = [0.45, 0.7, 0.8, null];

  it('counts impostors below the threshold and genuine pairs at or above it, among pairs with a distance', () => {
    expect(thresholdRates(genuine, impostor, 0.5)).toEqual({
      threshold: 0.5,
      impostorPairs: 3,
      genuinePairs: 3,
      falseAccepts: 1,
      falseAcceptRate: 1 / 3,
      falseRejects: 1,
      falseRejectRate: 1 / 3,
      falseRejectRateWithNoFace: 0.5,
    });
  });

  it('spans 0.35 to 0.60 in steps of 0.025 for face-api, 0.30 to 0.90 for the ArcFace-type model', () => {
    expect(thresholdGrid).toEqual([0.35, 0.375, 0.4, 0.425, 0.45, 0.475, 0.5, 0.525, 0.55, 0.575, 0.6]);
    const arcface = thresholdGrids['faceplugin-fr-feature@87aacdfe'];
    expect([arcface[0], arcface[1], arcface.at(-1), arcface.length]).toEqual([0.3, 0.325, 0.9, 25]);
  });

  it('picks the largest threshold meeting the target in every group', () => {
    const pooled = thresholdGrid.map((t) => thresholdRates(genuine, [...impostor, 0.9, 0.9], t));
    const strict = thresholdGrid.map((t) => thresholdRates(genuine, [0.42, 0.9], t));
    expect(largestThresholdWithin([pooled], 0)).toBe(0.45);
    expect(largestThresholdWithin([pooled, strict], 0)).toBe(0.4);
    expect(largestThresholdWithin([strict], -1)).toBeUndefined();
  });
});
