import type { Canvas } from '@napi-rs/canvas';
import {
  judgeDetectedFaces,
  ssdMinConfidence,
  type FaceGatePass,
  type PhotoFace,
} from '../contract/face-reading';
import { serverFaceQualityRules, type FaceJudgement, type FaceQualityRules } from '../contract/face-quality';
import type { NodeFaceApi } from './node-face-api';

/**
 * Input size of the second pass's Tiny Face Detector: on the dev photos SSD found nothing in, 320
 * found the face where 416 and 608 found fewer (`bench:face` lists them).
 */
const tinyInputSize = 320;

type Landmarked = {
  detection: { box: { x: number; y: number; width: number; height: number }; score: number };
  landmarks: { positions: { x: number; y: number }[] };
};

export type GateOutcome = FaceJudgement<PhotoFace<Landmarked>> & { pass: FaceGatePass };

/**
 * Finds the one usable face in a grey-bordered photo, by the server's rules (a smaller face than the
 * app's camera gate allows: the recognizer's crop is smaller than face-api's). SSD misses some faces outright (low
 * contrast, hair over the face); a second detector with another architecture finds many of them.
 * Only a photo where SSD saw no face at all gets the second pass, and it is judged by the same
 * rules: SSD's several-faces, too-small and side-on verdicts stand, so neither profiles nor
 * photos of several people get through.
 */
export async function gateFace(
  { faceapi }: NodeFaceApi,
  canvas: Canvas,
  border: number,
  rules: FaceQualityRules = serverFaceQualityRules,
): Promise<GateOutcome> {
  const input = canvas as unknown as HTMLCanvasElement;
  const first = await faceapi
    .detectAllFaces(input, new faceapi.SsdMobilenetv1Options({ minConfidence: ssdMinConfidence }))
    .withFaceLandmarks();
  const judged = judgeDetectedFaces(first, border, rules);
  if (judged.usable || judged.reason !== 'no-face') return { ...judged, pass: 'ssd' };
  const second = await faceapi
    .detectAllFaces(
      input,
      new faceapi.TinyFaceDetectorOptions({ inputSize: tinyInputSize, scoreThreshold: ssdMinConfidence }),
    )
    .withFaceLandmarks();
  return { ...judgeDetectedFaces(second, border, rules), pass: 'tiny' };
}
