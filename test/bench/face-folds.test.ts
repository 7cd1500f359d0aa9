import { describe, expect, it } from 'vitest';
import { calibrate, crossValidate, identityFolds, type ScoredPair } from '../../bench/face-folds';

const grid = [0.3, 0.4, 0.5, 0.6];
const targets = { match: 0, review: 0.5 };

describe('identity-split calibration', () => {
  it('deals every group’s people round-robin into folds, all photos of a person in one fold', () => {
    const photos = [
      { identity: 'b', group: 'lfw' },
      { identity: 'a', group: 'lfw' },
      { identity: 'a', group: 'lfw' },
      { identity: 'c', group: 'lfw' },
      { identity: 'm1', group: 'mugshots' },
      { identity: 'm2', group: 'mugshots' },
    ];
    expect(Object.fromEntries(identityFolds(photos, 2))).toEqual({ a: 0, b: 1, c: 0, m1: 0, m2: 1 });
  });

  it('takes the largest threshold meeting the target in every group, the review band at least as wide', () => {
    const pairs: ScoredPair[] = [
      { identities: ['a', 'b'], group: 'lfw', genuine: false, distance: 0.45 },
      { identities: ['a', 'f'], group: 'lfw', genuine: false, distance: 0.9 },
      { identities: ['c', 'd'], group: 'mugshots', genuine: false, distance: 0.55 },
      { identities: ['c', 'e'], group: 'mugshots', genuine: false, distance: 0.9 },
    ];
    expect(calibrate(pairs, grid, targets)).toEqual({ match: 0.4, review: 0.6 });
    expect(calibrate(pairs, [0.5, 0.6], targets)).toBeUndefined();
  });

  it('judges each fold only on pairs of people the calibration never saw', () => {
    const fold = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 1],
      ['d', 1],
    ]);
    const pairs: ScoredPair[] = [
      { identities: ['a', 'a'], group: 'g', genuine: true, distance: 0.35 },
      { identities: ['a', 'b'], group: 'g', genuine: false, distance: 0.38 },
      { identities: ['c', 'c'], group: 'g', genuine: true, distance: 0.2 },
      { identities: ['c', 'd'], group: 'g', genuine: false, distance: 0.55 },
      // Across folds: never held out, never calibrated on.
      { identities: ['a', 'c'], group: 'g', genuine: false, distance: 0.1 },
      { identities: ['b', 'b'], group: 'g', genuine: true, distance: null },
    ];
    const { perFold, calibrated, atFixed } = crossValidate(pairs, fold, 2, grid, targets, {
      match: 0.4,
      review: 0.5,
    });
    // Fold 0 is calibrated on c–d (0.55) alone, so it allows 0.5 and lets a–b (0.38) through.
    expect(perFold.map((f) => f.thresholds)).toEqual([
      { match: 0.5, review: 0.5 },
      { match: 0.3, review: 0.3 },
    ]);
    expect(calibrated.get('g')).toMatchObject({
      genuine: 3,
      accepted: 2,
      noFace: 1,
      impostors: 2,
      falseAccepts: 1,
    });
    expect(atFixed.get('g')).toMatchObject({
      genuine: 3,
      accepted: 2,
      impostors: 2,
      falseAccepts: 1,
      impostorsInReview: 0,
    });
  });
});
