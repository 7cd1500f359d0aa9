import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FaceBox } from '../../../main/contract/face-quality';

const run = promisify(execFile);

/** Fake-camera clips are 640×480 .y4m files (what Chromium's --use-file-for-fake-video-capture reads). */
const size = { width: 640, height: 480 };

export interface Photo {
  file: string;
  width: number;
  height: number;
  /** The face's box in the photo (SSD, Node pipeline), so the clip frames head and shoulders. */
  face: FaceBox;
}

/** Public-domain portraits committed in test/fixtures/faces, with their faces' boxes. */
export const portraits = {
  obama1: {
    file: 'obama/1.jpg',
    width: 910,
    height: 1137,
    face: { x: 379, y: 104, width: 216, height: 299 },
  },
  obama3: {
    file: 'obama/3.jpg',
    width: 1434,
    height: 2333,
    face: { x: 636, y: 237, width: 263, height: 372 },
  },
  biden1: {
    file: 'biden/1.jpg',
    width: 970,
    height: 2204,
    face: { x: 437, y: 169, width: 262, height: 382 },
  },
} satisfies Record<string, Photo>;

/** A 4:3 crop three face-widths wide, centred on the face and kept inside the photo. */
function headAndShoulders({ width, height, face }: Photo) {
  const w = Math.min(width, Math.round(face.width * 3));
  const h = Math.min(height, Math.round((w * 3) / 4));
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return {
    w,
    h,
    x: clamp(face.x + face.width / 2 - w / 2, width - w),
    y: clamp(face.y + face.height / 2 - h / 2, height - h),
  };
}

async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-loglevel', 'error', '-y', ...args], { maxBuffer: 1 << 20 });
}

/** The photo held still in front of the camera. */
export async function stillPhotoClip(photosDir: string, photo: Photo, out: string): Promise<string> {
  const c = headAndShoulders(photo);
  await ffmpeg([
    ...['-loop', '1', '-framerate', '15', '-t', '2', '-i', photosDir + photo.file],
    ...['-vf', `crop=${c.w}:${c.h}:${c.x}:${c.y},scale=${size.width}:${size.height},format=yuv420p`],
    out,
  ]);
  return out;
}

/**
 * The photo moved only in the image plane, as a printed photo or a phone screen waved at the camera:
 * turned about its vertical axis (perspective: one side shrinks), rotated ±17°, shifted ±70 px.
 */
export async function movedPhotoClip(photosDir: string, photo: Photo, out: string): Promise<string> {
  const c = headAndShoulders(photo);
  const s = 'sin(2*PI*in/45)';
  const shrinkLeft = `max(0\\,${s})`;
  const shrinkRight = `max(0\\,-${s})`;
  const perspective =
    `perspective=sense=destination:eval=frame:` +
    `x0=110*${shrinkLeft}:y0=70*${shrinkLeft}:x1=W-110*${shrinkRight}:y1=70*${shrinkRight}:` +
    `x2=110*${shrinkLeft}:y2=H-70*${shrinkLeft}:x3=W-110*${shrinkRight}:y3=H-70*${shrinkRight}`;
  await ffmpeg([
    ...['-loop', '1', '-framerate', '15', '-t', '6', '-i', photosDir + photo.file],
    '-vf',
    [
      `crop=${c.w}:${c.h}:${c.x}:${c.y}`,
      `scale=${size.width}:${size.height}`,
      perspective,
      `rotate=a='0.3*sin(2*PI*t/3.1)':fillcolor=gray`,
      `pad=800:600:80:60:color=gray`,
      `crop=${size.width}:${size.height}:x='80+70*sin(2*PI*t/2.3)':y='60+40*sin(2*PI*t/1.9)'`,
      'format=yuv420p',
    ].join(','),
    out,
  ]);
  return out;
}

/** A region of a real video, scaled to the camera's size. */
export async function videoClip(
  video: string,
  region: { x: number; y: number; w: number; h: number },
  out: string,
): Promise<string> {
  await ffmpeg([
    ...['-i', video],
    ...[
      '-vf',
      `crop=${region.w}:${region.h}:${region.x}:${region.y},scale=${size.width}:${size.height},format=yuv420p`,
    ],
    out,
  ]);
  return out;
}
