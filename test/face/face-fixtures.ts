import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** Public-domain portraits committed with the tests. */
export const committedFaces = fileURLToPath(new URL('../fixtures/faces/', import.meta.url));

/**
 * MEDS mugshots may not be committed: read from shared/ beside the repository (worktrees under
 * /work and CI clones alike). Never faces-eval: it is kept for independent evaluation.
 */
export const sharedFaces = fileURLToPath(new URL('../../../shared/fixtures/faces/', import.meta.url));

export async function faceBytes(dir: string, file: string): Promise<Uint8Array> {
  if (!existsSync(dir)) throw new Error(`face fixtures missing: ${dir}`);
  return readFile(dir + file);
}

/** Two portraits side by side in one picture, composed in memory (the files stay untouched). */
export async function twoFacesSideBySide(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  const [a, b] = await Promise.all([loadImage(Buffer.from(left)), loadImage(Buffer.from(right))]);
  const canvas = createCanvas(a.width + b.width, Math.max(a.height, b.height));
  const context = canvas.getContext('2d');
  context.drawImage(a, 0, 0);
  context.drawImage(b, a.width, 0);
  return canvas.encode('jpeg', 90);
}

/** Deterministic grey-level noise: texture everywhere, no face anywhere. */
export function noisePng(width = 400, height = 400): Uint8Array {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(width, height);
  let seed = 42;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    image.data.fill(seed % 256, i, i + 3);
    image.data[i + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

/**
 * The photo as a phone camera stores it when held sideways: pixels turned a quarter clockwise, and
 * an EXIF Orientation tag (8: turn a quarter back to view) that viewers must honour.
 */
export async function storedSideways(photo: Uint8Array): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(photo));
  const canvas = createCanvas(image.height, image.width);
  const context = canvas.getContext('2d');
  context.translate(image.height, 0);
  context.rotate(Math.PI / 2);
  context.drawImage(image, 0, 0);
  const jpeg = await canvas.encode('jpeg', 90);
  // APP1 "Exif": big-endian TIFF header, one IFD entry: tag 0x0112 Orientation, SHORT, value 8.
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 8, 0, 0, 0, 0, 0, 0];
  const app1 = [0xff, 0xe1, 0, 2 + 6 + tiff.length, ...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from(app1), jpeg.subarray(2)]);
}
