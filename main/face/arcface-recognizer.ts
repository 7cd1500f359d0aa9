import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type * as Tfjs from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Point } from '../contract/face-pose';
import { templateDistance, type FaceModel } from '../contract/face-template';
import { packageRoot } from '../package-root';
import { alignedFaceSize, alignmentOf, recognizerInput } from './face-alignment';
import { readOnnxModel } from './onnx-model';
import { tfjsGraphOf } from './onnx-tfjs-graph';
import type { Recognizer } from './recognizer';

/** The vendored model file (licence facts in main/face/models/NOTICE.md) and the sha256 its version names. */
export const arcfaceModelFile = join(
  packageRoot(import.meta.url),
  'main',
  'face',
  'models',
  'fr_feature.onnx',
);
const model: FaceModel = 'faceplugin-fr-feature@87aacdfe';
const sha256 = '87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581';

/** The face cut out onto the 112×112 ArcFace template by its five points, as RGBA. */
export function alignedFace(image: Canvas, landmarks: readonly Point[]): Uint8ClampedArray {
  const t = alignmentOf(landmarks);
  const crop = createCanvas(alignedFaceSize, alignedFaceSize);
  const context = crop.getContext('2d');
  context.fillStyle = 'black';
  context.fillRect(0, 0, alignedFaceSize, alignedFaceSize);
  // Skia's high-quality filter averages when a large face shrinks, where a plain warp would alias.
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.setTransform(t.a, t.b, -t.b, t.a, t.tx, t.ty);
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, alignedFaceSize, alignedFaceSize).data;
}

/**
 * `fr_feature.onnx` from faceplugin-face-recognition-js 0.0.1 (MobileFaceNet-type, 512 numbers),
 * its graph rebuilt from tfjs ops so it runs on the WASM backend face-api already uses. The file
 * is checked against its digest: a template's version must name the weights that made it.
 */
export async function startArcfaceRecognizer(tf: typeof Tfjs): Promise<Recognizer> {
  const bytes = await readFile(arcfaceModelFile);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== sha256)
    throw new Error(`${arcfaceModelFile} is not the model ${model} names (sha256 ${digest})`);
  const graph = tfjsGraphOf(tf, readOnnxModel(bytes));
  return {
    model,
    async embed(image, landmarks) {
      const input = tf.tensor4d(recognizerInput(alignedFace(image, landmarks)), [
        1,
        alignedFaceSize,
        alignedFaceSize,
        3,
      ]);
      try {
        const output = graph.run(input);
        const vector = Array.from(await output.data());
        output.dispose();
        return { model, vector };
      } finally {
        input.dispose();
      }
    },
    distance: templateDistance,
    dispose: () => graph.dispose(),
  };
}
