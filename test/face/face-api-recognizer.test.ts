import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ssdMinConfidence } from '../../main/contract/face-reading';
import { startFaceApiRecognizer } from '../../main/face/face-api-recognizer';
import { loadNodeFaceApi, type NodeFaceApi } from '../../main/face/node-face-api';
import { paddedImage } from '../../main/face/padded-image';
import type { Recognizer } from '../../main/face/recognizer';
import { committedFaces } from './face-fixtures';

let api: NodeFaceApi;
let recognizer: Recognizer;
beforeAll(async () => {
  api = await loadNodeFaceApi();
  await Promise.all([
    api.faceapi.nets.ssdMobilenetv1.loadFromDisk(api.models),
    api.faceapi.nets.faceLandmark68Net.loadFromDisk(api.models),
  ]);
  recognizer = await startFaceApiRecognizer(api);
}, 60_000);

describe("face-api's descriptor behind the Recognizer interface", () => {
  it.each(['obama/1.jpg', 'biden/1.jpg'])(
    "gives exactly face-api's own withFaceDescriptors() on %s, from the landmarks alone",
    async (file) => {
      const { canvas } = await paddedImage(await readFile(committedFaces + file));
      const [found] = await api.faceapi
        .detectAllFaces(
          canvas as unknown as HTMLCanvasElement,
          new api.faceapi.SsdMobilenetv1Options({ minConfidence: ssdMinConfidence }),
        )
        .withFaceLandmarks()
        .withFaceDescriptors();
      if (!found) throw new Error(`${file} has a face`);
      const template = await recognizer.embed(canvas, found.landmarks.positions);
      expect(template.model).toBe('face-api-descriptor@1.7.15');
      expect(template.vector).toEqual(Array.from(found.descriptor));
    },
  );
});
