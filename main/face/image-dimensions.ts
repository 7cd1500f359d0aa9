import { FaceImageError } from './face-image-error';

/**
 * The largest photo the face engine decodes. A few kilobytes of PNG can declare 60 000 × 60 000
 * pixels and ask the decoder for gigabytes, so the header is read first and such images are refused
 * unopened. A webcam frame is at most 3840 × 2160; an ID photo scan at 600 dpi is about 2000 × 3000.
 */
export const faceImageLimits = { maxSide: 8_192, maxPixels: 25_000_000 };

/** Start-of-frame markers that carry a JPEG's size (SOF0–SOF15 without DHT, JPG and DAC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Width and height as a PNG's IHDR or a JPEG's start-of-frame header states them; null if neither is found. */
export function declaredDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) {
    // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (SOF.has(marker)) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

/** Refuses, before any decoding, an image that is no PNG or JPEG or declares more pixels than the engine takes. */
export function assertDecodableSize(bytes: Uint8Array): void {
  const size = declaredDimensions(bytes);
  if (!size) throw new FaceImageError('not a decodable image (no PNG or JPEG size header)');
  const { width, height } = size;
  const { maxSide, maxPixels } = faceImageLimits;
  if (width > maxSide || height > maxSide || width * height > maxPixels)
    throw new FaceImageError(
      `image declares ${width}×${height} pixels, over the ${maxSide}-pixel side or ${maxPixels / 1e6} MP limit; refused before decoding`,
    );
}
