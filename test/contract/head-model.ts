import { readFileSync } from 'node:fs';
import type { Point } from '../../main/contract/face-pose';

type Person = { t: number; faces: number; landmarks: [number, number][] | null }[];
type Trace = { source: string; fps: number; people: Person[] };

/** Real landmark traces recorded from the CC-BY clip (see test/fixtures/liveness/SOURCES.md). */
export const videoTrace = JSON.parse(
  readFileSync(new URL('../fixtures/liveness/video_01-landmarks.json', import.meta.url), 'utf8'),
) as Trace;

export const points = (landmarks: readonly [number, number][]): Point[] =>
  landmarks.map(([x, y]) => ({ x, y }));

/** A frontal face as the model saw it: the clip's person 0 in its last frame (faceYaw 0.02). */
export const frontalFace: Point[] = points(videoTrace.people[0]!.at(-1)!.landmarks!);

/**
 * Approximate depth of each of the 68 landmarks towards the camera, in eye distances from the eye
 * plane, after a generic adult head (nose tip ~0.4 in front of the eyes, jaw angles ~0.6 behind).
 */
const depth: number[] = [
  ...Array.from({ length: 17 }, (_, i) => -0.6 + 0.75 * Math.sin((Math.PI * i) / 16)),
  ...Array.from({ length: 10 }, () => 0.05),
  0.1,
  0.2,
  0.3,
  0.41,
  0.15,
  0.22,
  0.27,
  0.22,
  0.15,
  -0.08,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  -0.08,
  0,
  0,
  0.03,
  0.08,
  0.12,
  0.15,
  0.12,
  0.08,
  0.03,
  0.08,
  0.12,
  0.15,
  0.12,
  0.08,
  0.08,
  0.12,
  0.14,
  0.12,
  0.08,
  0.12,
  0.14,
  0.12,
];

const eyeFrame = (face: readonly Point[]) => {
  const mean = (from: number) => ({
    x: face.slice(from, from + 6).reduce((s, p) => s + p.x, 0) / 6,
    y: face.slice(from, from + 6).reduce((s, p) => s + p.y, 0) / 6,
  });
  const [l, r] = [mean(36), mean(42)];
  return { centre: { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 }, unit: Math.hypot(r.x - l.x, r.y - l.y) };
};

/**
 * The face's landmarks after the head turns in 3D: `yaw` degrees towards the hire's left (nose to
 * the image's right), `pitch` degrees looking up; orthographic camera.
 */
export function turnHead(
  face: readonly Point[],
  { yaw = 0, pitch = 0 }: { yaw?: number; pitch?: number },
): Point[] {
  const { centre, unit } = eyeFrame(face);
  const [a, b] = [(yaw * Math.PI) / 180, (pitch * Math.PI) / 180];
  return face.map((p, i) => {
    const [x, y, z] = [(p.x - centre.x) / unit, (p.y - centre.y) / unit, depth[i]!];
    const x1 = x * Math.cos(a) + z * Math.sin(a);
    const z1 = -x * Math.sin(a) + z * Math.cos(a);
    const y1 = y * Math.cos(b) - z1 * Math.sin(b);
    return { x: centre.x + x1 * unit, y: centre.y + y1 * unit };
  });
}

/**
 * The face as a flat photo: turned `tilt` degrees about its vertical axis at `distance` eye
 * distances from a pinhole camera (perspective), rotated `roll` degrees and shifted in the image.
 */
export function movePhoto(
  face: readonly Point[],
  { tilt = 0, distance = 5, roll = 0, shift = { x: 0, y: 0 }, squeeze = 1 } = {},
): Point[] {
  const { centre, unit } = eyeFrame(face);
  const a = (tilt * Math.PI) / 180;
  const r = (roll * Math.PI) / 180;
  return face.map((p) => {
    const [x, y] = [(p.x - centre.x) / unit, ((p.y - centre.y) / unit) * squeeze];
    const [x1, z1] = [x * Math.cos(a), -x * Math.sin(a)];
    const f = distance / (distance + z1);
    const [u, v] = [x1 * f, y * f];
    return {
      x: centre.x + shift.x + (u * Math.cos(r) - v * Math.sin(r)) * unit,
      y: centre.y + shift.y + (u * Math.sin(r) + v * Math.cos(r)) * unit,
    };
  });
}

/** Closes the eyelids by `closed` (0 open … 1 shut), moving the lid landmarks to the eye corners' line. */
export function closeEyes(face: readonly Point[], closed: number): Point[] {
  const out = face.map((p) => ({ ...p }));
  for (const [corner1, corner2, lids] of [
    [36, 39, [37, 38, 40, 41]],
    [42, 45, [43, 44, 46, 47]],
  ] as const) {
    const mid = {
      x: (face[corner1]!.x + face[corner2]!.x) / 2,
      y: (face[corner1]!.y + face[corner2]!.y) / 2,
    };
    for (const i of lids) out[i] = { x: face[i]!.x, y: face[i]!.y + (mid.y - face[i]!.y) * closed };
  }
  return out;
}

/** Widens the mouth by `factor` about its centre, as a smile does. */
export function smile(face: readonly Point[], factor: number): Point[] {
  const mouth = Array.from({ length: 20 }, (_, i) => 48 + i);
  const cx = mouth.reduce((s, i) => s + face[i]!.x, 0) / mouth.length;
  return face.map((p, i) => (i >= 48 ? { x: cx + (p.x - cx) * factor, y: p.y } : p));
}

/** Seeded landmark jitter (Gaussian, `sigma` eye distances), as the landmark net adds frame to frame. */
export function jitter(face: readonly Point[], sigma: number, seed: number): Point[] {
  let state = seed;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state + 1) / (2 ** 31 + 1);
  };
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const { unit } = eyeFrame(face);
  return face.map((p) => ({ x: p.x + gauss() * sigma * unit, y: p.y + gauss() * sigma * unit }));
}
