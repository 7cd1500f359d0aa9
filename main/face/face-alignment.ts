import type { Point } from '../contract/face-pose';

/**
 * Where ArcFace-type recognizers expect the eyes, the nose tip and the mouth corners in their
 * 112×112 input (insightface's `arcface_dst`, the template these models were trained on), in pixel
 * coordinates whose pixel centres are whole numbers (OpenCV's convention).
 */
export const arcfaceTemplate: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];
export const alignedFaceSize = 112;

/** x' = a·x − b·y + tx, y' = b·x + a·y + ty: rotation, uniform scale and shift, no shear or mirror. */
export type Similarity = { a: number; b: number; tx: number; ty: number };

const mean = (points: readonly Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/**
 * The five points from face-api's 68 (iBUG 300-W numbering): the centre of each eye's six points,
 * the nose tip (30) and the mouth corners (48, 54), in the template's order (image-left eye first).
 */
export function fivePointsOf(landmarks: readonly Point[]): Point[] {
  if (landmarks.length !== 68) throw new Error(`expected 68 face landmarks, got ${landmarks.length}`);
  const at = (i: number) => landmarks[i]!;
  return [mean(landmarks.slice(36, 42)), mean(landmarks.slice(42, 48)), at(30), at(48), at(54)];
}

/** The least-squares similarity taking `from` onto `to` (Umeyama's closed form in 2D). */
export function similarityTransform(from: readonly Point[], to: readonly Point[]): Similarity {
  if (from.length !== to.length || from.length < 2)
    throw new Error('a similarity needs two or more point pairs');
  const [cf, ct] = [mean(from), mean(to)];
  let dot = 0;
  let cross = 0;
  let norm = 0;
  from.forEach((p, i) => {
    const [x, y] = [p.x - cf.x, p.y - cf.y];
    const [u, v] = [to[i]!.x - ct.x, to[i]!.y - ct.y];
    dot += x * u + y * v;
    cross += x * v - y * u;
    norm += x * x + y * y;
  });
  if (norm === 0) throw new Error('the face points coincide');
  const [a, b] = [dot / norm, cross / norm];
  return { a, b, tx: ct.x - (a * cf.x - b * cf.y), ty: ct.y - (b * cf.x + a * cf.y) };
}

export function applySimilarity(t: Similarity, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

/**
 * The transform from a photo (face-api's landmarks, continuous coordinates: a pixel's centre at
 * +0.5) onto the template, in the same continuous coordinates a canvas draws with.
 */
export function alignmentOf(landmarks: readonly Point[]): Similarity {
  const template = arcfaceTemplate.map((p) => ({ x: p.x + 0.5, y: p.y + 0.5 }));
  return similarityTransform(fivePointsOf(landmarks), template);
}

/** The network's input from a 112×112 RGBA crop: RGB, channels last, `(v − 127) / 128`. */
export function recognizerInput(rgba: Uint8ClampedArray | Uint8Array): Float32Array {
  const pixels = alignedFaceSize * alignedFaceSize;
  if (rgba.length !== pixels * 4)
    throw new Error(`expected a ${alignedFaceSize}×${alignedFaceSize} RGBA crop`);
  const input = new Float32Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    for (let c = 0; c < 3; c++) input[i * 3 + c] = (rgba[i * 4 + c]! - 127) / 128;
  }
  return input;
}
