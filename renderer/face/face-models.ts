import * as faceapi from '@vladmandic/face-api/dist/face-api.esm.js';
import { isSoftwareRenderer } from './gpu-renderer';

/** The part of tfjs (bundled inside face-api's browser build) this module drives. */
interface BundledTf {
  setWasmPaths(prefix: string): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}

export type FaceApi = typeof faceapi;

export interface FaceModelsOptions {
  /** Folder URL holding face-api's model files (the app's own files: nothing is fetched from the network). */
  modelUrl: string;
  /** Folder URL holding tfjs-backend-wasm's .wasm files. */
  wasmUrl: string;
  /** `auto` takes WebGL only when the GPU is real; WASM otherwise. */
  backend?: 'auto' | 'wasm' | 'webgl';
}

export interface FaceModels {
  faceapi: FaceApi;
  /** The tfjs backend actually running, read back after start-up (tfjs falls back silently). */
  backend: string;
  /** The WebGL renderer, or why there is none; says why WebGL was or was not used. */
  webglRenderer: string;
}

/** What WebGL would run on here: the unmasked renderer string, or why there is no WebGL. */
export function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no WebGL';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

export async function loadFaceModels(options: FaceModelsOptions): Promise<FaceModels> {
  const tf = faceapi.tf as unknown as BundledTf;
  const renderer = webglRenderer();
  const wanted =
    options.backend === 'wasm' || options.backend === 'webgl'
      ? options.backend
      : renderer !== 'no WebGL' && !isSoftwareRenderer(renderer)
        ? 'webgl'
        : 'wasm';
  tf.setWasmPaths(options.wasmUrl.endsWith('/') ? options.wasmUrl : `${options.wasmUrl}/`);
  if (!(await tf.setBackend(wanted))) throw new Error(`tfjs could not start its '${wanted}' backend`);
  await tf.ready();
  const modelUrl = options.modelUrl.replace(/\/$/, '');
  await Promise.all([
    faceapi.nets.tinyFaceDetector.loadFromUri(modelUrl),
    faceapi.nets.faceLandmark68Net.loadFromUri(modelUrl),
    faceapi.nets.ssdMobilenetv1.loadFromUri(modelUrl),
    faceapi.nets.faceRecognitionNet.loadFromUri(modelUrl),
  ]);
  return { faceapi, backend: tf.getBackend(), webglRenderer: renderer };
}
