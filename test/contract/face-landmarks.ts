import type { Point } from '../../main/contract/face-pose';

/**
 * A frontal face's 68 landmarks (iBUG layout) on a simple model: jaw on an ellipse, eyes level,
 * nose on the midline. `turn` moves the nose tip sideways as a head turn does (fraction of the
 * half face width); `roll` tilts the whole face in the image plane (degrees).
 */
export function syntheticLandmarks({ turn = 0, roll = 0, at = { x: 300, y: 200 } } = {}): Point[] {
  const points: Point[] = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
  for (let i = 0; i <= 16; i++) {
    const angle = Math.PI * (i / 16);
    points[i] = { x: -100 * Math.cos(angle), y: 130 * Math.sin(angle) };
  }
  for (let i = 17; i < 68; i++) points[i] = { x: 0, y: 40 };
  const eye = (first: number, cx: number) => {
    for (let k = 0; k < 6; k++) {
      const angle = (2 * Math.PI * k) / 6;
      points[first + k] = { x: cx + 15 * Math.cos(angle), y: -5 * Math.sin(angle) };
    }
  };
  eye(36, -45);
  eye(42, 45);
  points[30] = { x: 100 * turn, y: 50 };
  const r = (roll * Math.PI) / 180;
  return points.map((p) => ({
    x: at.x + p.x * Math.cos(r) - p.y * Math.sin(r),
    y: at.y + p.x * Math.sin(r) + p.y * Math.cos(r),
  }));
}
