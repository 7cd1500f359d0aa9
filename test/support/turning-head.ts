import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Point } from '../../main/contract/face-pose';
import type { LivenessChallenge } from '../../main/contract/liveness';
import type { MovementFrames } from '../../main/contract/report';

/**
 * The public-domain NASA astronaut portrait (Eileen Collins) that Debian's scikit-image ships:
 * unlike the White House portraits, its terms let it be altered (see test/fixtures/faces/SOURCES.md).
 */
export const ASTRONAUT = '/usr/lib/python3/dist-packages/skimage/data/astronaut.png';

type Pixels = { width: number; height: number; data: Uint8ClampedArray };
type Shape = ReturnType<TurningHead['measure']>;

/**
 * A portrait given a head's shape and turned in software: the face lies on a half-ellipsoid with
 * a nose ridge standing out of it (sized from the 68 landmarks), each pixel rotated in 3D and
 * projected with a depth buffer. Crude, but it has what a head has and a photo lacks: depth, so
 * the nose swings across the face as it turns. Smiling is a 2D widening of the mouth.
 */
export class TurningHead {
  private constructor(
    private readonly source: Pixels,
    private readonly landmarks: readonly Point[],
    private readonly flat: boolean,
  ) {}

  /** `flat`: the same portrait as a flat card (no depth), turned and tilted the same way. */
  static async of(file: string, landmarks: readonly Point[], { flat = false } = {}): Promise<TurningHead> {
    const image = await loadImage(file);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    return new TurningHead({ width: image.width, height: image.height, data }, landmarks, flat);
  }

  private get shape(): Shape {
    return (this.measured ??= this.measure());
  }
  private measured: Shape | undefined;

  private measure() {
    const l = this.landmarks;
    const mean = (from: number, to: number) => {
      const part = l.slice(from, to + 1);
      return {
        x: part.reduce((s, p) => s + p.x, 0) / part.length,
        y: part.reduce((s, p) => s + p.y, 0) / part.length,
      };
    };
    const [leftEye, rightEye] = [mean(36, 41), mean(42, 47)];
    const eye = Math.hypot(rightEye.x - leftEye.x, rightEye.y - leftEye.y);
    const browTop = Math.min(...l.slice(17, 27).map((p) => p.y));
    const top = browTop - 0.9 * eye;
    const chin = l[8]!.y;
    const a = ((l[16]!.x - l[0]!.x) / 2) * 1.08;
    return {
      eye,
      cx: (l[16]!.x + l[0]!.x) / 2,
      cy: (top + chin) / 2,
      a,
      b: ((chin - top) / 2) * 1.04,
      c: a * 0.85,
      ridge: [l[27]!, l[30]!] as const,
      mouth: { x: (l[48]!.x + l[54]!.x) / 2, y: (l[48]!.y + l[54]!.y) / 2, half: (l[54]!.x - l[48]!.x) / 2 },
    };
  }

  /** Height of the head's surface over its centre plane at (x, y), or null outside the head. */
  private depth(x: number, y: number): number | null {
    const { cx, cy, a, b, c, eye, ridge } = this.shape;
    const u = (x - cx) / a;
    const v = (y - cy) / b;
    const r = 1 - u * u - v * v;
    if (r <= 0) return null;
    if (this.flat) return c;
    // The nose: a ridge from between the eyes (low) to the tip (highest), half an eye distance proud.
    const [from, to] = ridge;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const along = Math.max(0, Math.min(1, ((x - from.x) * dx + (y - from.y) * dy) / (dx * dx + dy * dy)));
    const off = Math.hypot(x - (from.x + along * dx), y - (from.y + along * dy));
    const sigma = 0.2 * eye;
    const nose = 0.55 * eye * (0.35 + 0.65 * along) * Math.exp(-(off * off) / (2 * sigma * sigma));
    return c * Math.sqrt(r) + nose;
  }

  /** The head turned by `yaw` (to the hire's left when positive) and tilted up by `pitch`, in degrees. */
  render(pose: { yaw?: number; pitch?: number; smile?: number }, noiseSeed: number): Pixels {
    const { width, height, data } = this.source;
    const { cx, cy, a, b } = this.shape;
    const out = new Uint8ClampedArray(data);
    // The head's place is filled with the colour around it, then the turned head drawn over it.
    const ring: number[] = [0, 0, 0];
    let ringCount = 0;
    for (let t = 0; t < 360; t += 2) {
      const x = Math.round(cx + 1.15 * a * Math.cos((t * Math.PI) / 180));
      const y = Math.round(cy + 1.1 * b * Math.sin((t * Math.PI) / 180));
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      for (let k = 0; k < 3; k++) ring[k]! += data[(y * width + x) * 4 + k]!;
      ringCount += 1;
    }
    const zbuffer = new Float32Array(width * height).fill(Number.NEGATIVE_INFINITY);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const u = (x - cx) / (a * 1.12);
        const v = (y - cy) / (b * 1.08);
        if (u * u + v * v >= 1) continue;
        for (let k = 0; k < 3; k++) out[(y * width + x) * 4 + k] = ring[k]! / ringCount;
      }
    const yaw = ((pose.yaw ?? 0) * Math.PI) / 180;
    const pitch = ((pose.pitch ?? 0) * Math.PI) / 180;
    const smile = this.smiled(pose.smile ?? 0);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const z = this.depth(x, y);
        if (z === null) continue;
        // Yaw about the vertical axis, then pitch about the horizontal one, through the head's centre.
        const x1 = (x - cx) * Math.cos(yaw) + z * Math.sin(yaw);
        const z1 = -(x - cx) * Math.sin(yaw) + z * Math.cos(yaw);
        const y2 = (y - cy) * Math.cos(pitch) - z1 * Math.sin(pitch);
        const z2 = (y - cy) * Math.sin(pitch) + z1 * Math.cos(pitch);
        const [sx, sy] = smile(x, y);
        const from = (Math.round(sy) * width + Math.round(sx)) * 4;
        // Splatted over 2 × 2 pixels, so stretched parts leave no holes.
        for (const [ox, oy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ] as const) {
          const tx = Math.floor(cx + x1) + ox;
          const ty = Math.floor(cy + y2) + oy;
          if (tx < 0 || ty < 0 || tx >= width || ty >= height) continue;
          const at = ty * width + tx;
          if (z2 <= zbuffer[at]!) continue;
          zbuffer[at] = z2;
          for (let k = 0; k < 3; k++) out[at * 4 + k] = data[from + k]!;
        }
      }
    // Sensor noise: no two frames of a camera are the same bytes.
    let seed = noiseSeed * 2654435761 + 1;
    for (let i = 0; i < out.length; i++) {
      if (i % 4 === 3) continue;
      seed = (seed * 1103515245 + 12345) >>> 0;
      out[i] = out[i]! + ((seed >>> 16) % 5) - 2;
    }
    return { width, height, data: out };
  }

  /** Where a pixel is read from when the mouth is widened by `by` (0.15: 15% wider). */
  private smiled(by: number): (x: number, y: number) => [number, number] {
    const { mouth } = this.shape;
    const rx = mouth.half * 2.2;
    const ry = mouth.half * 0.9;
    return (x, y) => {
      const u = (x - mouth.x) / rx;
      const v = (y - mouth.y) / ry;
      const w = Math.max(0, 1 - u * u - v * v);
      return [mouth.x + (x - mouth.x) / (1 + by * w), y];
    };
  }

  /** A camera frame around the face: a square 2.6 faces wide, at most 256 px, as JPEG. */
  async frame(pixels: Pixels): Promise<Uint8Array> {
    const { cx, cy, a } = this.shape;
    const side = Math.min(pixels.width, pixels.height, Math.round(a * 2 * 2.6));
    const x = Math.max(0, Math.min(pixels.width - side, Math.round(cx - side / 2)));
    const y = Math.max(0, Math.min(pixels.height - side, Math.round(cy - side / 2)));
    const full = createCanvas(pixels.width, pixels.height);
    const image = full.getContext('2d').createImageData(pixels.width, pixels.height);
    image.data.set(pixels.data);
    full.getContext('2d').putImageData(image, 0, 0);
    const size = Math.min(256, side);
    const canvas = createCanvas(size, size);
    canvas.getContext('2d').drawImage(full, x, y, side, side, 0, 0, size, size);
    return canvas.encode('jpeg', 85);
  }

  /**
   * One movement answered as a hire would: three still frontal frames (the baseline), then the
   * response easing in and held, 100 ms apart.
   */
  async movement(kind: LivenessChallenge, start = 0): Promise<MovementFrames> {
    const ramp = [0.5, 1, 1];
    const pose = (f: number) =>
      kind === 'turn-left'
        ? { yaw: 30 * f }
        : kind === 'turn-right'
          ? { yaw: -30 * f }
          : kind === 'look-up'
            ? { pitch: 25 * f }
            : kind === 'smile'
              ? { smile: 0.6 * f }
              : {};
    const poses = [0, 0, 0, ...ramp].map(pose);
    const frames = await Promise.all(
      poses.map(async (p, i) => ({
        t: start + i * 100,
        jpeg: Buffer.from(await this.frame(this.render(p, start + i))).toString('base64'),
      })),
    );
    return { kind, frames };
  }

  /** The frontal face as a camera frame (what the match frames show). */
  async frontal(seed = 99): Promise<Uint8Array> {
    return this.frame(this.render({}, seed));
  }
}
