import type { NodeFaceApi } from './node-face-api';
import { templateDistance, type FaceModel } from '../contract/face-template';
import type { Recognizer } from './recognizer';

const model: FaceModel = 'face-api-descriptor@1.7.15';

/**
 * face-api's own 128-number descriptor behind the Recognizer interface: the crop its
 * `withFaceDescriptors()` takes (the landmarks' dlib-style aligned box), so a template equals the
 * one face-api's chain gives. What hires were enrolled with before; `bench:face` compares with it.
 */
export async function startFaceApiRecognizer({ faceapi, models }: NodeFaceApi): Promise<Recognizer> {
  await faceapi.nets.faceRecognitionNet.loadFromDisk(models);
  return {
    model,
    async embed(image, landmarks) {
      const size = { width: image.width, height: image.height };
      const relative = landmarks.map((p) => new faceapi.Point(p.x / size.width, p.y / size.height));
      const aligned = new faceapi.FaceLandmarks68(relative, size).align(null, { useDlibAlignment: true });
      const input = image as unknown as HTMLCanvasElement;
      const [face] = await faceapi.extractFaces(input, [aligned]);
      if (!face) throw new Error('face-api cut out no face from its aligned box');
      const descriptor = await faceapi.computeFaceDescriptor(face);
      return { model, vector: Array.from(descriptor as Float32Array) };
    },
    distance: templateDistance,
    dispose: () => faceapi.nets.faceRecognitionNet.dispose(),
  };
}
