import { judgeFaces } from '../contract/face-quality';
import type { FaceReading } from '../contract/face-reading';
import { loadNodeFaceApi } from './node-face-api';
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
  const { faceapi, backend, models } = await loadNodeFaceApi();
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
