/** Head pose from the 68 face landmarks (iBUG layout), shared by the live camera and the server. */

export type Point = { x: number; y: number };

const centroid = (points: readonly Point[]): Point => ({
  x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
  y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
});

/**
 * How far the head is turned sideways: where the nose tip sits between the two jaw edges, measured
 * along the eye line so that tilting the head (roll) does not change it. 0 is frontal, ±1 a full
 * profile; positive when the nose sits nearer the jaw edge on the image's right.
 */
export function faceYaw(landmarks: readonly Point[]): number {
  if (landmarks.length !== 68)
    throw new Error(`faceYaw needs the 68 face landmarks, got ${landmarks.length}`);
  const leftEye = centroid(landmarks.slice(36, 42));
  const rightEye = centroid(landmarks.slice(42, 48));
  const eyeLine = Math.hypot(rightEye.x - leftEye.x, rightEye.y - leftEye.y);
  if (eyeLine === 0) return 1;
  const along = (p: Point) =>
    ((p.x - leftEye.x) * (rightEye.x - leftEye.x) + (p.y - leftEye.y) * (rightEye.y - leftEye.y)) / eyeLine;
  const nose = along(landmarks[30]!);
  const toLeftJaw = nose - along(landmarks[0]!);
  const toRightJaw = along(landmarks[16]!) - nose;
  const width = toLeftJaw + toRightJaw;
  // A jaw folded behind the nose (width ≤ 0) only happens in a profile view.
  if (width <= 0) return toLeftJaw >= toRightJaw ? 1 : -1;
  return Math.max(-1, Math.min(1, (toLeftJaw - toRightJaw) / width));
}
