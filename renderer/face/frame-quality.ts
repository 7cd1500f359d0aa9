import type { FaceGeometry } from '../../main/contract/face-geometry';
import { faceQualityRules, type FaceBox } from '../../main/contract/face-quality';
import type { ImageMeasures } from './image-measures';

/** When a camera frame is good enough to match, and what to tell the hire when it is not. */
export const frameQualityRules = {
  /** Face box width as a fraction of the frame width (and never below faceQualityRules.minFaceWidth px). */
  minFaceFraction: 0.18,
  /** How far the face centre may sit from the frame centre, as a fraction of the frame size. */
  maxOffCentre: 0.2,
  minBrightness: 60,
  maxBrightness: 210,
  /** Laplacian variance of the face crop scaled to 96 px wide (see measureImage). */
  minSharpness: 25,
  /** Eye aspect ratio: open eyes measure 0.25–0.35, closed ones under 0.15. */
  minEyeOpening: 0.18,
};
export type FrameQualityRules = typeof frameQualityRules;

export type FrameProblem =
  | 'no-face'
  | 'several-faces'
  | 'too-far'
  | 'off-centre'
  | 'too-dark'
  | 'too-bright'
  | 'blurry'
  | 'eyes-closed';

export interface FrameFace {
  box: FaceBox;
  geometry: FaceGeometry;
  image: ImageMeasures;
}

export interface FrameQuality {
  ok: boolean;
  problem: FrameProblem | null;
  /** One plain sentence for the hire (shown and read out). */
  guidance: string;
}

const guidance: Record<FrameProblem | 'ok', string> = {
  'no-face': 'We cannot see a face. Sit in front of the camera.',
  'several-faces': 'We can see more than one face. Make sure only you are in view.',
  'too-far': 'Move closer to the camera.',
  'off-centre': 'Move so your face is in the middle of the picture.',
  'too-dark': 'Your face is too dark. Turn on a light or face a window.',
  'too-bright': 'Your face is too bright. Move away from direct light behind the camera.',
  blurry: 'The picture is blurred. Hold still, or wipe the camera lens.',
  'eyes-closed': 'Keep your eyes open and look at the camera.',
  ok: 'Good. Hold still.',
};

const verdict = (problem: FrameProblem | null): FrameQuality => ({
  ok: problem === null,
  problem,
  guidance: guidance[problem ?? 'ok'],
});

/** Checks one frame: exactly one face, large enough, centred, lit, sharp, eyes open (in that order). */
export function frameQuality(
  faces: readonly FrameFace[],
  frame: { width: number; height: number },
  rules: FrameQualityRules = frameQualityRules,
): FrameQuality {
  if (faces.length === 0) return verdict('no-face');
  if (faces.length > 1) return verdict('several-faces');
  const { box, geometry, image } = faces[0]!;
  const minWidth = Math.max(faceQualityRules.minFaceWidth, rules.minFaceFraction * frame.width);
  if (box.width < minWidth) return verdict('too-far');
  const dx = (box.x + box.width / 2) / frame.width - 0.5;
  const dy = (box.y + box.height / 2) / frame.height - 0.5;
  if (Math.abs(dx) > rules.maxOffCentre || Math.abs(dy) > rules.maxOffCentre) return verdict('off-centre');
  if (image.brightness < rules.minBrightness) return verdict('too-dark');
  if (image.brightness > rules.maxBrightness) return verdict('too-bright');
  if (image.sharpness < rules.minSharpness) return verdict('blurry');
  if (geometry.eyeOpening < rules.minEyeOpening) return verdict('eyes-closed');
  return verdict(null);
}
