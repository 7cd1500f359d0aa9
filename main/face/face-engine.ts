import { faceReadingOf, ssdMinConfidence, type FaceReading } from '../contract/face-reading';
import { frameLandmarksOf, type FrameLandmarks } from './frame-landmarks';
import { loadNodeFaceApi } from './node-face-api';
import { paddedImage } from './padded-image';

export type FaceEngine = {
  /** The tfjs backend actually running, read back after start-up (always `wasm`). */
  backend: string;
  read(bytes: Uint8Array): Promise<FaceReading>;
  /** A liveness frame's faces and landmarks, with the same detector and border as `read`. */
  landmarks(bytes: Uint8Array): Promise<FrameLandmarks>;
};

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
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: ssdMinConfidence });

  return {
    backend,
    async read(bytes) {
      const { canvas, border } = await paddedImage(bytes);
      const found = await faceapi
        .detectAllFaces(canvas as unknown as HTMLCanvasElement, options)
        .withFaceLandmarks()
        .withFaceDescriptors();
      return faceReadingOf(found, border);
    },
    async landmarks(bytes) {
      const { canvas, border } = await paddedImage(bytes);
      const found = await faceapi
        .detectAllFaces(canvas as unknown as HTMLCanvasElement, options)
        .withFaceLandmarks()
        .withFaceDescriptors();
      return frameLandmarksOf(found, border);
    },
  };
}
