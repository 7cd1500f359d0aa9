import { Canvas, createCanvas, Image, ImageData } from '@napi-rs/canvas';
import type * as Tfjs from '@tensorflow/tfjs';
import type * as TfjsWasm from '@tensorflow/tfjs-backend-wasm';
import type * as FaceApi from '@vladmandic/face-api/dist/face-api.node-wasm.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type NodeFaceApi = {
  faceapi: typeof FaceApi;
  /** The tfjs backend actually running, read back after start-up (always `wasm`). */
  backend: string;
  /** The package's own model folder: nothing is fetched at run time. */
  models: string;
};

/**
 * face-api (the maintained @vladmandic fork) on tfjs's WASM backend in Node, drawing on
 * @napi-rs/canvas. One per thread: tfjs keeps global state.
 */
export async function loadNodeFaceApi(): Promise<NodeFaceApi> {
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
  return { faceapi, backend, models: join(packageDir('@vladmandic/face-api'), 'model') };
}
