import { describe, expect, it } from 'vitest';
import { serverFaceModel } from '../../../main/contract/face-template';
import { enrolledTemplateOf } from '../../../server/face/enrolled-template';

const box = { x: 10, y: 20, width: 150, height: 180 };

describe("a hire's stored face template", () => {
  it("is current when today's model made it", () => {
    const stored = {
      usable: true,
      template: { model: serverFaceModel, vector: [0.1, 0.2] },
      box,
      score: 0.9,
      yaw: 0.1,
      pass: 'ssd',
    };
    expect(enrolledTemplateOf(stored)).toEqual({ kind: 'current', reading: stored });
  });

  it("is outdated when face-api's descriptor made it, named or from before templates named their model", () => {
    const unnamed = { usable: true, descriptor: Array<number>(128).fill(0.01), box, score: 0.9, yaw: 0 };
    expect(enrolledTemplateOf(unnamed)).toEqual({ kind: 'outdated', model: 'face-api-descriptor@1.7.15' });
    const named = {
      usable: true,
      template: { model: 'face-api-descriptor@1.7.15', vector: Array<number>(128).fill(0.01) },
      box,
      score: 0.9,
      yaw: 0,
      pass: 'ssd',
    };
    expect(enrolledTemplateOf(named)).toEqual({ kind: 'outdated', model: 'face-api-descriptor@1.7.15' });
  });

  it('is refused when it is neither: a corrupt row is not an old template', () => {
    expect(() => enrolledTemplateOf({ usable: true, descriptor: [1, 2, 3] })).toThrow();
    expect(() => enrolledTemplateOf({ usable: false, reason: 'no-face', detail: 'no face found' })).toThrow(
      /has no face/,
    );
  });
});
