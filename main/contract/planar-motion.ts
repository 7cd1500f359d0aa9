import type { Point } from './face-pose';

/**
 * Landmarks that lie near one plane across the face: brows, eye corners and mouth corners. The nose
 * ridge and tip stand out of that plane by about half the distance between the eyes.
 */
const faceFront = [17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 36, 39, 42, 45, 48, 54];
const noseTip = [29, 30];
/** Moves a point set to its centroid and scales it to a mean distance of √2 (Hartley normalisation). */
function normalise(points: readonly Point[]): { points: Point[]; scale: number; normalise(p: Point): Point } {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const spread = points.reduce((s, p) => s + Math.hypot(p.x - cx, p.y - cy), 0) / points.length;
  const scale = spread === 0 ? 1 : Math.SQRT2 / spread;
  const apply = (p: Point) => ({ x: (p.x - cx) * scale, y: (p.y - cy) * scale });
  return { points: points.map(apply), scale, normalise: apply };
}

/** Solves the square system a·x = b by Gaussian elimination with partial pivoting; null if singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const rowCol = m[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r]!;
      const factor = row[col]! / rowCol[col]!;
      for (let c = col; c <= n; c++) row[c]! -= factor * rowCol[c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * How far a face's motion between two frames is from anything a flat picture can do. Fits the one
 * plane-to-plane mapping (homography: shift, rotation, scale, shear and perspective, which covers a
 * photo or screen moved, turned or tilted in front of the camera) that carries the first frame's
 * face-front landmarks onto the second's, and returns how far the nose tip lands from where that
 * mapping puts it, in eye distances. A real head turn or nod swings the nose across the face; a
 * flat picture's nose stays where the mapping says, give or take landmark jitter.
 */
export function nonPlanarMotion(from: readonly Point[], to: readonly Point[]): number {
  if (from.length !== 68 || to.length !== 68) {
    throw new Error(
      `nonPlanarMotion needs two sets of 68 face landmarks, got ${from.length} and ${to.length}`,
    );
  }
  const source = normalise(faceFront.map((i) => from[i]!));
  const target = normalise(faceFront.map((i) => to[i]!));
  const h = fitHomography(source.points, target.points);
  // Landmarks collapsed onto a line or a point: no face geometry to compare.
  if (!h) return 0;
  const eye = (points: readonly Point[], first: number) => ({
    x: points.slice(first, first + 6).reduce((sum, p) => sum + p.x, 0) / 6,
    y: points.slice(first, first + 6).reduce((sum, p) => sum + p.y, 0) / 6,
  });
  const [left, right] = [eye(to, 36), eye(to, 42)];
  const eyeDistance = Math.hypot(right.x - left.x, right.y - left.y) * target.scale;
  if (eyeDistance === 0) return 0;
  const offPlane = noseTip.map((i) => {
    const p = source.normalise(from[i]!);
    const q = target.normalise(to[i]!);
    const mapped = h(p);
    return Math.hypot(mapped.x - q.x, mapped.y - q.y);
  });
  return offPlane.reduce((sum, d) => sum + d, 0) / offPlane.length / eyeDistance;
}

/** Least-squares homography (h33 = 1) through the normal equations of the standard DLT rows. */
function fitHomography(source: readonly Point[], target: readonly Point[]): ((p: Point) => Point) | null {
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const addRow = (row: number[], value: number) => {
    for (let i = 0; i < 8; i++) {
      atb[i]! += row[i]! * value;
      for (let j = 0; j < 8; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  };
  source.forEach(({ x, y }, k) => {
    const { x: u, y: v } = target[k]!;
    addRow([x, y, 1, 0, 0, 0, -x * u, -y * u], u);
    addRow([0, 0, 0, x, y, 1, -x * v, -y * v], v);
  });
  const h = solve(ata, atb);
  if (!h) return null;
  const [a, b, c, d, e, f, g, i] = h as [number, number, number, number, number, number, number, number];
  return ({ x, y }) => {
    const w = g * x + i * y + 1;
    return { x: (a * x + b * y + c) / w, y: (d * x + e * y + f) / w };
  };
}
