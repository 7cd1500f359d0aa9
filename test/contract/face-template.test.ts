import { describe, expect, it } from 'vitest';
import { FaceTemplate, templateDistance } from '../../main/contract/face-template';

describe('face templates', () => {
  it('measures ArcFace-type embeddings by angle, whatever their length', () => {
    const a = { model: 'faceplugin-fr-feature@87aacdfe' as const, vector: [3, 0] };
    expect(templateDistance(a, { ...a, vector: [10, 0] })).toBeCloseTo(0, 12);
    expect(templateDistance(a, { ...a, vector: [0, 2] })).toBeCloseTo(1, 12);
    expect(templateDistance(a, { ...a, vector: [-1, 0] })).toBeCloseTo(2, 12);
    expect(() => templateDistance(a, { ...a, vector: [0, 0] })).toThrow(/no direction/);
  });

  it("measures face-api's descriptors by Euclidean distance", () => {
    const a = { model: 'face-api-descriptor@1.7.15' as const, vector: [0, 3] };
    expect(templateDistance(a, { ...a, vector: [4, 0] })).toBe(5);
    expect(() => templateDistance(a, { ...a, vector: [1] })).toThrow(/differ in length \(2 vs 1\)/);
  });

  it('never compares across models, and names the model of every template', () => {
    const arcface = { model: 'faceplugin-fr-feature@87aacdfe' as const, vector: [1, 0] };
    const faceApi = { model: 'face-api-descriptor@1.7.15' as const, vector: [1, 0] };
    expect(() => templateDistance(arcface, faceApi)).toThrow(/different models/);
    expect(FaceTemplate.safeParse({ vector: [1] }).success).toBe(false);
    expect(FaceTemplate.safeParse({ model: 'dlib@19', vector: [1] }).success).toBe(false);
  });
});
