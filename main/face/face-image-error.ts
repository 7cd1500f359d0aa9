/** The bytes given as a photo are not an image we can decode: bad input, not a missing face. */
export class FaceImageError extends Error {
  override name = 'FaceImageError';
}
