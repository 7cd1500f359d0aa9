import { createCanvas, loadImage } from '@napi-rs/canvas';

/** A camera-sized JPEG frame made from a fixture photo (the app sends frames this small). */
export async function faceFrame(path: string, width = 480): Promise<string> {
  const image = await loadImage(path);
  const height = Math.round((image.height / image.width) * width);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0, width, height);
  return (await canvas.encode('jpeg', 85)).toString('base64');
}
