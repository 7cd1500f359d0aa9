import { loadImage } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadNodeFaceApi } from '../../main/face/node-face-api';

/**
 * Records the 68 landmarks of every person in a video, frame by frame, as a small JSON trace for
 * the liveness judge's tests (real faces moving in 3D). Decodes with ffmpeg; SSD detector and the
 * 68-landmark net on WASM. Faces are followed from frame to frame by the nearest box centre.
 *
 *   npx tsx scripts/face/record-landmark-traces.ts --video V.mp4 --fps 15 --source "…" --out T.json
 */
const { values } = parseArgs({
  options: {
    video: { type: 'string' },
    out: { type: 'string' },
    fps: { type: 'string', default: '15' },
    source: { type: 'string', default: '' },
    people: { type: 'string', default: '3' },
  },
});
if (!values.video || !values.out)
  throw new Error('usage: --video FILE --out FILE.json [--fps N] [--source TEXT]');
const fps = Number(values.fps);

const frameDir = mkdtempSync(join(tmpdir(), 'landmark-trace-'));
try {
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-i',
    values.video,
    '-vf',
    `fps=${fps}`,
    join(frameDir, '%04d.png'),
  ]);
  const { faceapi, models } = await loadNodeFaceApi();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(models);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(models);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.3 });

  type Tracked = {
    centre: { x: number; y: number };
    frames: { t: number; faces: number; landmarks: number[][] | null }[];
  };
  let people: Tracked[] | null = null;
  const files = readdirSync(frameDir).sort();
  for (const [index, file] of files.entries()) {
    const image = await loadImage(readFileSync(join(frameDir, file)));
    const found = await faceapi
      .detectAllFaces(image as unknown as HTMLImageElement, options)
      .withFaceLandmarks();
    const faces = found.map((f) => ({
      centre: {
        x: f.detection.box.x + f.detection.box.width / 2,
        y: f.detection.box.y + f.detection.box.height / 2,
      },
      width: f.detection.box.width,
      landmarks: f.landmarks.positions.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]),
    }));
    const t = Math.round((index * 1000) / fps);
    people ??= faces
      .sort((a, b) => b.width - a.width)
      .slice(0, Number(values.people))
      .map((f) => ({ centre: f.centre, frames: [] }));
    for (const person of people) {
      const nearest = faces
        .map((f) => ({ f, d: Math.hypot(f.centre.x - person.centre.x, f.centre.y - person.centre.y) }))
        .sort((a, b) => a.d - b.d)[0];
      const same = nearest && nearest.d < nearest.f.width;
      if (same) person.centre = nearest.f.centre;
      // One person followed: the others in the picture are not part of this trace.
      person.frames.push({ t, faces: same ? 1 : 0, landmarks: same ? nearest.f.landmarks : null });
    }
  }
  writeFileSync(
    values.out,
    JSON.stringify({ source: values.source, fps, people: (people ?? []).map((p) => p.frames) }) + '\n',
  );
  console.log(`${files.length} frames, ${people?.length ?? 0} people → ${values.out}`);
} finally {
  rmSync(frameDir, { recursive: true, force: true });
}
