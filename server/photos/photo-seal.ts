import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDurably } from '../../main/data/durable-write';

/** Encrypts biometric data at rest (ID photos, face frames) with AES-256-GCM. */
export interface PhotoSeal {
  seal(plain: Uint8Array): Buffer;
  open(sealed: Uint8Array): Buffer;
}

function sealWith(key: Buffer): PhotoSeal {
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
}

/**
 * The key comes from HIREPROOF_PHOTO_KEY (32 bytes, base64) — required when several servers share
 * one database — or from a 0600 file made in the data folder on first start.
 */
export async function loadPhotoSeal(dataDir: string, fromEnv: string | undefined): Promise<PhotoSeal> {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('HIREPROOF_PHOTO_KEY must be 32 bytes, base64-encoded');
    return sealWith(key);
  }
  const path = join(dataDir, 'photo-key');
  if (!(await stat(path).catch(() => null)))
    await writeDurably(path, randomBytes(32).toString('base64'), 0o600);
  return sealWith(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64'));
}
