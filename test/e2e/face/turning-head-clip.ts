import { spawn } from 'node:child_process';
import { createCanvas } from '@napi-rs/canvas';
import type { Point } from '../../../main/contract/face-pose';
import type { LivenessChallenge } from '../../../main/contract/liveness';
import type { TurningHead } from '../../support/turning-head';

/** What Chromium's fake camera plays: 640×480 at 15 frames/s. */
const clip = { width: 640, height: 480, fps: 15 };

/**
 * The clip's timeline, in seconds. The camera step settles on the first steady frontal frames it
 * reads and then gives each movement 6 s (livenessRules), but when it reads its first frame depends
 * on the models warming up on a busy CPU. So the clip opens with no one in front of the camera
 * (under the 6 s it may wait for a face, however soon it starts), and the head sits down a short
 * frontal spell before the first movement. For each movement: frontal (the baseline), the response
 * eased in, held, and a quick return (a slow one would give the next baseline a half-turned face).
 * Settling during a held look-up or smile, the next response still comes within 6 s. It ends
 * frontal for the match frames.
 */
const timeline = { empty: 4, frontal: 2.2, ease: 0.4, hold: 1.2, back: 0.13, tail: 10 };

type Pose = { yaw?: number; pitch?: number; smile?: number } | 'empty';

/**
 * The pose of the full response: the turns and the look-up as test/support/turning-head.ts answers
 * a movement on the server; the smile broader (the mouth 21% wider as the server reads the render,
 * where 0.6 gives 14% on a still frame and read only 10% through the fake camera and the app's
 * crops: under the rule's 12%, a smile too faint to ask a test to pass on).
 */
const response = (kind: LivenessChallenge): Exclude<Pose, 'empty'> =>
  kind === 'turn-left'
    ? { yaw: 30 }
    : kind === 'turn-right'
      ? { yaw: -30 }
      : kind === 'look-up'
        ? { pitch: 25 }
        : kind === 'smile'
          ? { smile: 1.2 }
          : {};

const scaled = (pose: Exclude<Pose, 'empty'>, f: number): Pose => ({
  yaw: (pose.yaw ?? 0) * f,
  pitch: (pose.pitch ?? 0) * f,
  smile: (pose.smile ?? 0) * f,
});

/** The pose in every frame: how far into the response (0 frontal, 1 full) per frame. */
function poses(movements: readonly LivenessChallenge[]): Pose[] {
  const frames = (seconds: number) => Math.max(1, Math.round(seconds * clip.fps));
  const out: Pose[] = Array.from({ length: frames(timeline.empty) }, () => 'empty' as const);
  for (const kind of movements) {
    const full = response(kind);
    out.push(...Array.from({ length: frames(timeline.frontal) }, () => ({})));
    const ease = frames(timeline.ease);
    for (let i = 1; i <= ease; i++) out.push(scaled(full, i / ease));
    out.push(...Array.from({ length: frames(timeline.hold) }, () => full));
    const back = frames(timeline.back);
    for (let i = back - 1; i >= 0; i--) out.push(scaled(full, i / back));
  }
  out.push(...Array.from({ length: frames(timeline.tail) }, () => ({})));
  return out;
}

/** A 4:3 window three face-widths wide around the face, as a webcam frames head and shoulders. */
function window4x3(landmarks: readonly Point[], size: { width: number; height: number }) {
  const xs = landmarks.map((p) => p.x);
  const ys = landmarks.map((p) => p.y);
  const faceWidth = Math.max(...xs) - Math.min(...xs);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const w = Math.min(size.width, Math.round(faceWidth * 3), Math.round((size.height * 4) / 3));
  const h = Math.round((w * 3) / 4);
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return { x: clamp(cx - w / 2, size.width - w), y: clamp(cy - h / 2, size.height - h), w, h };
}

/**
 * The rendered head answering `movements` in order, as a .y4m clip for Chromium's fake camera
 * (made at test time: raw frames piped to ffmpeg). Poses repeat, so each is rendered once.
 */
export async function turningHeadClip(
  head: TurningHead,
  landmarks: readonly Point[],
  movements: readonly LivenessChallenge[],
  out: string,
): Promise<string> {
  const rendered = new Map<string, Buffer>();
  const frameOf = (pose: Pose): Buffer => {
    const key = JSON.stringify(pose);
    const known = rendered.get(key);
    if (known) return known;
    if (pose === 'empty') {
      const grey = Buffer.alloc(clip.width * clip.height * 4, 128);
      rendered.set(key, grey);
      return grey;
    }
    const pixels = head.render(pose, rendered.size + 1);
    const source = createCanvas(pixels.width, pixels.height);
    const image = source.getContext('2d').createImageData(pixels.width, pixels.height);
    image.data.set(pixels.data);
    source.getContext('2d').putImageData(image, 0, 0);
    const view = window4x3(landmarks, pixels);
    const canvas = createCanvas(clip.width, clip.height);
    const context = canvas.getContext('2d');
    context.drawImage(source, view.x, view.y, view.w, view.h, 0, 0, clip.width, clip.height);
    const rgba = Buffer.from(context.getImageData(0, 0, clip.width, clip.height).data.buffer);
    rendered.set(key, rgba);
    return rgba;
  };
  const ffmpeg = spawn(
    'ffmpeg',
    [
      ...['-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba'],
      ...['-s', `${clip.width}x${clip.height}`, '-r', String(clip.fps), '-i', '-'],
      ...['-pix_fmt', 'yuv420p', out],
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  ffmpeg.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    ffmpeg.once('error', reject);
    ffmpeg.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr}`)),
    );
  });
  for (const pose of poses(movements)) {
    if (!ffmpeg.stdin.write(frameOf(pose)))
      await new Promise<void>((resolve) => ffmpeg.stdin.once('drain', () => resolve()));
  }
  ffmpeg.stdin.end();
  await done;
  return out;
}
