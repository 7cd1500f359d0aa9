import type { Point } from '../../main/contract/face-pose';
import { detectionBorderFraction, faceQualityRules, type FaceBox } from '../../main/contract/face-quality';
import { faceReadingOf, ssdMinConfidence, type FaceReading } from '../../main/contract/face-reading';
import type { FaceModels } from './face-models';
import { measureImage, type ImageMeasures } from './image-measures';

export interface LiveFace {
  box: FaceBox;
  landmarks: Point[];
  score: number;
}

/** Input size of the tiny detector in the liveness loop: 224 keeps it near 10 frames/s on WASM. */
const tinyInputSize = 224;

/**
 * The liveness loop's read of one video frame: tiny detector + 68 landmarks. Faces much smaller than
 * the largest (people far behind) are left out, as judgeFaces does for a photo.
 */
export async function readLiveFaces(
  { faceapi }: FaceModels,
  picture: HTMLVideoElement | HTMLCanvasElement,
): Promise<LiveFace[]> {
  const found = await faceapi
    .detectAllFaces(
      picture,
      new faceapi.TinyFaceDetectorOptions({ inputSize: tinyInputSize, scoreThreshold: 0.5 }),
    )
    .withFaceLandmarks();
  const faces = found.map((f) => ({
    box: {
      x: f.detection.box.x,
      y: f.detection.box.y,
      width: f.detection.box.width,
      height: f.detection.box.height,
    },
    landmarks: f.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
    score: f.detection.score,
  }));
  const widest = Math.max(0, ...faces.map((f) => f.box.width));
  return faces.filter((f) => f.box.width >= widest * faceQualityRules.companionRatio);
}

/** Light and sharpness of the face region, scaled to 96 px wide so sharpness compares across distances. */
export function measureFace(source: CanvasImageSource, box: FaceBox): ImageMeasures {
  const width = 96;
  const height = Math.max(3, Math.round((box.height / box.width) * width));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, box.x, box.y, box.width, box.height, 0, 0, width, height);
  return measureImage(context.getImageData(0, 0, width, height).data, width, height);
}

/**
 * SSD + 68 landmarks + descriptor on a photo or a captured frame, inside the same grey border the
 * server's Node pipeline adds, then the same face judgement (one face, large enough, not side-on).
 */
export async function describeFace(
  { faceapi }: FaceModels,
  image: HTMLCanvasElement | HTMLImageElement,
): Promise<FaceReading> {
  const width = image instanceof HTMLImageElement ? image.naturalWidth : image.width;
  const height = image instanceof HTMLImageElement ? image.naturalHeight : image.height;
  if (width === 0 || height === 0) throw new Error('the image has no pixels');
  const border = Math.round(Math.max(width, height) * detectionBorderFraction);
  const padded = document.createElement('canvas');
  padded.width = width + 2 * border;
  padded.height = height + 2 * border;
  const context = padded.getContext('2d')!;
  context.fillStyle = 'rgb(128, 128, 128)';
  context.fillRect(0, 0, padded.width, padded.height);
  context.drawImage(image, border, border);
  const found = await faceapi
    .detectAllFaces(padded, new faceapi.SsdMobilenetv1Options({ minConfidence: ssdMinConfidence }))
    .withFaceLandmarks()
    .withFaceDescriptors();
  return faceReadingOf(found, border);
}
