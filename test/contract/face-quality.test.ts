import { describe, expect, it } from 'vitest';
import { faceQualityRules, judgeFaces } from '../../main/contract/face-quality';
import { syntheticLandmarks } from './face-landmarks';

const face = (width: number, turn = 0) => ({
  box: { x: 100, y: 100, width, height: width * 1.2 },
  landmarks: syntheticLandmarks({ turn }),
});

describe('judgeFaces', () => {
  it('takes the one face of a good photo', () => {
    const only = face(200);
    expect(judgeFaces([only])).toEqual({ usable: true, face: only, yaw: 0 });
  });

  it('says when there is no face', () => {
    expect(judgeFaces([])).toMatchObject({ usable: false, reason: 'no-face' });
  });

  it('refuses two faces of similar size, naming them', () => {
    const judged = judgeFaces([face(200), face(150)]);
    expect(judged).toMatchObject({ usable: false, reason: 'several-faces' });
    expect(judged.usable || judged.detail).toBe('2 faces of similar size (widths 200 px, 150 px)');
  });

  it('keeps the main face when the other is a small one in the background', () => {
    const main = face(200);
    expect(judgeFaces([face(60), main])).toMatchObject({ usable: true, face: main });
  });

  it('refuses a face smaller than the descriptor network can use', () => {
    const width = faceQualityRules.minFaceWidth - 1;
    expect(judgeFaces([face(width)])).toMatchObject({ usable: false, reason: 'too-small' });
    expect(judgeFaces([face(width + 1)]).usable).toBe(true);
  });

  it('refuses a side-on view, whichever way the head turns', () => {
    expect(judgeFaces([face(200, 0.9)])).toMatchObject({ usable: false, reason: 'profile' });
    expect(judgeFaces([face(200, -0.9)])).toMatchObject({ usable: false, reason: 'profile' });
    expect(judgeFaces([face(200, 0.3)]).usable).toBe(true);
  });
});
