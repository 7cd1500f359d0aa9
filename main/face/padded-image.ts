import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { detectionBorderFraction } from '../contract/face-quality';
import { FaceImageError } from './face-image-error';
import { assertDecodableSize } from './image-dimensions';

/**
 * Decodes a photo onto a canvas inside a 50% grey border: the SSD detector misses faces that fill a
 * tightly cropped image (ID photos), and finds nearly all of them once there is margin around them.
 */
export async function paddedImage(bytes: Uint8Array): Promise<{ canvas: Canvas; border: number }> {
  assertDecodableSize(bytes);
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new FaceImageError(`not a decodable image (${(error as Error).message})`);
  }
  if (image.width === 0 || image.height === 0) throw new FaceImageError('image has no pixels');
  const border = Math.round(Math.max(image.width, image.height) * detectionBorderFraction);
  const canvas = createCanvas(image.width + 2 * border, image.height + 2 * border);
  const context = canvas.getContext('2d');
  context.fillStyle = 'rgb(128, 128, 128)';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, border, border);
  return { canvas, border };
}
