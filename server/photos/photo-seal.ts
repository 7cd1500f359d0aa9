import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Encrypts biometric data and secrets at rest (ID photos, face frames and templates, traces) with AES-256-GCM. */
export interface PhotoSeal {
  seal(plain: Uint8Array): Buffer;
  open(sealed: Uint8Array): Buffer;
  /** Whether `sealed` was sealed with this key (its tag checks out). */
  opens(sealed: Uint8Array): boolean;
}

export const PHOTO_KEY_BYTES = 32;

export function photoSeal(key: Buffer): PhotoSeal {
  if (key.length !== PHOTO_KEY_BYTES) throw new Error(`a photo key is ${PHOTO_KEY_BYTES} bytes`);
  const open = (sealed: Uint8Array) => {
    const bytes = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  };
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open,
    opens(sealed) {
      try {
        open(sealed);
        return true;
      } catch {
        return false;
      }
    },
  };
}
