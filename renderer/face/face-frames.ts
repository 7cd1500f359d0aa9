import type { FaceBox } from '../../main/contract/face-quality';

/** The longest side of a face frame sent to the server: enough for its 150 px descriptor crop. */
const maxFrameSide = 400;
/** Base64 characters per frame the report accepts (FaceEvidence.frames). */
const maxBase64Length = 270_000;

/** Copies the current video frame, so later work sees the frame the decision was made on. */
export function snapshot(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return canvas;
}

/**
 * The face with a margin of its own width on each side (the server's detector needs context),
 * scaled down to at most 400 px, as base64 JPEG no longer than the report allows.
 */
export function cropFace(frame: HTMLCanvasElement, box: FaceBox): string {
  const margin = box.width;
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  const width = Math.min(frame.width, Math.ceil(box.x + box.width + margin)) - x;
  const height = Math.min(frame.height, Math.ceil(box.y + box.height + margin)) - y;
  if (width <= 0 || height <= 0) throw new Error('the face box lies outside the frame');
  const scale = Math.min(1, maxFrameSide / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  canvas.getContext('2d')!.drawImage(frame, x, y, width, height, 0, 0, canvas.width, canvas.height);
  return jpegWithin(canvas, maxBase64Length, 'a face frame');
}

/** The canvas as base64 JPEG of at most `maxChars`, at the best quality that fits. */
export function jpegWithin(canvas: HTMLCanvasElement, maxChars: number, what: string): string {
  for (const quality of [0.9, 0.8, 0.65, 0.5]) {
    const jpeg = canvas.toDataURL('image/jpeg', quality).replace(/^data:image\/jpeg;base64,/, '');
    if (jpeg.length <= maxChars) return jpeg;
  }
  throw new Error(`${what} does not fit the report even at JPEG quality 0.5`);
}
