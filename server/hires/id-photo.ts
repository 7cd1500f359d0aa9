import { ApiFailure } from '../http/api-failure';
import { imageType } from '../photos/image-type';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Decodes the base64 ID photo and accepts only a JPEG or a PNG of sane size. */
export function decodeIdPhoto(base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64))
    throw new ApiFailure(400, 'id-photo.not-base64', 'idPhoto must be base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new ApiFailure(413, 'id-photo.too-large', `idPhoto is over ${MAX_PHOTO_BYTES} bytes`);
  if (!imageType(bytes))
    throw new ApiFailure(415, 'id-photo.not-an-image', 'idPhoto must be a JPEG or a PNG');
  return bytes;
}
