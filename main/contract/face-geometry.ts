import { faceYaw, type Point } from './face-pose';

/**
 * What one frame's 68 landmarks (iBUG layout) say about the head, for the liveness challenges.
 * Every measure is taken in the face's own frame (along and across the eye line) and is a ratio of
 * lengths, so tilting the head in the image plane, moving it or changing its distance leaves it alone.
 */
export interface FaceGeometry {
  /** Sideways turn, see faceYaw: 0 frontal, positive when the nose is nearer the image's right jaw edge. */
  yaw: number;
  /** Where the nose tip sits between the eye line (0) and the chin (1), across the eye line. Looking up lowers it. */
  pitch: number;
  /** Eye aspect ratio (lid opening over eye width), both eyes averaged; near 0 when the eyes close. */
  eyeOpening: number;
  /** Mouth corner to corner over the distance between the eyes; a smile widens it. */
  mouthWidth: number;
  /** Eye line to nose base over the distance between the eyes: changes only if the picture is squeezed. */
  aspect: number;
  /** Distance between the eye centres, in pixels: the face's scale. */
  eyeDistance: number;
  /** Midpoint between the eyes, in pixels. */
  centre: Point;
}

const centroid = (points: readonly Point[]): Point => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Eye aspect ratio (Soukupová & Čech 2016) of one eye's six landmarks. */
function eyeAspectRatio(eye: readonly Point[]): number {
  const [p1, p2, p3, p4, p5, p6] = eye as [Point, Point, Point, Point, Point, Point];
  const width = distance(p1, p4);
  return width === 0 ? 0 : (distance(p2, p6) + distance(p3, p5)) / (2 * width);
}

export function faceGeometry(landmarks: readonly Point[]): FaceGeometry {
  if (landmarks.length !== 68) {
    throw new Error(`faceGeometry needs the 68 face landmarks, got ${landmarks.length}`);
  }
  const at = (i: number) => landmarks[i]!;
  const leftEye = centroid(landmarks.slice(36, 42));
  const rightEye = centroid(landmarks.slice(42, 48));
  const eyeDistance = distance(leftEye, rightEye);
  const centre = { x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 };
  if (eyeDistance === 0) {
    return { yaw: 0, pitch: 0, eyeOpening: 0, mouthWidth: 0, aspect: 0, eyeDistance, centre };
  }
  const along = { x: (rightEye.x - leftEye.x) / eyeDistance, y: (rightEye.y - leftEye.y) / eyeDistance };
  // Across the eye line, towards the chin (image y grows downwards).
  const across = (p: Point) => (p.x - centre.x) * -along.y + (p.y - centre.y) * along.x;
  const chin = across(at(8));
  return {
    yaw: faceYaw(landmarks),
    pitch: chin > 0 ? across(at(30)) / chin : 0,
    eyeOpening: (eyeAspectRatio(landmarks.slice(36, 42)) + eyeAspectRatio(landmarks.slice(42, 48))) / 2,
    mouthWidth: distance(at(48), at(54)) / eyeDistance,
    aspect: across(at(33)) / eyeDistance,
    eyeDistance,
    centre,
  };
}
