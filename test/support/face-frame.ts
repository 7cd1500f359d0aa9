import { readFile } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A face photo scaled down to what a webcam frame weighs (the report caps a frame at ~200 KB). */
export async function faceFrame(path: string, width = 640): Promise<Uint8Array> {
  const image = await loadImage(await readFile(path));
  const canvas = createCanvas(width, Math.round((image.height * width) / image.width));
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.encode('jpeg', 85);
}
