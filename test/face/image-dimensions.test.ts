import { createCanvas, loadImage } from '@napi-rs/canvas';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertDecodableSize, declaredDimensions } from '../../main/face/image-dimensions';

const FACES = 'test/fixtures/faces';

/** The size read from the header must be the size the decoder produces, for every kind of file it meets. */
describe('the size an image declares, read before decoding', () => {
  it('matches the decoded size of every committed face photo and of PNGs and ffmpeg JPEGs', async () => {
    const files = (
      await Promise.all(
        (await readdir(FACES, { withFileTypes: true }))
          .filter((d) => d.isDirectory())
          .map(async (d) => (await readdir(join(FACES, d.name))).map((f) => join(FACES, d.name, f))),
      )
    ).flat();
    const samples: Uint8Array[] = await Promise.all(files.map((f) => readFile(f)));
    const canvas = createCanvas(333, 217);
    canvas.getContext('2d').fillRect(10, 10, 50, 50);
    samples.push(await canvas.encode('png'), await canvas.encode('jpeg', 70));
    // A JPEG as ffmpeg writes webcam frames (its own segments before the frame header).
    samples.push(
      execFileSync('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=321x123', '-frames:v', '1'],
        ...['-c:v', 'mjpeg', '-f', 'image2pipe', '-'],
      ]),
    );
    for (const bytes of samples) {
      const image = await loadImage(Buffer.from(bytes));
      expect(declaredDimensions(bytes)).toEqual({ width: image.width, height: image.height });
    }
  });

  it('refuses a header over the limit, and bytes that are neither PNG nor JPEG', () => {
    const png = Buffer.alloc(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    png.writeUInt32BE(9_000, 16);
    png.writeUInt32BE(10, 20);
    expect(() => assertDecodableSize(png)).toThrow(/9000×10 pixels.*refused before decoding/);
    png.writeUInt32BE(5_000, 16);
    png.writeUInt32BE(5_001, 20);
    expect(() => assertDecodableSize(png)).toThrow(/5000×5001/);
    png.writeUInt32BE(4_000, 20);
    expect(() => assertDecodableSize(png)).not.toThrow();
    expect(() => assertDecodableSize(Buffer.from('GIF89a'))).toThrow(
      /not a decodable image \(no PNG or JPEG/,
    );
  });
});
