import { z } from 'zod';

/**
 * The face models a template can come from, each `name@version`: a template is only ever compared
 * with one from the same model (distances of different models mean nothing to each other).
 * - `faceplugin-fr-feature@87aacdfe`: the server's recognizer, a MobileFaceNet-type ArcFace
 *   embedding (512 numbers) of a 5-point-aligned 112×112 crop; the version is the start of the
 *   vendored ONNX file's sha256 (main/face/models/NOTICE.md).
 * - `face-api-descriptor@1.7.15`: face-api's 128-number dlib-type descriptor, what hires enrolled
 *   before were matched with; kept to re-read old templates and to compare in `bench:face`.
 */
export const FaceModel = z.enum(['faceplugin-fr-feature@87aacdfe', 'face-api-descriptor@1.7.15']);
export type FaceModel = z.infer<typeof FaceModel>;

/** The model the server enrols and matches with today. */
export const serverFaceModel: FaceModel = 'faceplugin-fr-feature@87aacdfe';

/** How each model's vectors are compared: ArcFace-type embeddings by angle, face-api's by length. */
const metricOf: Record<FaceModel, 'cosine' | 'euclidean'> = {
  'faceplugin-fr-feature@87aacdfe': 'cosine',
  'face-api-descriptor@1.7.15': 'euclidean',
};

/** A face template: biometric data, sealed at rest and never sent to a device. */
export const FaceTemplate = z.object({ model: FaceModel, vector: z.array(z.number()).min(1) });
export type FaceTemplate = z.infer<typeof FaceTemplate>;

/**
 * Distance between two templates of one model: 1 − cosine similarity for ArcFace-type embeddings
 * (0 identical, 1 unrelated), Euclidean for face-api's descriptors. Throws across models.
 */
export function templateDistance(a: FaceTemplate, b: FaceTemplate): number {
  if (a.model !== b.model) throw new Error(`face templates from different models (${a.model} vs ${b.model})`);
  if (a.vector.length !== b.vector.length)
    throw new Error(`face templates differ in length (${a.vector.length} vs ${b.vector.length})`);
  if (metricOf[a.model] === 'euclidean')
    return Math.sqrt(a.vector.reduce((sum, value, i) => sum + (value - b.vector[i]!) ** 2, 0));
  let [dot, aa, bb] = [0, 0, 0];
  a.vector.forEach((value, i) => {
    const other = b.vector[i]!;
    dot += value * other;
    aa += value * value;
    bb += other * other;
  });
  if (aa === 0 || bb === 0) throw new Error('a face template of zeros has no direction');
  return 1 - dot / Math.sqrt(aa * bb);
}
