/**
 * Light and sharpness of a face crop, from its RGBA pixels (ImageData's layout). DOM-free so the
 * thresholds are tested on plain arrays.
 */
export interface ImageMeasures {
  /** Mean luma, 0–255. */
  brightness: number;
  /** Variance of the 4-neighbour Laplacian of the luma: low when the crop is blurred. */
  sharpness: number;
}

export function measureImage(rgba: ArrayLike<number>, width: number, height: number): ImageMeasures {
  if (width < 3 || height < 3 || rgba.length < width * height * 4) {
    throw new Error(
      `measureImage needs at least 3×3 RGBA pixels, got ${width}×${height} (${rgba.length} values)`,
    );
  }
  const luma = new Float32Array(width * height);
  let sum = 0;
  for (let i = 0; i < luma.length; i++) {
    luma[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
    sum += luma[i]!;
  }
  let lapSum = 0;
  let lapSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = luma[i - 1]! + luma[i + 1]! + luma[i - width]! + luma[i + width]! - 4 * luma[i]!;
      lapSum += lap;
      lapSquares += lap * lap;
      count++;
    }
  }
  const mean = lapSum / count;
  return { brightness: sum / luma.length, sharpness: lapSquares / count - mean * mean };
}
