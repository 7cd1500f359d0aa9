import { Canvas, createCanvas, Image, ImageData } from '@napi-rs/canvas';
import type * as Tfjs from '@tensorflow/tfjs';
import type * as TfjsWasm from '@tensorflow/tfjs-backend-wasm';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { judgeFaces } from '../contract/face-quality';
import type { FaceReading } from '../contract/face-reading';
import { paddedImage } from './padded-image';

export type FaceEngine = {
  /** The tfjs backend actually running, read back after start-up (always `wasm`). */
  backend: string;
  read(bytes: Uint8Array): Promise<FaceReading>;
};

const minConfidence = 0.5;

/**
 * face-api (the maintained @vladmandic fork) on tfjs's WASM backend, models from the package's own
 * files: nothing is fetched at run time. One engine per thread: tfjs keeps global state.
 */
export async function startFaceEngine(): Promise<FaceEngine> {
  // CommonJS builds, required so face-api and this file share one tfjs instance.
  const require = createRequire(import.meta.url);
  const tf = require('@tensorflow/tfjs') as typeof Tfjs;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as typeof TfjsWasm;
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof FaceApi;
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

  wasm.setWasmPaths(join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  // tfjs falls back to another backend silently; the CPU one is ~30× slower.
  const backend = tf.getBackend();
  if (backend !== 'wasm') throw new Error(`tfjs is running on the '${backend}' backend, not 'wasm'`);

  faceapi.env.monkeyPatch({
    Canvas: Canvas as unknown as typeof HTMLCanvasElement,
    Image: Image as unknown as typeof HTMLImageElement,
    ImageData,
    createCanvasElement: () => createCanvas(1, 1) as unknown as HTMLCanvasElement,
    createImageElement: () => new Image() as unknown as HTMLImageElement,
  });
  const models = join(packageDir('@vladmandic/face-api'), 'model');
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromDisk(models),
    faceapi.nets.faceLandmark68Net.loadFromDisk(models),
    faceapi.nets.faceRecognitionNet.loadFromDisk(models),
  ]);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence });

  return {
    backend,
    async read(bytes) {
      const { canvas, border } = await paddedImage(bytes);
      const found = await faceapi
        .detectAllFaces(canvas as unknown as HTMLCanvasElement, options)
        .withFaceLandmarks()
        .withFaceDescriptors();
      const faces = found.map((f) => ({
        box: {
          x: f.detection.box.x - border,
          y: f.detection.box.y - border,
          width: f.detection.box.width,
          height: f.detection.box.height,
        },
        landmarks: f.landmarks.positions.map((p) => ({ x: p.x - border, y: p.y - border })),
        score: f.detection.score,
        descriptor: f.descriptor,
      }));
      const judged = judgeFaces(faces);
      if (!judged.usable) return { usable: false, reason: judged.reason, detail: judged.detail };
      const { face, yaw } = judged;
      return { usable: true, descriptor: Array.from(face.descriptor), box: face.box, score: face.score, yaw };
    },
  };
}
