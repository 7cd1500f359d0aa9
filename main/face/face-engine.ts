import type * as Tfjs from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { ssdMinConfidence, type FaceReading } from '../contract/face-reading';
import type { FaceModel } from '../contract/face-template';
import { startArcfaceRecognizer } from './arcface-recognizer';
import { startFaceApiRecognizer } from './face-api-recognizer';
import { gateFace } from './face-gate';
import { loadNodeFaceApi, type NodeFaceApi } from './node-face-api';
import { frameLandmarksOf, type FrameLandmarks } from './frame-landmarks';
import { paddedImage } from './padded-image';
import type { Recognizer } from './recognizer';

export type FaceEngine = {
  /** The tfjs backend actually running, read back after start-up (always `wasm`). */
  backend: string;
  /** One reading per model asked for, all from one detection of the photo's face. */
  read(bytes: Uint8Array, models: readonly FaceModel[]): Promise<FaceReading[]>;
  /** A liveness frame's faces and landmarks, with the same detector and border as `read`. */
  landmarks(bytes: Uint8Array): Promise<FrameLandmarks>;
};

/** Each model's recognizer, started on first use: the server's workers never load face-api's descriptor net. */
function recognizers(api: NodeFaceApi): (model: FaceModel) => Promise<Recognizer> {
  const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as typeof Tfjs;
  const starts: Record<FaceModel, () => Promise<Recognizer>> = {
    'faceplugin-fr-feature@87aacdfe': () => startArcfaceRecognizer(tf),
    'face-api-descriptor@1.7.15': () => startFaceApiRecognizer(api),
  };
  const started = new Map<FaceModel, Promise<Recognizer>>();
  return (model) => {
    let recognizer = started.get(model);
    if (!recognizer) started.set(model, (recognizer = starts[model]()));
    return recognizer;
  };
}

/**
 * face-api (the maintained @vladmandic fork) on tfjs's WASM backend finds the face and its 68
 * landmarks; the recognizer of each model asked for makes its template. Models come from the
 * package's own files and the vendored recognizer: nothing is fetched at run time. One engine per
 * thread: tfjs keeps global state.
 */
export async function startFaceEngine(preload: readonly FaceModel[]): Promise<FaceEngine> {
  const api = await loadNodeFaceApi();
  const { faceapi, backend, models } = api;
  await Promise.all([
    faceapi.nets.ssdMobilenetv1.loadFromDisk(models),
    faceapi.nets.tinyFaceDetector.loadFromDisk(models),
    faceapi.nets.faceLandmark68Net.loadFromDisk(models),
  ]);
  const recognizerOf = recognizers(api);
  await Promise.all(preload.map(recognizerOf));
  const frameDetector = new faceapi.SsdMobilenetv1Options({ minConfidence: ssdMinConfidence });

  return {
    backend,
    async read(bytes, wanted) {
      const { canvas, border } = await paddedImage(bytes);
      const gate = await gateFace(api, canvas, border);
      if (!gate.usable)
        return wanted.map(() => ({ usable: false, reason: gate.reason, detail: gate.detail }));
      const { face, yaw, pass } = gate;
      const readings: FaceReading[] = [];
      // One after another: each recognizer runs on the same single tfjs backend anyway.
      for (const model of wanted) {
        const recognizer = await recognizerOf(model);
        const template = await recognizer.embed(canvas, face.found.landmarks.positions);
        readings.push({ usable: true, template, box: face.box, score: face.score, yaw, pass });
      }
      return readings;
    },
    async landmarks(bytes) {
      const { canvas, border } = await paddedImage(bytes);
      // face-api's own descriptor follows one face from frame to frame (not a match: see recognizer).
      await recognizerOf('face-api-descriptor@1.7.15');
      const found = await faceapi
        .detectAllFaces(canvas as unknown as HTMLCanvasElement, frameDetector)
        .withFaceLandmarks()
        .withFaceDescriptors();
      return frameLandmarksOf(found, border);
    },
  };
}
